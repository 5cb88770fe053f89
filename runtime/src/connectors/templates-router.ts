import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import { builtinConnectors, elementTemplate } from '@konstruktor/connectors';
import type { Api } from '../http/api.js';
import { Language } from '../common/schemas.js';

/** Element templates of the built-in connectors: the designer's palette (and Camunda Modeler) offer them on service tasks. */
export function connectorTemplatesRouter({ api }: { api: Api }): Router {
  const router = Router();
  api.route(router, {
    method: 'get', path: '/api/connectors/templates', tag: 'connectors', access: ['analyst', 'developer'],
    summary: 'Element templates (Camunda element templates schema) of every connector, in one language',
    query: Type.Object({ locale: Type.Optional(Language) }, { additionalProperties: false }),
    response: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), version: Type.Integer(), name: Type.String() }, { additionalProperties: true })) }),
  }, async ({ query }) => ({ items: builtinConnectors.map((connector) => elementTemplate(connector, { locale: query.locale ?? 'en' })) }));
  return router;
}
