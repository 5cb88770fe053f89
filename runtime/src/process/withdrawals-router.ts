import { Router } from 'express';
import { Type } from '@sinclair/typebox';
import { link, type Api } from '../http/api.js';
import { Uuid } from '../common/schemas.js';
import { requestLocale } from '../forms/locale.js';
import type { Withdrawals } from './withdrawals.js';

/** An applicant withdraws his order while its process allows it. */
export function withdrawalsRouter({ api, withdrawals }: { api: Api; withdrawals: Withdrawals }): Router {
  const router = Router();

  api.route(router, {
    method: 'post', path: '/api/applications/:id/withdraw', tag: 'applications', access: ['citizen'], status: 202,
    links: { application: link('get', '/api/applications/:id', { id: '$request.path.id' }) },
    summary: 'Withdraw my application (or one of an entity I represent) before its decision: the withdrawal is sent to its process, which ends the case '
      + '(the status becomes cancelled, with a message in the inbox). 409, in the Accept-Language, when it is already decided or ended '
      + 'or its service offers no withdrawal online; asking again while the first request is on its way changes nothing',
    params: Type.Object({ id: Uuid }), errors: [404, 409],
    response: Type.Object({ id: Type.String(), status: Type.String({ description: 'the status when the withdrawal was sent; follow the application for the process to end it' }) }),
  }, async ({ params, auth, req }) => {
    const application = await withdrawals.request(auth.user, params.id, requestLocale(req));
    return { id: application.id, status: application.status };
  });

  return router;
}
