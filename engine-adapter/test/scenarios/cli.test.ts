import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
// A process of the conformance suite: start -> service task `work` (job type `work`) -> end.
const bpmn = join(repo, 'engine-adapter/conformance/start-events/none-start.bpmn');
const cli = (args: string[]) => new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
  execFile(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'engine-adapter/src/scenarios/cli.ts'), ...args], { cwd: repo, timeout: 60_000 }, (error, stdout, stderr) => {
    resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
  });
});

describe('npm run scenarios', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scenarios-'));
    await writeFile(join(dir, 'a-passes.yaml'), `name: passes\nresources: [${bpmn}]\nsteps:\n  - createInstance: { processId: none-start }\n  - completeJob: { type: work }\n  - expect: { state: COMPLETED }\n`);
    await writeFile(join(dir, 'b-fails.yaml'), `name: fails\nresources: [${bpmn}]\nsteps:\n  - createInstance: { processId: none-start }\n  - expect: { state: COMPLETED, timeout: 100 }\n`);
    await writeFile(join(dir, 'c-broken.yaml'), 'name: broken\nsteps:\n  - completeJobs: {}\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('one line per scenario, the count last, exit 1 when any fails', async () => {
    const { code, stdout } = await cli(['--engine', 'embedded', dir]);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^pass {2}.*a-passes\.yaml — passes \(\d+\.\d s\)$/);
    expect(lines[1]).toMatch(/^FAIL {2}.*b-fails\.yaml — fails: step 2 \(line 5\) expect: state: expected COMPLETED, observed ACTIVE \(waited 0\.1 s\)/);
    expect(lines[2]).toMatch(/^FAIL {2}.*c-broken\.yaml — .*unknown step 'completeJobs'/);
    expect(lines[3]).toBe('1 passed, 2 failed');
    expect(code).toBe(1);
  });

  test('exit 0 when all pass; usage errors exit 2', async () => {
    const ok = await cli(['--engine=embedded', join(dir, 'a-passes.yaml')]);
    expect(ok.stdout.trim().split('\n').at(-1)).toBe('1 passed, 0 failed');
    expect(ok.code).toBe(0);
    const bad = await cli(['--engine', 'camunda7', dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--engine must be embedded or zeebe/);
  });
});
