import { Type, type Static } from '@sinclair/typebox';

/** What a citizen confirms by pressing Submit, in every platform language. */
export const Declaration = Type.Object({ lt: Type.String(), lv: Type.String(), en: Type.String() }, { additionalProperties: false });
export type Declaration = Static<typeof Declaration>;

/**
 * The declaration of a terms version that states none of its own, and of submissions made while
 * no terms are in effect. Seed 003 (Kaunas e-services rules, 23): pressing "Pateikti" counts as signing.
 */
export const STANDARD_DECLARATION: Declaration = {
  lt: 'Pateikdamas (-a) prašymą patvirtinu, kad pateikti duomenys yra teisingi ir išsamūs. Mygtuko „Pateikti“ paspaudimas prilyginamas mano parašui.',
  lv: 'Iesniedzot pieteikumu, apliecinu, ka sniegtie dati ir pareizi un pilnīgi. Pogas “Iesniegt” nospiešana ir pielīdzināma manam parakstam.',
  en: 'By submitting I confirm that the data I provided are correct and complete. Pressing Submit counts as my signature.',
};

/** The declaration a terms version (null: none in effect) asks to confirm. */
export function declarationOf(terms: { declaration: Declaration | null } | null): Declaration {
  return terms?.declaration ?? STANDARD_DECLARATION;
}
