/**
 * The connectors package's own command line (`tsx connectors/src/cli/main.ts <command>`): the
 * element templates and the signing commands with a configured signer. `npm run connectors` is
 * the runtime's (runtime/src/cli/connectors.ts): these commands plus the standalone worker, and
 * the sandbox CA when no signer is configured.
 */
import { connectorCommands, runCommandLine } from './commands.js';

runCommandLine(connectorCommands(), process.argv.slice(2), 'tsx connectors/src/cli/main.ts');
