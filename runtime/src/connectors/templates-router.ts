import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import { elementTemplate, type AnyConnector } from '@konstruktor/connectors';
import type { Api } from '../http/api.js';
import { Language } from '../common/schemas.js';
import { allConnectors } from './modules.js';

/**
 * Element templates of the built-in connectors and the agency's (CONNECTOR_MODULES): the
 * designer's palette (and Camunda Modeler) offer them on service tasks.
 */
export function connectorTemplatesRouter({ api }: { api: Api }): Router {
  const router = Router();
  let connectors: Promise<AnyConnector[]> | undefined;
  api.route(router, {
    method: 'get', path: '/api/connectors/templates', tag: 'connectors', access: ['analyst', 'developer'],
    summary: 'Element templates (Camunda element templates schema) of every connector, in one language',
    query: Type.Object({ locale: Type.Optional(Language) }, { additionalProperties: false }),
    response: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), version: Type.Integer(), name: Type.String() }, { additionalProperties: true })) }),
  }, async ({ query }) => {
    connectors ??= allConnectors();
    return { items: (await connectors).map((connector) => elementTemplate(connector, { locale: query.locale ?? 'en' })) };
  });
  return router;
}
