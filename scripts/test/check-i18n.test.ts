import { describe, expect, it } from 'vitest';
import { checkCatalogues } from '../i18n-catalogues.js';
import { checkRepository } from '../check-i18n.js';

const problems = (text: string) => checkCatalogues('app/strings.ts', text).problems.map((p) => `${p.file}:${p.line} ${p.path}: ${p.message}`);

describe('check:i18n', () => {
  it('names the file, line and key path of a key missing in one language', () => {
    expect(problems(`
const en = { save: 'Save', states: { draft: 'draft', retired: 'retired' } };
type Texts = typeof en;
const lt: Texts = { save: 'Išsaugoti', states: { draft: 'juodraštis', retired: 'nebenaudojama' } };
const lv = { save: 'Saglabāt', states: { draft: 'melnraksts' } };
export const TEXTS = { lt, lv, en } satisfies Record<string, Texts>;
`)).toEqual(['app/strings.ts:2 TEXTS.states.retired: is in lt, en but not in lv']);
  });

  it('finds an empty text, a function taking other arguments or leaving one out, and a language left out', () => {
    expect(problems(`
const LABELS = {
  en: { title: 'Invoice', total: (sum: string, currency: string) => \`Total \${sum} \${currency}\`, saved: (file: string) => \`\${file} saved\` },
  lt: { title: '', total: (sum: string) => \`Iš viso \${sum}\`, saved: (_file: string) => 'Išsaugota' },
};
`)).toEqual([
      'app/strings.ts:2 LABELS: has no lv',
      'app/strings.ts:4 LABELS.title: is empty in lt',
      'app/strings.ts:3 LABELS.total: takes different arguments: en 2, lt 1',
      'app/strings.ts:3 LABELS.saved: leaves out argument 1 in lt',
    ]);
  });

  it('wants a single text in every language, unless its table keyed by the English agrees on fewer', () => {
    expect(problems(`
const agency = { name: { lt: 'Kauno miesto savivaldybė', en: 'Kaunas City Municipality' } };
const VIEWER = {
  'Add new': { lt: 'Pridėti', lv: 'Pievienot' },
  Search: { lt: 'Ieškoti', lv: 'Meklēt' },
  Select: { lt: 'Pasirinkite' },
};
const blank = () => ({ lt: '', lv: '', en: '' });
`)).toEqual([
      'app/strings.ts:2 agency.name: is in lt, en but not in lv',
      'app/strings.ts:6 VIEWER.Select: is in lt but not in lv',
    ]);
  });

  it('passes complete catalogues', () => {
    expect(problems(`
const en = { open: 'Open', copied: (v: string) => \`Version \${v} created\`, levels: ['one', 'two'] };
export const WORDS = { lt: { ...en, open: 'Atverti', copied: (v: string) => \`Sukurta \${v}\`, levels: ['vienas', 'du'] }, lv: { ...en, open: 'Atvērt' }, en };
`)).toEqual([]);
  });

  it("finds the web apps' and the server's catalogues without being told of them", () => {
    const found = checkRepository().catalogues.filter((c) => c.shape === 'by-language').map((c) => `${c.file} ${c.name}`);
    expect(found).toEqual(expect.arrayContaining([
      'designer/web/src/shell/i18n.ts TEXTS',
      'designer/web/src/test-runs/messages.ts MESSAGES',
      'runtime/web/src/i18n.ts TEXTS',
      'runtime/web/src/pages/accessibility-page.tsx STATEMENT',
      'runtime/src/receipts/receipt-pdf.ts WORDS',
      'connectors/src/sdk/element-template.ts LABELS',
    ]));
  });
});
