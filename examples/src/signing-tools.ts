/**
 * Independent verifiers for the signing tests: pdfsig (poppler, NSS) and xmlsec1. A test that
 * needs one skips when it is missing, except under CI=true, where it must fail instead. Exported
 * as @konstruktor/examples/signing-tools for the runtime's tests of the PDFs it seals.
 */
import { execFile, spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { promisify } from 'node:util';

export const run = promisify(execFile);

export function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** `it` when every tool is installed (or on CI, to fail loudly), `it.skip` otherwise. */
export function toolsPresent(...tools: string[]): boolean {
  return process.env.CI === 'true' || tools.every(hasTool);
}

/** An NSS database (what pdfsig reads) trusting the given CA certificate. */
export async function nssDatabaseTrusting(caPem: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'nssdb-'));
  await writeFile(join(dir, 'ca.pem'), caPem);
  await run('certutil', ['-N', '-d', `sql:${dir}`, '--empty-password']);
  await run('certutil', ['-A', '-d', `sql:${dir}`, '-n', 'Konstruktor test CA', '-t', 'C,C,C', '-i', join(dir, 'ca.pem')]);
  return dir;
}

/** pdfsig's report of a PDF, checking revocation online over OCSP as pdfsig does by default, or not at all with `noOcsp` (a B-LT document offline). */
export async function pdfsig(nssDir: string, file: string, options: { noOcsp?: boolean } = {}): Promise<string> {
  const { stdout } = await run('pdfsig', ['-nssdir', `sql:${nssDir}`, ...(options.noOcsp ? ['-no-ocsp'] : []), file]).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  return stdout;
}

/**
 * xmlsec1 --verify on the container's signature. xmlsec1 resolves a reference URI relative to
 * the signature file, so the container is extracted and the signature copied next to the data
 * files; the XAdES SignedProperties reference needs its Id attribute declared.
 */
export async function xmlsecVerify(container: Uint8Array, caPem: string): Promise<{ ok: boolean; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'asice-'));
  for (const [name, content] of Object.entries(unzipSync(container))) {
    if (name.endsWith('/')) continue;
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  await copyFile(join(dir, 'META-INF', 'signatures0.xml'), join(dir, 'signature.xml'));
  await writeFile(join(dir, 'ca.pem'), caPem);
  const args = ['--verify', '--trusted-pem', join(dir, 'ca.pem'), '--id-attr:Id', 'http://uri.etsi.org/01903/v1.3.2#:SignedProperties', join(dir, 'signature.xml')];
  try {
    const { stdout, stderr } = await run('xmlsec1', args, { cwd: dir });
    return { ok: true, output: `${stdout}${stderr}` };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${stdout}${stderr}` };
  }
}
