/**
 * E-signing from the command line, for agency IT staff:
 *   sign-pdf <in.pdf> <out.pdf> [--level B-B|B-T] [--reason text]
 *   asice <out.asice> <files...> [--level B-B|B-T]
 *   verify <file> [--no-revocation]          exit code 0 when valid, 1 when not
 *   ca-cert <out.pem>                        the CA certificate verifications trust
 * The signer is the one configured for the connectors (CONNECTOR_SECRET_SIGNING_KEY,
 * _SIGNING_CERT, _SIGNING_TSA_URL, _SIGNING_TRUSTED_CA: PEM text or a file path); without
 * one, the sandbox CA `npm start` keeps under $DATA_DIR/sandboxes/pki (default data/) with its OCSP responder and
 * TSA started in this process.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { lookupSecret, secretsFromEnv } from '../sdk/index.js';
import { createAsice } from '../signing/asice.js';
import { signPdf } from '../signing/pades.js';
import { formatReport } from '../signing/report.js';
import { sealSigner, SIGNING_SECRETS } from '../signing/settings.js';
import { verifyDocument } from '../signing/verify.js';

interface SigningEnvironment {
  secrets: Record<string, string>;
  /** Where the settings come from, for the person at the terminal. */
  source: string;
  close(): Promise<void>;
}

/** A secret's value, or the content of the file it names. */
async function secretValue(name: string): Promise<string | undefined> {
  const value = lookupSecret(secretsFromEnv(), name);
  if (!value) return undefined;
  return value.includes('-----BEGIN') || /^https?:/.test(value) || !existsSync(value) ? value : readFile(value, 'utf8');
}

function sandboxDir(): string {
  const dataDir = process.env.DATA_DIR && process.env.DATA_DIR !== 'memory' ? process.env.DATA_DIR : 'data';
  // Where `npm start` keeps its sandbox CA, so both trust the same root.
  return path.resolve(process.env.SIGNING_SANDBOX_DIR ?? path.join(dataDir, 'sandboxes', 'pki'));
}

/** The configured signer, or the sandbox's with its servers running until close(). */
async function signingEnvironment(need: 'signer' | 'trust'): Promise<SigningEnvironment> {
  const configured: Record<string, string> = {};
  for (const name of Object.values(SIGNING_SECRETS)) {
    const value = await secretValue(name);
    if (value) configured[name] = value;
  }
  const ready = need === 'signer' ? configured[SIGNING_SECRETS.key] && configured[SIGNING_SECRETS.certificate] : configured[SIGNING_SECRETS.trustedCa];
  if (ready) return { secrets: configured, source: 'configured signer (CONNECTOR_SECRET_SIGNING_*)', close: async () => {} };
  // The examples package hosts the sandboxes and itself imports this package: load it only here.
  const { createTestPki, startSigningSandboxes } = await import('@konstruktor/examples');
  const dir = sandboxDir();
  const pki = await createTestPki({ dir });
  const sandboxes = await startSigningSandboxes({ pki, dir, mobileSignature: false });
  return { secrets: { ...sandboxes.connectorSecrets, ...configured }, source: `sandbox CA in ${dir}`, close: () => sandboxes.close() };
}

const LEVELS = ['B-B', 'B-T'] as const;
function levelOf(value: string | undefined, secrets: Record<string, string>): 'B-B' | 'B-T' {
  const level = value ?? (secrets[SIGNING_SECRETS.tsaUrl] ? 'B-T' : 'B-B');
  if (!LEVELS.includes(level as never)) throw new Error(`--level: expected B-B or B-T, got ${level}`);
  return level as 'B-B' | 'B-T';
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    throw new Error(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, { cause: error });
  }
}

export async function signPdfCommand(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { level: { type: 'string' }, reason: { type: 'string' } } });
  const [input, output] = positionals;
  if (!input || !output) throw new Error('usage: npm run connectors -- sign-pdf <in.pdf> <out.pdf> [--level B-B|B-T] [--reason text]');
  const pdf = await readInput(input);
  const environment = await signingEnvironment('signer');
  try {
    const level = levelOf(values.level, environment.secrets);
    const signed = await signPdf(pdf, { signer: sealSigner(environment.secrets), level, tsaUrl: environment.secrets[SIGNING_SECRETS.tsaUrl], reason: values.reason });
    await writeFile(output, signed);
    console.log(`${output}: PAdES ${level} signature by the ${environment.source}`);
  } finally {
    await environment.close();
  }
}

const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf', '.txt': 'text/plain', '.xml': 'application/xml', '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.odt': 'application/vnd.oasis.opendocument.text',
};

export async function asiceCommand(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { level: { type: 'string' } } });
  const [output, ...inputs] = positionals;
  if (!output || inputs.length === 0) throw new Error('usage: npm run connectors -- asice <out.asice> <files...> [--level B-B|B-T]');
  const files = [];
  for (const input of inputs) {
    files.push({ name: path.basename(input), content: await readInput(input), mediaType: MEDIA_TYPES[path.extname(input).toLowerCase()] ?? 'application/octet-stream' });
  }
  const environment = await signingEnvironment('signer');
  try {
    const level = levelOf(values.level, environment.secrets);
    const container = await createAsice(files, { signer: sealSigner(environment.secrets), level, tsaUrl: environment.secrets[SIGNING_SECRETS.tsaUrl] });
    await writeFile(output, container);
    console.log(`${output}: ASiC-E with ${files.length} file(s), XAdES ${level} signature by the ${environment.source}`);
  } finally {
    await environment.close();
  }
}

export async function verifyCommand(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { 'no-revocation': { type: 'boolean', default: false } } });
  const [input] = positionals;
  if (!input) throw new Error('usage: npm run connectors -- verify <file> [--no-revocation]');
  const bytes = await readInput(input);
  const environment = await signingEnvironment('trust');
  try {
    const report = await verifyDocument(bytes, { trustedPem: environment.secrets[SIGNING_SECRETS.trustedCa]!, checkRevocation: !values['no-revocation'] });
    console.log(formatReport(report, input));
    console.log(`  trusted CAs: ${environment.source}`);
    process.exitCode = report.valid ? 0 : 1;
  } finally {
    await environment.close();
  }
}

export async function caCertCommand(args: string[]): Promise<void> {
  const [output] = args;
  if (!output) throw new Error('usage: npm run connectors -- ca-cert <out.pem>');
  const configured = await secretValue(SIGNING_SECRETS.trustedCa);
  const { createTestPki } = configured ? { createTestPki: undefined } : await import('@konstruktor/examples');
  const pem = configured ?? (await createTestPki!({ dir: sandboxDir() })).caCertPem;
  await writeFile(output, pem);
  console.log(`${output}: ${configured ? 'configured trusted CA (CONNECTOR_SECRET_SIGNING_TRUSTED_CA)' : `sandbox root CA in ${sandboxDir()}`}`);
}
