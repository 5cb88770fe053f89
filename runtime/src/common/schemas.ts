import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** Schemas shared by several resources. They are inlined wherever used, in validation and in the OpenAPI document alike. */

export const Language = Type.Union([Type.Literal('lt'), Type.Literal('lv'), Type.Literal('en')]);
export type Language = Static<typeof Language>;

/** Text in one or more of the platform languages, e.g. { lt: "Leidimas", en: "Permit" }. */
export const LocalizedText = Type.Object(
  { lt: Type.Optional(Type.String({ maxLength: 2000 })), lv: Type.Optional(Type.String({ maxLength: 2000 })), en: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false, minProperties: 1 },
);
export type LocalizedText = Static<typeof LocalizedText>;

export const Uuid = Type.String({ format: 'uuid' });

export const Role = Type.Union([
  Type.Literal('analyst'), Type.Literal('developer'), Type.Literal('official'), Type.Literal('supervisor'), Type.Literal('administrator'), Type.Literal('citizen'),
]);
export type Role = Static<typeof Role>;
export const ROLES: readonly Role[] = ['analyst', 'developer', 'official', 'supervisor', 'administrator', 'citizen'];

/** Codes of agencies, services, life events: stable ids in URLs and packages. */
export const Code = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$', description: 'lower-case letters, digits and dashes' });

/** Where a version of a service is in its life (service-version.entity.ts). */
export const VersionState = Type.Union([Type.Literal('draft'), Type.Literal('testing'), Type.Literal('published'), Type.Literal('retired')]);

export const Page = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
}, { additionalProperties: false });

/**
 * An object whose keys are names (up to `maxKeyLength` characters) and whose values all match
 * `value`. Not TypeBox's Record: that checks values only under keys its pattern `^(.*)$`
 * matches, and `.` matches no line break, so a key holding one carried any value past it; and
 * it drops the key's own limits.
 */
export function Dictionary<V extends TSchema>(value: V, options: { maxKeyLength?: number; minProperties?: number; maxProperties?: number; description?: string } = {}) {
  const { maxKeyLength, ...rest } = options;
  return Type.Unsafe<Record<string, Static<V>>>({
    type: 'object', additionalProperties: value, ...(maxKeyLength !== undefined ? { propertyNames: { maxLength: maxKeyLength } } : {}), ...rest,
  });
}
