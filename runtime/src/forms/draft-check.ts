import { Ajv2020, type ErrorObject } from 'ajv/dist/2020';
import type { FieldError } from '../http/problem.js';
import type { JsonObject } from './version-form.js';

type Locale = 'lt' | 'lv' | 'en';

/** Caps a draft's values where the structure sets none, so a draft cannot become a dump. */
const DRAFT_CAPS = { maxLength: 10_000, maxItems: 500 };

/** What a draft is checked for: shapes and sizes. Required fields, formats and ranges wait for the submit. */
const KEPT = new Set(['type', 'properties', 'items', 'prefixItems', 'additionalProperties', 'maxLength', 'maxItems', 'maxProperties', '$ref', '$defs']);

/**
 * The structure as a draft sees it: same shapes (types, nesting, repeating groups), same size
 * limits, no unknown fields, but nothing required and no formats, patterns or ranges — a draft
 * is half-filled by nature.
 */
export function draftSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(draftSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const source = schema as JsonObject;
  const kept: JsonObject = {};
  for (const [key, value] of Object.entries(source)) {
    if (!KEPT.has(key)) continue;
    if (key === 'properties' || key === '$defs') {
      kept[key] = Object.fromEntries(Object.entries(value as JsonObject).map(([name, child]) => [name, draftSchema(child)]));
    } else kept[key] = typeof value === 'object' ? draftSchema(value) : value;
  }
  const types = ([] as unknown[]).concat(source.type ?? []);
  if (source.properties && source.additionalProperties === undefined) kept.additionalProperties = false;
  if (types.includes('string')) kept.maxLength = Math.min(Number(source.maxLength ?? Infinity), DRAFT_CAPS.maxLength);
  if (types.includes('array')) kept.maxItems = Math.min(Number(source.maxItems ?? Infinity), DRAFT_CAPS.maxItems);
  return kept;
}

const MESSAGES: Record<string, Record<Locale, (params: Record<string, unknown>) => string>> = {
  type: {
    en: (p) => `must be of type ${String(p.type)}`,
    lt: (p) => `turi būti tipo ${String(p.type)}`,
    lv: (p) => `jābūt tipam ${String(p.type)}`,
  },
  maxLength: {
    en: (p) => `must be at most ${String(p.limit)} characters long`,
    lt: (p) => `turi būti ne ilgesnis nei ${String(p.limit)} simbolių`,
    lv: (p) => `nedrīkst būt garāks par ${String(p.limit)} rakstzīmēm`,
  },
  maxItems: {
    en: (p) => `must have at most ${String(p.limit)} entries`,
    lt: (p) => `turi būti ne daugiau kaip ${String(p.limit)} įrašų`,
    lv: (p) => `drīkst būt ne vairāk kā ${String(p.limit)} ieraksti`,
  },
  additionalProperties: { en: () => 'is not a field of this form', lt: () => 'nėra šios formos laukas', lv: () => 'nav šīs veidlapas lauks' },
  other: { en: () => 'is not valid', lt: () => 'neteisinga reikšmė', lv: () => 'nav derīga vērtība' },
};

function fieldError(error: ErrorObject, locale: Locale, at: string): FieldError {
  const params = error.params as Record<string, unknown>;
  const messages = MESSAGES[error.keyword] ?? MESSAGES.other!;
  const path = error.keyword === 'additionalProperties' ? `${error.instancePath}/${String(params.additionalProperty)}` : error.instancePath;
  return { in: 'body', path: `${at}${path}`, message: messages[locale](params) };
}

const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });

/** A compiled draft check of one structure; errors in the caller's language, paths under `at`. */
export function compileDraftCheck(structure: JsonObject | undefined): (data: unknown, locale: Locale, at?: string) => FieldError[] {
  if (!structure) return () => [];
  // No $id is kept: ajv would refuse a second version of the same structure under one id.
  const validate = ajv.compile(draftSchema(structure) as JsonObject);
  return (data, locale, at = '/data') => (validate(data) ? [] : (validate.errors ?? []).slice(0, 50).map((e) => fieldError(e, locale, at)));
}
