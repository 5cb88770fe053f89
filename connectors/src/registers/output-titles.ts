/**
 * Names of the registers' answer fields as an official reads them (the case view's register
 * data): each output property carries its JSON Schema `title` in English and, beside it,
 * `x-title` in every language.
 */
type Title = { en: string; lt: string; lv: string };

export function titled<S extends Record<string, unknown>>(schema: S, title: Title): S & { title: string; 'x-title': Title } {
  return { ...schema, title: title.en, 'x-title': title };
}

const TEXT = { type: 'string' };

/** An address's parts; the address itself is titled where it is used (registered office, declared address). */
export const ADDRESS_PROPERTIES = {
  street: titled(TEXT, { en: 'Street', lt: 'Gatvė', lv: 'Iela' }),
  city: titled(TEXT, { en: 'City', lt: 'Miestas', lv: 'Pilsēta' }),
  postalCode: titled(TEXT, { en: 'Postal code', lt: 'Pašto kodas', lv: 'Pasta indekss' }),
  country: titled(TEXT, { en: 'Country', lt: 'Valstybė', lv: 'Valsts' }),
};

export const PERSONAL_CODE_OUTPUT = titled(TEXT, { en: 'Personal code', lt: 'Asmens kodas', lv: 'Personas kods' });
export const COMPANY_CODE_OUTPUT = titled(TEXT, { en: 'Company code', lt: 'Juridinio asmens kodas', lv: 'Reģistrācijas numurs' });
