import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cardProblems } from '../web/src/card/card-problems.js';
import { readCard, setCardValue } from '../web/src/card/card-yaml.js';
import { cardStrings } from '../web/src/card/strings.js';

const card = `# Street trading permit card
code: street-trading-permit            # stable id
version: 1.2.0
title: { lt: "Leidimas prekiauti viešoje vietoje", en: "Street trading permit" }
provider: kaunas-city
audience: [citizens]
price: free
interactivityLevel: 4
onlineOrder: true
retention: { applications: P5Y }
connectors:                             # no secrets here
  legal-entities: { register: jar }
x-unknown: kept
`;

describe('service card yaml', () => {
  it('reads the card form values', () => {
    const read = readCard(card);
    expect(read).toMatchObject({ ok: true, values: {
      code: 'street-trading-permit', version: '1.2.0', provider: 'kaunas-city',
      title: { lt: 'Leidimas prekiauti viešoje vietoje', lv: '', en: 'Street trading permit' },
      audience: ['citizens'], price: 'free', interactivityLevel: 4, onlineOrder: true,
      retention: { applications: 'P5Y', documents: '', drafts: '' }, lifeEvents: [],
    } });
  });

  it('edits values keeping comments, unknown keys and flow style', () => {
    let text = setCardValue(card, ['title', 'lv'], 'Atļauja tirgoties');
    text = setCardValue(text, ['audience'], ['citizens', 'businesses']);
    text = setCardValue(text, ['price'], { amount: '15.00', currency: 'EUR' });
    text = setCardValue(text, ['retention', 'drafts'], 'P30D');
    text = setCardValue(text, ['lifeEvents'], ['starting-a-business']);
    text = setCardValue(text, ['legalBasis'], 'Sprendimas Nr. 1');
    expect(text).toContain('# Street trading permit card');
    expect(text).toContain('# stable id');
    expect(text).toContain('# no secrets here');
    expect(text).toContain('audience: [ citizens, businesses ]');
    expect(text).toMatch(/title: \{ lt: "Leidimas prekiauti viešoje vietoje", en: "Street trading permit", lv: Atļauja tirgoties \}/);
    const parsed = parse(text);
    expect(parsed).toMatchObject({
      'x-unknown': 'kept', connectors: { 'legal-entities': { register: 'jar' } },
      price: { amount: '15.00', currency: 'EUR' }, retention: { applications: 'P5Y', drafts: 'P30D' },
      lifeEvents: ['starting-a-business'], legalBasis: 'Sprendimas Nr. 1',
    });
    expect(Object.keys(parsed).slice(0, 4)).toEqual(['code', 'version', 'title', 'provider']);
  });

  it('removes emptied values and maps left empty', () => {
    let text = setCardValue(card, ['retention', 'applications'], '');
    expect(parse(text).retention).toBeUndefined();
    text = setCardValue(text, ['title', 'en'], '');
    expect(parse(text).title).toEqual({ lt: 'Leidimas prekiauti viešoje vietoje' });
    expect(text).toContain('# stable id');
  });

  it('reports a missing title, bad durations and prices, no audience', () => {
    const t = cardStrings('en');
    let text = setCardValue(card, ['title'], undefined);
    text = setCardValue(text, ['retention', 'documents'], '10 years');
    text = setCardValue(text, ['price'], { amount: '15', currency: 'EUR' });
    text = setCardValue(text, ['price', 'amount'], '15,5');
    text = setCardValue(text, ['audience'], []);
    expect(cardProblems(readCard(text), t).map((problem) => [problem.field, problem.severity])).toEqual([
      ['title.lt', 'error'], ['audience', 'error'], ['price.amount', 'error'], ['retention.documents', 'error'],
    ]);
    expect(cardProblems(readCard(card), t)).toEqual([]);
    expect(cardProblems(readCard('code: [x'), t)).toEqual([expect.objectContaining({ source: 'card', file: 'service.yaml', severity: 'error' })]);
  });

  it('reads and edits the service URL, duration, required documents and languages', () => {
    let text = setCardValue(card, ['onlineOrder'], false);
    text = setCardValue(text, ['serviceUrl'], 'https://www.kaunas.lt/paslaugos/prekyba');
    text = setCardValue(text, ['duration'], 'P10D');
    text = setCardValue(text, ['requiredDocuments'], [{}]);
    text = setCardValue(text, ['requiredDocuments', '0'], { lt: 'Prekybos vietos planas', en: 'A plan of the stall' });
    text = setCardValue(text, ['requiredDocuments', '1'], {});
    text = setCardValue(text, ['requiredDocuments', '1'], { lv: 'Uzņēmuma reģistrācijas kods' });
    text = setCardValue(text, ['languages'], ['lt', 'lv', 'en']);
    // The documents are flow maps in a block list; comments and unknown keys stay.
    expect(text).toContain('  - { lt: Prekybos vietos planas, en: A plan of the stall }\n  - { lv: Uzņēmuma reģistrācijas kods }\n');
    expect(text).toContain('# no secrets here');
    expect(parse(text)).toMatchObject({ 'x-unknown': 'kept', onlineOrder: false });
    expect(readCard(text)).toMatchObject({ ok: true, values: {
      serviceUrl: 'https://www.kaunas.lt/paslaugos/prekyba', duration: 'P10D', languages: ['lt', 'lv', 'en'],
      requiredDocuments: [{ lt: 'Prekybos vietos planas', lv: '', en: 'A plan of the stall' }, { lt: '', lv: 'Uzņēmuma reģistrācijas kods', en: '' }],
    } });
    expect(cardProblems(readCard(text), cardStrings('en'))).toEqual([]);

    // Removing the only documents leaves no list behind.
    text = setCardValue(text, ['requiredDocuments', '1'], undefined);
    text = setCardValue(text, ['requiredDocuments', '0'], undefined);
    expect(parse(text).requiredDocuments).toBeUndefined();
    expect(readCard(card)).toMatchObject({ ok: true, values: { serviceUrl: '', duration: '', requiredDocuments: [], languages: [] } });
  });

  it('reports a bad service URL, duration, empty document and language codes in the analyst\'s language', () => {
    let text = setCardValue(card, ['serviceUrl'], 'www.kaunas.lt');
    text = setCardValue(text, ['duration'], '10 days');
    text = setCardValue(text, ['requiredDocuments'], [{ lt: 'Planas' }, {}]);
    text = setCardValue(text, ['languages'], ['lt', 'EN', 'lt']);
    const problems = (locale: 'lt' | 'lv' | 'en') => cardProblems(readCard(text), cardStrings(locale));
    expect(problems('en').map((problem) => [problem.field, problem.severity, problem.message])).toEqual([
      ['serviceUrl', 'error', 'Service address "www.kaunas.lt" must be a full http or https address of at most 2000 characters'],
      ['duration', 'error', 'Duration "10 days" is not an ISO 8601 duration such as P5D or PT4H'],
      ['requiredDocuments.1.lt', 'error', 'Document 2 has no text in any language'],
      ['languages', 'error', 'Language codes EN, lt must be two lowercase letters (ISO 639-1), each named once'],
    ]);
    expect(problems('lt').map((problem) => problem.message)).toContain('Trukmė „10 days“ nėra ISO 8601 trukmė, pvz., P5D ar PT4H');
    expect(problems('lv').map((problem) => problem.message)).toContain('2. dokumentam nav teksta nevienā valodā');

    for (const url of ['ftp://kaunas.lt/x', 'https://kaunas.lt/a b', `https://kaunas.lt/${'x'.repeat(2000)}`]) {
      expect(cardProblems(readCard(setCardValue(card, ['serviceUrl'], url)), cardStrings('en')).map((problem) => problem.field)).toEqual(['serviceUrl']);
    }
    // Not ordered online and no address: a warning that says where to give it.
    expect(cardProblems(readCard(setCardValue(card, ['onlineOrder'], false)), cardStrings('en'))).toEqual([
      expect.objectContaining({ field: 'serviceUrl', severity: 'warning', message: 'The service cannot be ordered online: give the address where it is provided' }),
    ]);
  });
});
