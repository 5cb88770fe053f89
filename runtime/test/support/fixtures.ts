import { stringify } from 'yaml';

let counter = 0;

/** A small valid service package; `overrides` replace fields of its service.yaml. */
export function servicePackage(overrides: Record<string, unknown> = {}) {
  counter += 1;
  const card = {
    code: `test-service-${process.pid}-${counter}`,
    version: '1.0.0',
    title: { lt: 'Bandomoji paslauga', en: 'Test service' },
    summary: { en: 'A service used by the tests' },
    provider: 'kaunas-city',
    legalBasis: 'Test act',
    audience: ['citizens'],
    price: 'free',
    interactivityLevel: 4,
    onlineOrder: true,
    dataStructure: 'data/application.schema.json',
    lifeEvents: ['starting-a-business'],
    ...overrides,
  };
  return {
    code: card.code as string,
    version: card.version as string,
    card,
    upload: {
      files: {
        'service.yaml': stringify(card),
        'data/application.schema.json': JSON.stringify({ type: 'object', properties: { place: { type: 'string' } } }),
      },
    },
  };
}
