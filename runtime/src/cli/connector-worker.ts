/**
 * `npm run connectors -- worker`: every built-in connector (and those of CONNECTOR_MODULES) as a
 * standalone job worker process — the runtime's connector host without the HTTP server
 * (../connectors/standalone.ts). Runs until SIGINT or SIGTERM.
 */
import { startConnectorWorker } from '../connectors/standalone.js';

export async function main(args: string[]): Promise<void> {
  if (args.length) throw new Error('usage: npm run connectors -- worker   (configured by the environment: DATABASE_URL, ENGINE=zeebe, ZEEBE_*, CONNECTOR_SECRET_*)');
  const worker = await startConnectorWorker(process.env);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  // Jobs in hand finish first (each within its connector's timeout).
  await worker.close();
}
