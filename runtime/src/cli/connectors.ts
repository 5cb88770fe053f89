/**
 * `npm run connectors -- <command> [args...]`: the connectors' commands (@konstruktor/connectors:
 * element templates, sign-pdf, asice, verify, ca-cert) plus the runtime's standalone connector
 * worker. Without a configured signer the signing commands use the sandbox CA that `npm start`
 * keeps (../demo/signing-sandbox.ts), so both trust the same root.
 */
import { connectorCommands, runCommandLine } from '@konstruktor/connectors';
import { signingSandbox } from '../demo/signing-sandbox.js';

runCommandLine({
  worker: { summary: 'run every built-in connector as a job worker process (DATABASE_URL, ENGINE=zeebe, ZEEBE_*, CONNECTOR_SECRET_*)', run: async (args) => (await import('./connector-worker.js')).main(args) },
  ...connectorCommands({ signingFallback: signingSandbox(process.env) }),
}, process.argv.slice(2));
