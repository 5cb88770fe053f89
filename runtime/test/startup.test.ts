import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { ApiClient } from './support/api-client.js';
import { sandboxesEnabled } from '../src/demo/sandboxes.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** `npm start` as a newcomer runs it; resolves when it printed `until` or exited. */
function npmStart(env: Record<string, string>, until: RegExp) {
  // Its own process group, so stopping it reaches the runtime and not only npm (whose `sh -c` would leave it running).
  const child = spawn('npm', ['start'], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const ready = new Promise<{ output: string; code: number | null }>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (until.test(output)) resolve({ output, code: null });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => resolve({ output, code }));
  });
  // Every process of the group holds the output pipes: 'close' means the runtime itself has ended.
  const closed = new Promise((resolve) => child.once('close', resolve));
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // the group has already ended
    }
    await closed;
  };
  return { ready, stop };
}

describe('configuration', () => {
  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x@h/db' })).toThrow(new ConfigError('DATABASE_URL must start with postgres:// or postgresql://, got "mysql://"'));
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL is not a valid URL/);
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432' })).toThrow(/DATABASE_URL names no database/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a whole number/);
    expect(() => loadConfig({ OIDC_ISSUER: 'https://eid.example' })).toThrow(/OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are not/);
    expect(() => sandboxesEnabled({ SANDBOXES: 'yes' })).toThrow(new ConfigError('SANDBOXES must be on or off, got "yes"'));
    expect(sandboxesEnabled({})).toBe(true);
  });
});

describe('npm start', () => {
  const dirs: string[] = [];
  afterAll(async () => { await Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true }))); });

  it('fails fast with a clear message when the database server cannot be reached, without printing the password', async () => {
    const { ready } = npmStart({ DATABASE_URL: 'postgres://konstruktor:s3cret-pw@127.0.0.1:1/konstruktor', SANDBOXES: 'off' }, /$^/);
    const { output, code } = await ready;
    expect(code).toBe(1);
    expect(output).toContain('Konstruktor cannot start: cannot open the database at PostgreSQL postgres://konstruktor:***@127.0.0.1:1/konstruktor');
    expect(output).toContain('ECONNREFUSED');
    expect(output).not.toContain('s3cret-pw');
  });

  it('serves the product with its sandboxes on the embedded defaults, prints URLs and demo logins but no secret, and keeps data and the test CA across restarts', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'konstruktor-start-'));
    dirs.push(dataDir);
    // PORT=0: a port picked beforehand could be taken by one of the sandboxes (or another test) meanwhile.
    const env = { PORT: '0', DATA_DIR: dataDir, DEMO_PASSWORD: 'demo-pass-123', LOG_LEVEL: 'warn' };
    const printed = /mailbox\s+http\S+\n/;
    const first = npmStart(env, printed);
    const { output } = await first.ready;
    expect(output).toMatch(/Konstruktor runtime http:\/\/127\.0\.0\.1:\d+/);
    const port = Number(/Konstruktor runtime http:\/\/127\.0\.0\.1:(\d+)/.exec(output)![1]);
    expect(output).toMatch(/demo logins\s+analyst, developer, official, official2, supervisor, administrator, citizen, citizen2/);
    expect(output).toMatch(/demo password\s+demo-pass-123/);
    expect(output).toMatch(/example services residence-declaration@\d+\.\d+\.\d+, street-trading-permit@\d+\.\d+\.\d+/);
    expect(output).toMatch(/workspace\s+http:\/\/127\.0\.0\.1:\d+\/workspace\//);
    for (const sandbox of ['population register  https://127.0.0.1:', 'legal entities       https://127.0.0.1:', 'bank                 http://127.0.0.1:', 'OCSP responder       http://127.0.0.1:', 'timestamping         http://127.0.0.1:', 'mobile signature     http://127.0.0.1:', 'signature phone      http://127.0.0.1:', 'eID gateway          http://127.0.0.1:', 'mailbox              http://127.0.0.1:']) {
      expect(output).toContain(sandbox);
    }
    // Neither the registers' client key nor the bank's API key or webhook secret is printed.
    expect(output).not.toMatch(/PRIVATE KEY|BEGIN CERTIFICATE|sandbox-key-|CONNECTOR_SECRET|PAYMENT_BANK/);
    const mailbox = /mailbox\s+(http\S+)/.exec(output)![1]!;
    expect(await (await fetch(mailbox)).text()).toContain('Sandbox mailbox');
    const caFile = path.join(dataDir, 'sandboxes', 'pki', 'root-ca.pem');
    const ca = await fs.readFile(caFile, 'utf8');

    const url = `http://127.0.0.1:${port}`;
    const jonas = await new ApiClient(url).login('citizen', 'demo-pass-123');
    expect((await jonas.post('/api/me/terms/1/accept')).status).toBe(204);
    const catalogue = await jonas.get('/api/services');
    expect(catalogue.body.items.map((s: { code: string }) => s.code)).toContain('street-trading-permit');
    const order = await jonas.post('/api/applications', { service: 'street-trading-permit', data: {
      contact: { givenName: 'Jonas', familyName: 'Jonaitis', email: 'jonas@example.lt' },
      tradingAs: 'person', place: 'Rotušės a. 1', from: '2026-05-01', to: '2026-05-31', goods: 'Gėlės',
    } });
    expect(order.status).toBe(201);
    await first.stop();

    const second = npmStart({ ...env, PORT: String(port) }, printed);
    // Still running: it listens on the port the first one has let go of.
    expect((await second.ready).code).toBeNull();
    try {
      const again = await new ApiClient(url).login('citizen', 'demo-pass-123');
      expect((await again.get(`/api/applications/${order.body.id}`)).body).toMatchObject({ status: expect.stringMatching(/^(submitted|in-progress)$/), data: { place: 'Rotušės a. 1' } });
      expect((await again.get('/api/me')).body.terms.accepted).toBe(true);
      expect(await fs.readFile(caFile, 'utf8')).toBe(ca);
      // "Log in with eID" leads to the sandbox eID gateway the banner names.
      const gateway = /eID gateway\s+(http\S+)/.exec((await second.ready).output)![1]!;
      expect((await again.get('/api/session/methods')).body).toEqual({ password: true, eid: true });
      const eid = await fetch(`${url}/api/session/oidc?returnTo=/orders&lang=en`, { redirect: 'manual' });
      expect(eid.headers.get('location')).toMatch(new RegExp(`^${gateway}/auth\\?.*ui_locales=en`));
    } finally {
      await second.stop();
    }
    // Two cold starts, each opening the runtime's and the engine's embedded databases and starting the sandboxes.
  }, 420_000);
});
