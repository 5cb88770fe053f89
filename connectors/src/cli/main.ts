/**
 * `npm run connectors -- <command> [args...]`: one dispatcher, one entry per command. Areas add
 * their commands to `commands` (a module exporting `(args: string[]) => Promise<void>`).
 */
// A module, not a script: its top-level names stay its own.
export {};

type Command = { summary: string; run(args: string[]): Promise<void> };

const commands: Record<string, Command> = {
  worker: { summary: 'run every built-in connector as a job worker process (DATABASE_URL, ENGINE=zeebe, ZEEBE_*, CONNECTOR_SECRET_*)', run: async (args) => (await import('./worker.js')).main(args) },
  templates: { summary: '<dir> [--locale en|lt|lv]  write the element template of every built-in connector', run: async (args) => (await import('./templates.js')).main(args) },
  'sign-pdf': { summary: '<in.pdf> <out.pdf> [--level B-B|B-T]  sign a PDF as PAdES with the configured signer (default: sandbox CA)', run: async (args) => (await import('./signing.js')).signPdfCommand(args) },
  asice: { summary: '<out.asice> <files...> [--level B-B|B-T]  sign files into an ASiC-E container (XAdES)', run: async (args) => (await import('./signing.js')).asiceCommand(args) },
  verify: { summary: '<file> [--no-revocation]  verify a signed PDF or ASiC-E; exit code 0 valid, 1 invalid', run: async (args) => (await import('./signing.js')).verifyCommand(args) },
  'ca-cert': { summary: '<out.pem>  write the CA certificate signatures are verified against', run: async (args) => (await import('./signing.js')).caCertCommand(args) },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return ['usage: npm run connectors -- <command> [args...]', '', ...Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`)].join('\n');
}

const [name, ...args] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  console.error(name && name !== 'help' && name !== '--help' ? `unknown command '${name}'\n\n${usage()}` : usage());
  process.exitCode = name === 'help' || name === '--help' ? 0 : 2;
} else {
  command.run(args).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
