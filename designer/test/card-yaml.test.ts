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
});
