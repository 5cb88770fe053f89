import { Type, type Static } from '@sinclair/typebox';
import { ISO_DURATION_PATTERN, PRICE_AMOUNT_PATTERN } from '@konstruktor/designer';
import { Code, LocalizedText } from '../common/schemas.js';

/** An ISO 8601 duration such as P30D or PT12H (PostgreSQL reads it as an interval); the designer checks the same pattern. */
const IsoDuration = Type.String({ pattern: ISO_DURATION_PATTERN, description: 'ISO 8601 duration, e.g. P30D' });

/** service.yaml of a service package (../shared/spec/service-package.md). */
export const ServiceCard = Type.Object(
  {
    code: Code,
    version: Type.String({ pattern: '^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?$', description: 'semantic version' }),
    title: LocalizedText,
    summary: Type.Optional(LocalizedText),
    provider: Code,
    legalBasis: Type.Optional(Type.String({ maxLength: 2000 })),
    audience: Type.Array(Type.Union([Type.Literal('citizens'), Type.Literal('businesses'), Type.Literal('public-sector')]), { minItems: 1, uniqueItems: true }),
    price: Type.Union([
      Type.Literal('free'),
      Type.Object({ amount: Type.String({ pattern: PRICE_AMOUNT_PATTERN }), currency: Type.Literal('EUR') }, { additionalProperties: false }),
    ]),
    interactivityLevel: Type.Integer({ minimum: 1, maximum: 5 }),
    onlineOrder: Type.Boolean(),
    /** Where the service is provided when it cannot be ordered here (seed 003: the catalogue still describes it). */
    serviceUrl: Type.Optional(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 })),
    /** How long the service usually takes from order to result. */
    duration: Type.Optional(IsoDuration),
    /** What the applicant needs at hand (or to upload). */
    requiredDocuments: Type.Optional(Type.Array(LocalizedText, { maxItems: 50 })),
    /** The languages the service can be received in (ISO 639-1). */
    languages: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z]{2}$' }), { uniqueItems: true, maxItems: 30 })),
    process: Type.Optional(Type.Object({ file: Type.String(), processId: Type.String() }, { additionalProperties: false })),
    startForm: Type.Optional(Type.String()),
    dataStructure: Type.Optional(Type.String()),
    lifeEvents: Type.Optional(Type.Array(Code, { uniqueItems: true })),
    retention: Type.Optional(Type.Object({
      applications: Type.Optional(Type.String()),
      documents: Type.Optional(Type.String()),
      /** How long a citizen's saved draft is kept after its last save (default P30D). */
      drafts: Type.Optional(IsoDuration),
    }, { additionalProperties: false })),
    connectors: Type.Optional(Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown()))),
  },
  { additionalProperties: false },
);
export type ServiceCard = Static<typeof ServiceCard>;
