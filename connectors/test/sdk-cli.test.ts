import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { builtinConnectors } from '../src/index.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  run(process.execPath, ['--import', 'tsx', 'connectors/src/cli/main.ts', ...args], { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }), (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }));

describe('connectors/src/cli/main.ts, the package\'s own commands', () => {
  it('templates <dir> writes one element template per built-in connector, in the language asked for', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'templates-'));
    try {
      const result = await cli(['templates', dir, '--locale', 'lt']);
      expect(result.code).toBe(0);
      const files = (await readdir(dir)).sort();
      expect(files).toHaveLength(builtinConnectors.length);
      const email = JSON.parse(await readFile(path.join(dir, 'konstruktor-notifications-email.json'), 'utf8'));
      expect(email).toMatchObject({ id: 'konstruktor:notifications:email', name: 'Siųsti el. laišką' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('signing without a configured signer says what to set: this package has no sandbox CA of its own', async () => {
    const signed = await cli(['sign-pdf', 'connectors/package.json', path.join(tmpdir(), 'never.pdf')]);
    expect(signed.code).toBe(1);
    expect(signed.stderr).toContain('no signer configured: set CONNECTOR_SECRET_SIGNING_KEY and CONNECTOR_SECRET_SIGNING_CERT');
    const caCert = await cli(['ca-cert', path.join(tmpdir(), 'never.pem')]);
    expect(caCert.code).toBe(1);
    expect(caCert.stderr).toContain('no trusted CA configured: set CONNECTOR_SECRET_SIGNING_TRUSTED_CA');
  }, 60_000);

  it('lists the commands for an unknown one', async () => {
    const result = await cli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
    expect(result.stderr).toMatch(/templates[\s\S]*sign-pdf[\s\S]*ca-cert/);
    // The standalone worker is the runtime's command (npm run connectors -- worker).
    expect(result.stderr).not.toMatch(/^\s+worker\s/m);
  }, 60_000);
});
