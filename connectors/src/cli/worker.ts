/**
 * `npm run connectors -- worker`: every built-in connector as a standalone job worker process.
 * The worker is the runtime's connector host without the HTTP server (see
 * runtime/src/connectors/standalone.ts), loaded at run time: the runtime depends on this
 * package, not the other way round.
 */
export async function main(args: string[]): Promise<void> {
  if (args.length) throw new Error('usage: npm run connectors -- worker   (configured by the environment: DATABASE_URL, ENGINE=zeebe, ZEEBE_*, CONNECTOR_SECRET_*)');
  const runtime = '@konstruktor/runtime';
  const { startConnectorWorker } = (await import(runtime)) as { startConnectorWorker(env: NodeJS.ProcessEnv): Promise<{ close(): Promise<void> }> };
  const worker = await startConnectorWorker(process.env);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  // Jobs in hand finish first (each within its connector's timeout).
  await worker.close();
}
