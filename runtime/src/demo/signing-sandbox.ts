/**
 * The sandbox CA as the signing commands' fallback (`npm run connectors -- sign-pdf | asice |
 * verify | ca-cert` with no CONNECTOR_SECRET_SIGNING_*): the test CA `npm start` keeps under
 * DATA_DIR/sandboxes/pki (./sandboxes.ts), or SIGNING_SANDBOX_DIR, with its OCSP responder and
 * TSA started in this process while a command signs.
 */
import path from 'node:path';
import type { SigningFallback } from '@konstruktor/connectors';

export function signingSandbox(env: NodeJS.ProcessEnv = process.env): SigningFallback {
  const dataDir = env.DATA_DIR && env.DATA_DIR !== 'memory' ? env.DATA_DIR : 'data';
  const dir = path.resolve(env.SIGNING_SANDBOX_DIR ?? path.join(dataDir, 'sandboxes', 'pki'));
  // The sandboxes load only when a command needs them (not for `worker` or `templates`).
  const examples = () => import('@konstruktor/examples');
  return {
    source: `sandbox CA in ${dir}`,
    async caCertPem() {
      const { createTestPki } = await examples();
      return (await createTestPki({ dir })).caCertPem;
    },
    async start() {
      const { createTestPki, startSigningSandboxes } = await examples();
      const pki = await createTestPki({ dir });
      const sandboxes = await startSigningSandboxes({ pki, dir, mobileSignature: false });
      return { secrets: sandboxes.connectorSecrets, close: () => sandboxes.close() };
    },
  };
}
