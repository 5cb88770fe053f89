import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CHILD = path.join(import.meta.dirname, 'crash', 'crash-child.ts');
const INSTANCES = 200;

const ackCount = (dir: string) => {
  try {
    return fs.readFileSync(path.join(dir, 'acks.log'), 'utf8').split('\n').length - 1;
  } catch {
    return 0;
  }
};

/**
 * Runs the child until it exits; with `killAfterAcks`, it is killed with SIGKILL once it has had
 * that many more job completions acknowledged: in the middle of the work however quick the machine.
 */
function life(dir: string, killAfterAcks?: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env: { ...process.env, CRASH_DIR: dir, CRASH_INSTANCES: String(INSTANCES) }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    let watch: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (killAfterAcks !== undefined && output.includes('ready') && !watch) {
        const killAt = ackCount(dir) + killAfterAcks;
        watch = setInterval(() => { if (ackCount(dir) >= killAt) child.kill('SIGKILL'); }, 5);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => { errors += chunk.toString(); });
    child.on('exit', (code, signal) => {
      clearInterval(watch);
      if (signal === 'SIGKILL' || code === 0) resolve(output);
      else reject(new Error(`child exited with ${code}: ${errors.slice(-2000)}`));
    });
  });
}

describe('embedded engine durability', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'konstruktor-crash-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('completes every one of 200 instances exactly once across kill -9 crashes', async () => {
    let kills = 0;
    // Lives cut after so many acknowledged completions, not after so many milliseconds: a quick,
    // idle machine did all 600 jobs in one 400 ms life. These add up to about half the work.
    for (const acks of [40, 60, 30, 80, 50, 70]) {
      const output = await life(dir, acks);
      if (output.includes('done')) break;
      kills += 1;
    }
    const final = await life(dir);
    expect(kills).toBe(6);
    const summary = JSON.parse(/done (.*)/.exec(final)![1]!);
    // Every instance completed, and every element of every instance completed exactly once.
    expect(summary).toEqual({ completed: INSTANCES, completions: { crash: INSTANCES, start: INSTANCES, a: INSTANCES, b: INSTANCES, c: INSTANCES, end: INSTANCES } });

    const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8').trim().split('\n');
    const acked = read('acks.log').map((line) => line.split(' ')[0]);
    const executed = read('executions.log');
    // No completion was acknowledged twice; work cut short by a crash was handed out again.
    expect(new Set(acked).size).toBe(acked.length);
    expect(acked.length).toBeLessThanOrEqual(INSTANCES * 3);
    expect(new Set(executed).size).toBe(INSTANCES * 3);
    expect(executed.length).toBeGreaterThanOrEqual(INSTANCES * 3);
  }, 240_000);
});
