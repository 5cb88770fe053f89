import { describe, expect, it } from 'vitest';
import type { StructureSchema } from '@konstruktor/forms';
import { compileFormValidation, createStructureRegistry, generateForm, parseStructureId, structureId } from '@konstruktor/forms';
import { browserValidation } from './support/load-browser.js';

const address = (version: string, extra: Record<string, StructureSchema> = {}): StructureSchema => ({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: structureId('address', version),
  type: 'object',
  required: ['city'],
  properties: { city: { type: 'string', title: 'City' }, postalCode: { type: 'string', format: 'postal-code-lt' }, ...extra },
});

const order: StructureSchema = {
  $id: structureId('order', '2.0.0'),
  type: 'object',
  required: ['delivery'],
  properties: {
    delivery: { $ref: structureId('address', '1.1.0') },
    // A relative reference resolves against the structure's own $id.
    billing: { $ref: '../address/1.0.0' },
  },
};

describe('structure registry', () => {
  it('keeps versions side by side and knows the latest', () => {
    const registry = createStructureRegistry([address('1.0.0'), address('1.1.0', { street: { type: 'string' } }), address('1.10.0')]);
    expect(registry.versions('address')).toEqual(['1.0.0', '1.1.0', '1.10.0']);
    expect(registry.latest('address')?.$id).toBe(structureId('address', '1.10.0'));
    expect(registry.get(structureId('address', '1.1.0'))?.properties).toHaveProperty('street');
    expect(parseStructureId(structureId('address', '1.1.0'))).toEqual({ name: 'address', version: '1.1.0' });
  });

  it('refuses changed content under a published version and ids without a version', () => {
    const registry = createStructureRegistry([address('1.0.0')]);
    expect(() => registry.add(address('1.0.0'))).not.toThrow();
    expect(() => registry.add(address('1.0.0', { street: { type: 'string' } }))).toThrow(/already registered with other content; publish a new version/);
    expect(() => registry.add({ $id: 'https://konstruktor.eu/structures/address', type: 'object' })).toThrow(/must end in <name>\/<major.minor.patch>/);
  });

  it('bundles referenced versions so forms and both validators use the right one', async () => {
    const registry = createStructureRegistry([address('1.0.0'), address('1.1.0', { street: { type: 'string', title: 'Street' } })]);
    const bundle = registry.bundle(order);
    expect(Object.keys(bundle.$defs!).sort()).toEqual(['address@1.0.0', 'address@1.1.0']);
    const form = generateForm(order, { registry });
    const server = compileFormValidation(order, form, { registry });
    const browser = await browserValidation(order, form, registry);
    const data = { delivery: { city: 'Kaunas', street: 'Laisvės al. 1' }, billing: { city: 'Vilnius', street: 'x', postalCode: '0110' } };
    const expected = [
      { path: '/billing/street', code: 'unknown', message: 'This field is not part of the form.' },
      { path: '/billing/postalCode', code: 'format', message: 'Enter a valid postal code (LT-12345).' },
    ];
    expect(server.validate(data).errors).toEqual(expected);
    expect(browser.validate(data)).toEqual(server.validate(data));
  });
});
