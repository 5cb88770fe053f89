import { Type } from '@sinclair/typebox';
import { LocalizedText } from '../common/schemas.js';

/** A service's fee as its card states it: free, or an amount (a decimal text such as "2.50") in a currency. */
export const Price = Type.Union([
  Type.Literal('free'),
  Type.Object({ amount: Type.String({ description: 'decimal, e.g. 2.50' }), currency: Type.String({ description: 'ISO 4217, e.g. EUR' }) }),
], { description: 'the fee: "free" or {amount, currency}' });

/** A service's card as the API shows it: the catalogue's service view and the derived e-service application start from it. */
export const CardView = Type.Object({
  code: Type.String(),
  title: LocalizedText,
  summary: Type.Union([LocalizedText, Type.Null()]),
  provider: Type.Object({ code: Type.String(), name: LocalizedText }),
  legalBasis: Type.Union([Type.String(), Type.Null()]),
  audience: Type.Array(Type.String()),
  price: Price,
  interactivityLevel: Type.Integer(),
  onlineOrder: Type.Boolean(),
  lifeEvents: Type.Array(Type.String()),
});
