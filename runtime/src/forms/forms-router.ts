import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import { prefilledData } from '@konstruktor/forms';
import type { Api } from '../http/api.js';
import { Code, Language } from '../common/schemas.js';
import { requestLocale } from './locale.js';
import { prefillFromProfile } from './prefill.js';
import type { ServiceForms } from './service-forms.js';

const params = Type.Object({ code: Code });

/** The start form of a service as the citizen portal renders and checks it. */
export function formsRouter({ api, forms }: { api: Api; forms: ServiceForms }): Router {
  const router = Router();

  api.publicRoute(router, {
    method: 'get', path: '/api/services/:code/form', tag: 'forms', access: 'public',
    summary: 'The start form of the published version in a language (lang, else Accept-Language): form-js schema, its pages, the data structure, '
      + "and for a logged-in citizen the values prefilled from his profile with their source. The browser's structure check is at form/validator.js",
    params, query: Type.Object({ lang: Type.Optional(Language) }, { additionalProperties: false }), errors: [404, 409],
    response: Type.Object({
      service: Type.String(),
      version: Type.String(),
      locale: Language,
      form: Type.Record(Type.String(), Type.Unknown(), { description: 'form-js schema, texts in the locale' }),
      pages: Type.Array(Type.Object({ id: Type.String(), label: Type.Optional(Type.String()), schema: Type.Record(Type.String(), Type.Unknown()) })),
      structure: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], { description: 'JSON Schema 2020-12 data structure' }),
      prefill: Type.Record(Type.String(), Type.Object({ value: Type.String(), source: Type.String({ description: 'e.g. profile.personalCode' }) }), { description: 'by data key (dotted path)' }),
      data: Type.Record(Type.String(), Type.Unknown(), { description: 'the prefilled values nested as the form holds its data (`applicant.email` under `applicant`): the answers to open the form with' }),
      viewerTranslations: Type.Optional(Type.Record(Type.String(), Type.String(), { description: "form-js viewer's own strings, by their English text" })),
      validator: Type.String({ description: 'URL of the browser validator module' }),
    }),
  }, async ({ params: { code }, query, auth, req }) => {
    const { version, form } = await forms.orderable(code);
    const locale = query.lang ?? requestLocale(req);
    const localized = form.inLocale(locale);
    const citizen = auth?.user.roles.includes('citizen') ? auth.user : undefined;
    const prefill = citizen ? prefillFromProfile(form.prefillFields(), citizen) : {};
    return {
      service: code, version: version.version, locale, form: localized.form,
      pages: localized.pages.map((page) => ({ id: page.id, ...(page.label !== undefined ? { label: page.label } : {}), schema: page.schema })),
      structure: form.structure ?? null,
      prefill,
      data: prefilledData(Object.fromEntries(Object.entries(prefill).map(([key, { value }]) => [key, value]))),
      ...(localized.viewerTranslations ? { viewerTranslations: localized.viewerTranslations } : {}),
      validator: `/api/services/${code}/form/validator.js`,
    };
  });

  api.publicRoute(router, {
    method: 'get', path: '/api/services/:code/form/validator.js', tag: 'forms', access: 'public',
    summary: "The data structure's check as an ES module for the browser (text/javascript; default export takes a require, see @konstruktor/forms loadBrowserValidation). "
      + 'ETag is the package checksum: revalidate with If-None-Match',
    params, errors: [404, 409],
  }, async ({ params: { code }, res }) => {
    const { form } = await forms.orderable(code);
    // Revalidated each time (the published version may change), answered 304 while it has not.
    res.setHeader('ETag', `"${form.checksum}"`);
    res.setHeader('Cache-Control', 'public, no-cache');
    res.type('text/javascript').send(form.validatorModule());
  });

  return router;
}
