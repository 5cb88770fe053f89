import { Router } from 'express';
import type { DataSource } from 'typeorm';
import type { Api } from '../http/api.js';

/** A component the runtime needs in order to serve requests (database, engine, ...). */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

export function databaseReadiness(db: DataSource): ReadinessCheck {
  return { name: 'database', check: async () => { await db.query('SELECT 1'); } };
}

/** Liveness for the process manager; readiness for the load balancer. */
export function healthRouter({ api, checks }: { api: Api; checks: ReadinessCheck[] }): Router {
  const router = Router();

  api.publicRoute(router, {
    method: 'get', path: '/health/live', tag: 'health', access: 'public', summary: 'The process is running',
  }, () => ({ status: 'up' }));

  api.publicRoute(router, {
    method: 'get', path: '/health/ready', tag: 'health', access: 'public', errors: [503],
    summary: 'Every component the runtime needs answers (503 names the one that does not)',
  }, async ({ res }) => {
    const results = await Promise.all(checks.map(async ({ name, check }) => {
      try {
        await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 2 s')), 2000).unref())]);
        return [name, { status: 'up' }] as const;
      } catch (error) {
        return [name, { status: 'down', reason: (error as Error).message }] as const;
      }
    }));
    const ready = results.every(([, result]) => result.status === 'up');
    res.status(ready ? 200 : 503).json({ status: ready ? 'up' : 'down', components: Object.fromEntries(results) });
  });

  return router;
}
