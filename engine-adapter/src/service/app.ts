import express, { type RequestHandler } from 'express';
import type { EmbeddedEngine } from '../embedded/index.js';
import { authenticator, type AuthConfig } from './auth.js';
import { Problem, problemHandler, sendProblem } from './problem.js';
import { actuatorClockRoutes, clockRoutes } from './routes/clock.js';
import { deploymentRoutes } from './routes/deployments.js';
import { elementInstanceRoutes } from './routes/element-instances.js';
import { incidentRoutes } from './routes/incidents.js';
import { jobRoutes } from './routes/jobs.js';
import { messageRoutes } from './routes/messages.js';
import { processInstanceRoutes } from './routes/process-instances.js';
import { recordRoutes } from './routes/records.js';
import { topologyRoutes } from './routes/topology.js';
import { userTaskRoutes } from './routes/user-tasks.js';
import { variableRoutes } from './routes/variables.js';

export interface EngineApiOptions {
  engine: EmbeddedEngine;
  auth: AuthConfig;
  testProfile: boolean;
  maxInFlight: number;
  bodyLimit: number;
  version: string;
  host: string;
  port: () => number;
  /** Aborted when the service shuts down: long polls answer at once. */
  closing: AbortSignal;
}

/**
 * The Camunda 8 orchestration cluster REST API (v2), the subset Konstruktor and the official
 * clients use, over the embedded engine (server.ts adds the probes and the standby answers).
 */
export function engineApi(options: EngineApiOptions): express.Express {
  const { engine } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  const v2 = express.Router();
  v2.use(authenticator(options.auth));
  v2.use(backpressure(options.maxInFlight));
  v2.use(deploymentRoutes(engine, options.bodyLimit)); // multipart: before the JSON parser
  v2.use(express.json({ limit: options.bodyLimit, strict: true, type: ['application/json', 'application/*+json'] }));
  v2.get('/status', (_req, res) => { res.status(204).end(); });
  v2.use(topologyRoutes({ version: options.version, host: options.host, port: options.port, leading: () => true }));
  v2.use(processInstanceRoutes(engine));
  v2.use(jobRoutes(engine, options.closing));
  v2.use(messageRoutes(engine));
  v2.use(userTaskRoutes(engine));
  v2.use(incidentRoutes(engine));
  v2.use(elementInstanceRoutes(engine));
  v2.use(variableRoutes(engine));
  v2.use(recordRoutes(engine, options.closing));
  if (options.testProfile) v2.use(clockRoutes(engine));
  v2.use((req, res) => sendProblem(req, res, new Problem(404, 'NOT_FOUND', `${req.method} ${req.originalUrl.split('?')[0]} is not served by this engine`)));
  app.use('/v2', v2);

  if (options.testProfile) {
    const actuator = express.Router();
    actuator.use(authenticator(options.auth));
    actuator.use(express.json({ limit: 1024 }));
    actuator.use(actuatorClockRoutes(engine));
    app.use(actuator);
  }
  app.use((req, res) => sendProblem(req, res, new Problem(404, 'NOT_FOUND', `${req.method} ${req.originalUrl.split('?')[0]} is not served by this engine`)));
  app.use(problemHandler);
  return app;
}

/** More requests in flight than the engine takes: RESOURCE_EXHAUSTED, as a broker under backpressure answers. Long polls wait outside the count. */
function backpressure(most: number): RequestHandler {
  let inFlight = 0;
  return (req, res, next) => {
    if (req.path === '/jobs/activation' || req.path === '/konstruktor/records') return next();
    if (inFlight >= most) {
      res.setHeader('Retry-After', '1');
      return sendProblem(req, res, new Problem(429, 'RESOURCE_EXHAUSTED', `Expected to handle the request, but ${most} requests are already in flight; try again`));
    }
    inFlight++;
    res.on('close', () => { inFlight--; });
    next();
  };
}
