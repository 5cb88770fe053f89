/**
 * E-signing from the command line, for agency IT staff:
 *   sign-pdf <in.pdf> <out.pdf> [--level B-B|B-T|B-LT|B-LTA] [--reason text]
 *   asice <out.asice> <files...> [--level B-B|B-T]
 *   verify <file> [--no-revocation|--offline] exit code 0 when valid, 1 when not (--offline: revocation only from the document's DSS)
 *   ca-cert <out.pem>                        the CA certificate verifications trust
 * The signer is the one configured for the connectors (CONNECTOR_SECRET_SIGNING_KEY,
 * _SIGNING_CERT, _SIGNING_TSA_URL, _SIGNING_TRUSTED_CA: PEM text or a file path); without one,
 * the host's fallback when it has one (the runtime's `npm run connectors` uses the sandbox CA
 * `npm start` keeps), else the command says what to set. This package hosts no sandbox itself.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { lookupSecret, secretsFromEnv } from '../sdk/index.js';
import { createAsice } from '../signing/asice.js';
import { PADES_LEVELS, signPdf } from '../signing/pades.js';
import { certificatesFromPem } from '../signing/webcrypto.js';
import { formatReport } from '../signing/report.js';
import { sealSigner, SIGNING_SECRETS } from '../signing/settings.js';
import { verifyDocument } from '../signing/verify.js';

/**
 * A signer and trusted CA for when none is configured, supplied by the host of the commands
 * (a test CA: the connectors themselves never fall back to one).
 */
export interface SigningFallback {
  /** Where it comes from, for the person at the terminal ("sandbox CA in data/sandboxes/pki"). */
  source: string;
  /** The CA certificate verifications trust (PEM). */
  caCertPem(): Promise<string>;
  /** Its signer settings (SIGNING_SECRETS names), with the servers they name (OCSP, TSA) running until close(). */
  start(): Promise<{ secrets: Record<string, string>; close(): Promise<void> }>;
}

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

const NO_SIGNER = 'no signer configured: set CONNECTOR_SECRET_SIGNING_KEY and CONNECTOR_SECRET_SIGNING_CERT (PEM text or a file path)';
const NO_TRUSTED_CA = 'no trusted CA configured: set CONNECTOR_SECRET_SIGNING_TRUSTED_CA (PEM text or a file path)';

/** The configured signer, or the fallback's with its servers running until close(). */
async function signingEnvironment(need: 'signer' | 'trust', fallback: SigningFallback | undefined): Promise<SigningEnvironment> {
  const configured: Record<string, string> = {};
  for (const name of Object.values(SIGNING_SECRETS)) {
    const value = await secretValue(name);
    if (value) configured[name] = value;
  }
  const ready = need === 'signer' ? configured[SIGNING_SECRETS.key] && configured[SIGNING_SECRETS.certificate] : configured[SIGNING_SECRETS.trustedCa];
  if (ready) return { secrets: configured, source: 'configured signer (CONNECTOR_SECRET_SIGNING_*)', close: async () => {} };
  if (!fallback) throw new Error(need === 'signer' ? NO_SIGNER : NO_TRUSTED_CA);
  const started = await fallback.start();
  return { secrets: { ...started.secrets, ...configured }, source: fallback.source, close: () => started.close() };
}

function levelOf<Level extends string>(value: string | undefined, secrets: Record<string, string>, levels: readonly Level[]): Level {
  const level = value ?? (secrets[SIGNING_SECRETS.tsaUrl] ? 'B-T' : 'B-B');
  if (!levels.includes(level as Level)) throw new Error(`--level: expected ${levels.slice(0, -1).join(', ')} or ${levels.at(-1)}, got ${level}`);
  return level as Level;
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    throw new Error(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, { cause: error });
  }
}

export async function signPdfCommand(args: string[], fallback?: SigningFallback): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { level: { type: 'string' }, reason: { type: 'string' } } });
  const [input, output] = positionals;
  if (!input || !output) throw new Error('usage: npm run connectors -- sign-pdf <in.pdf> <out.pdf> [--level B-B|B-T|B-LT|B-LTA] [--reason text]');
  const pdf = await readInput(input);
  const environment = await signingEnvironment('signer', fallback);
  try {
    const level = levelOf(values.level, environment.secrets, PADES_LEVELS);
    const signed = await signPdf(pdf, {
      signer: sealSigner(environment.secrets), level, tsaUrl: environment.secrets[SIGNING_SECRETS.tsaUrl], reason: values.reason,
      caCertificates: certificatesFromPem(environment.secrets[SIGNING_SECRETS.trustedCa] ?? ''),
    });
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

export async function asiceCommand(args: string[], fallback?: SigningFallback): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { level: { type: 'string' } } });
  const [output, ...inputs] = positionals;
  if (!output || inputs.length === 0) throw new Error('usage: npm run connectors -- asice <out.asice> <files...> [--level B-B|B-T]');
  const files = [];
  for (const input of inputs) {
    files.push({ name: path.basename(input), content: await readInput(input), mediaType: MEDIA_TYPES[path.extname(input).toLowerCase()] ?? 'application/octet-stream' });
  }
  const environment = await signingEnvironment('signer', fallback);
  try {
    const level = levelOf(values.level, environment.secrets, ['B-B', 'B-T'] as const);
    const container = await createAsice(files, { signer: sealSigner(environment.secrets), level, tsaUrl: environment.secrets[SIGNING_SECRETS.tsaUrl] });
    await writeFile(output, container);
    console.log(`${output}: ASiC-E with ${files.length} file(s), XAdES ${level} signature by the ${environment.source}`);
  } finally {
    await environment.close();
  }
}

export async function verifyCommand(args: string[], fallback?: SigningFallback): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { 'no-revocation': { type: 'boolean', default: false }, offline: { type: 'boolean', default: false } } });
  const [input] = positionals;
  if (!input) throw new Error('usage: npm run connectors -- verify <file> [--no-revocation|--offline]');
  const bytes = await readInput(input);
  const environment = await signingEnvironment('trust', fallback);
  try {
    const report = await verifyDocument(bytes, { trustedPem: environment.secrets[SIGNING_SECRETS.trustedCa]!, checkRevocation: !values['no-revocation'], offline: values.offline });
    console.log(formatReport(report, input));
    console.log(`  trusted CAs: ${environment.source}`);
    process.exitCode = report.valid ? 0 : 1;
  } finally {
    await environment.close();
  }
}

export async function caCertCommand(args: string[], fallback?: SigningFallback): Promise<void> {
  const [output] = args;
  if (!output) throw new Error('usage: npm run connectors -- ca-cert <out.pem>');
  const configured = await secretValue(SIGNING_SECRETS.trustedCa);
  if (configured) {
    await writeFile(output, configured);
    console.log(`${output}: configured trusted CA (CONNECTOR_SECRET_SIGNING_TRUSTED_CA)`);
  } else if (fallback) {
    await writeFile(output, await fallback.caCertPem());
    console.log(`${output}: root of the ${fallback.source}`);
  } else {
    throw new Error(NO_TRUSTED_CA);
  }
}
