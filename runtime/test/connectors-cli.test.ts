import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAsice } from '@konstruktor/connectors';
import { createTestPki } from '@konstruktor/examples';

const root = path.resolve(import.meta.dirname, '..', '..');
let dir: string;

/**
 * `npm run connectors -- <args>` (runtime/src/cli/connectors.ts) as a separate process, with the
 * sandbox CA kept in a temporary folder.
 */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(args, {});
}

function run(args: string[], extra: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, SIGNING_SANDBOX_DIR: path.join(dir, 'pki'), ...extra };
  for (const name of Object.keys(env)) if (name.startsWith('CONNECTOR_SECRET_SIGNING')) delete env[name];
  return new Promise((resolve) => {
    execFile(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'runtime', 'src', 'cli', 'connectors.ts'), ...args], { cwd: dir, env, timeout: 150_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'signing-cli-'));
  const document = await PDFDocument.create();
  document.addPage();
  await writeFile(path.join(dir, 'in.pdf'), await document.save());
  await writeFile(path.join(dir, 'annex.txt'), 'Priedas: šeimos sudėtis');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run connectors -- sign-pdf | asice | verify | ca-cert', () => {
  it('ca-cert writes the sandbox root CA, the same one kept in the sandbox folder', { timeout: 180_000 }, async () => {
    const result = await cli('ca-cert', 'ca.pem');
    expect(result.code).toBe(0);
    const pem = await readFile(path.join(dir, 'ca.pem'), 'utf8');
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(pem).toBe((await createTestPki({ dir: path.join(dir, 'pki') })).caCertPem);
  });

  it('sign-pdf signs with the sandbox seal, verify says VALID (exit 0); a tampered copy is INVALID (exit 1)', { timeout: 300_000 }, async () => {
    const signed = await cli('sign-pdf', 'in.pdf', 'out.pdf');
    expect(signed.stderr).toBe('');
    expect(signed).toMatchObject({ code: 0, stdout: expect.stringContaining('PAdES B-T') });
    const verified = await cli('verify', 'out.pdf');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^VALID: out\.pdf/);
    expect(verified.stdout).toContain('ok   revocation: not revoked (OCSP)');
    expect(verified.stdout).toContain('ok   timestamp: timestamped at');

    const bytes = await readFile(path.join(dir, 'out.pdf'));
    bytes[bytes.indexOf('Signed with Konstruktor')] = 0x58;
    await writeFile(path.join(dir, 'tampered.pdf'), bytes);
    const tampered = await cli('verify', 'tampered.pdf');
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toMatch(/^INVALID: tampered\.pdf/);
    expect(tampered.stdout).toContain('FAIL integrity: the document was modified after signing');
  });

  it('asice puts files in a signed container that verify accepts', { timeout: 300_000 }, async () => {
    const made = await cli('asice', 'bundle.asice', 'in.pdf', 'annex.txt', '--level', 'B-B');
    expect(made).toMatchObject({ code: 0, stdout: expect.stringContaining('2 file(s), XAdES B-B') });
    const container = openAsice(new Uint8Array(await readFile(path.join(dir, 'bundle.asice'))));
    expect(container.dataFiles.map((f) => f.name).sort()).toEqual(['annex.txt', 'in.pdf']);
    const verified = await cli('verify', 'bundle.asice');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('signature 1: XAdES B-B by Konstruktor Sandbox Agency Seal — valid');
  });

  it('bad arguments get a clear message and a failing exit code', { timeout: 180_000 }, async () => {
    const missing = await cli('sign-pdf', 'nope.pdf', 'x.pdf');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.pdf: no such file');
    const level = await cli('asice', 'x.asice', 'annex.txt', '--level', 'B-X');
    expect(level.code).toBe(1);
    expect(level.stderr).toContain('--level: expected B-B or B-T');
    const usage = await cli('verify');
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('usage: npm run connectors -- verify <file>');
  });
});

describe('npm run connectors -- worker', () => {
  it('refuses the embedded engine with a message saying what to set', { timeout: 60_000 }, async () => {
    const result = await run(['worker'], { ENGINE: 'embedded' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ENGINE: separate connector workers need ENGINE=zeebe');
  });

  it('is listed with the connectors\' own commands for an unknown one', { timeout: 60_000 }, async () => {
    const result = await cli('frobnicate');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
    expect(result.stderr).toMatch(/worker[\s\S]*templates[\s\S]*sign-pdf[\s\S]*ca-cert/);
    expect(result.stderr).toContain('(default: sandbox CA in');
  });
});
