import { Type } from '@sinclair/typebox';
import { LocalizedText } from '../common/schemas.js';

/** A service's card as the API shows it: the catalogue's service view and the derived e-service application start from it. */
export const CardView = Type.Object({
  code: Type.String(),
  title: LocalizedText,
  summary: Type.Union([LocalizedText, Type.Null()]),
  provider: Type.Object({ code: Type.String(), name: LocalizedText }),
  legalBasis: Type.Union([Type.String(), Type.Null()]),
  audience: Type.Array(Type.String()),
  price: Type.Unknown(),
  interactivityLevel: Type.Integer(),
  onlineOrder: Type.Boolean(),
  lifeEvents: Type.Array(Type.String()),
});
