/**
 * The state registers' answers read as an official reads them: every field of every register
 * connector's answer is named in Lithuanian, Latvian and English (`x-title` beside the plain
 * JSON Schema `title`), and propertyTitle finds the name of a nested field.
 */
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { familyRelations, personLookup, propertyTitle, registerConnectors, representationCheck, type JsonSchema } from '../src/index.js';

/** Every named property of the schema (object properties, through anyOf branches; not the fields of a list's items), as paths. */
function propertyPaths(schema: JsonSchema, prefix: string[] = []): { path: string[]; schema: JsonSchema }[] {
  const own = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)
    .flatMap(([name, child]) => [{ path: [...prefix, name], schema: child }, ...propertyPaths(child, [...prefix, name])]);
  return [...own, ...((schema.anyOf ?? []) as JsonSchema[]).flatMap((branch) => propertyPaths(branch, prefix))];
}

describe('register connectors name the fields of their answers', () => {
  it('in lt, lv and en, each beside a plain English JSON Schema title', () => {
    for (const connector of registerConnectors) {
      const paths = propertyPaths(connector.outputSchema);
      expect(paths.length, connector.id).toBeGreaterThan(0);
      for (const { path, schema } of paths) {
        const where = `${connector.id} ${path.join('.')}`;
        const title = schema['x-title'] as Record<string, string> | undefined;
        expect(Object.keys(title ?? {}).sort(), where).toEqual(['en', 'lt', 'lv']);
        expect(Object.values(title!).every((text) => text.trim() !== ''), where).toBe(true);
        expect(schema.title, where).toBe(title!.en);
      }
    }
  });

  it('keeps each answer schema a JSON Schema that accepts the register\'s answer', () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(representationCheck.outputSchema);
    expect(validate({ companyCode: '305888127', companyName: 'UAB „Gintarinė prekyba“', personalCode: '38501010013', mayRepresent: true, alone: true, jointlyWith: [], basis: 'Director', validUntil: null }), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ mayRepresent: 'yes' })).toBe(false);
  });

  it('found by path, nested and through a "relative or null" branch, in the language asked for', () => {
    expect(propertyTitle(representationCheck.outputSchema, ['mayRepresent'], 'lv')).toBe('Drīkst pārstāvēt uzņēmumu');
    expect(propertyTitle(representationCheck.outputSchema, ['validUntil'], 'lt')).toBe('Galioja iki');
    expect(propertyTitle(personLookup.outputSchema, ['address', 'city'], 'lt')).toBe('Miestas');
    expect(propertyTitle(familyRelations.outputSchema, ['spouse', 'givenName'], 'lv')).toBe('Vārds');
    expect(propertyTitle(representationCheck.outputSchema, ['noSuchField'], 'en')).toBeUndefined();
    expect(propertyTitle(representationCheck.outputSchema, [], 'en')).toBeUndefined();
  });
});
