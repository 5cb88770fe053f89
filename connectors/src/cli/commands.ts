/**
 * The connectors' command-line commands, for a host to run: connectors/src/cli/main.ts runs them
 * alone; the runtime's `npm run connectors` (runtime/src/cli/connectors.ts) adds its standalone
 * worker and the sandbox CA as the signing fallback. Each command's module loads on first use.
 */
import type { SigningFallback } from './signing.js';

export type { SigningFallback } from './signing.js';

export interface CliCommand {
  /** One line for the usage list: its arguments and what it does. */
  summary: string;
  run(args: string[]): Promise<void>;
}

export interface ConnectorCommandOptions {
  /** Signer and trusted CA for the signing commands when CONNECTOR_SECRET_SIGNING_* name none. */
  signingFallback?: SigningFallback;
}

export function connectorCommands(options: ConnectorCommandOptions = {}): Record<string, CliCommand> {
  const fallback = options.signingFallback;
  const signer = fallback ? `the configured signer (default: ${fallback.source})` : 'the configured signer (CONNECTOR_SECRET_SIGNING_*)';
  return {
    templates: { summary: '<dir> [--locale en|lt|lv]  write the element template of every built-in connector', run: async (args) => (await import('./templates.js')).main(args) },
    'sign-pdf': { summary: `<in.pdf> <out.pdf> [--level B-B|B-T]  sign a PDF as PAdES with ${signer}`, run: async (args) => (await import('./signing.js')).signPdfCommand(args, fallback) },
    asice: { summary: `<out.asice> <files...> [--level B-B|B-T]  sign files into an ASiC-E container (XAdES) with ${signer}`, run: async (args) => (await import('./signing.js')).asiceCommand(args, fallback) },
    verify: { summary: '<file> [--no-revocation]  verify a signed PDF or ASiC-E; exit code 0 valid, 1 invalid', run: async (args) => (await import('./signing.js')).verifyCommand(args, fallback) },
    'ca-cert': { summary: '<out.pem>  write the CA certificate signatures are verified against', run: async (args) => (await import('./signing.js')).caCertCommand(args, fallback) },
  };
}

/**
 * Runs `argv[0]` of `commands` with the rest as its arguments: exit code 0 when it succeeds, 1
 * with its message on stderr when it throws, 2 with the usage list for an unknown command.
 */
export function runCommandLine(commands: Record<string, CliCommand>, argv: string[], program = 'npm run connectors --'): void {
  const usage = () => {
    const width = Math.max(...Object.keys(commands).map((name) => name.length));
    return [`usage: ${program} <command> [args...]`, '', ...Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`)].join('\n');
  };
  const [name, ...args] = argv;
  const command = name && Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    const help = name === 'help' || name === '--help';
    console.error(name && !help ? `unknown command '${name}'\n\n${usage()}` : usage());
    process.exitCode = help ? 0 : 2;
    return;
  }
  command.run(args).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
