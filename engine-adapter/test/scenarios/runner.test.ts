import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenarios/load.js';
import { runScenario } from '../../src/scenarios/runner.js';
import { FakeEngine, linearBpmn } from './fake-engine.js';

const files: Record<string, string> = {
  'two-jobs.bpmn': linearBpmn('two-jobs', [{ id: 'first', type: 'work' }, { id: 'second', type: 'work' }]),
  'job-then-task.bpmn': linearBpmn('job-then-task', [{ id: 'work', type: 'do-work' }, { id: 'approve', user: true }]),
};
const read = async (path: string) => {
  const content = files[path];
  if (content === undefined) throw new Error(`ENOENT: ${path}`);
  return content;
};
const fast = { expectTimeoutMs: 300, stepTimeoutMs: 300 };

async function run(yaml: string, engine = new FakeEngine(), options = fast) {
  const result = await runScenario(engine, parseScenario(yaml, 'test.yaml'), read, { suffix: '__t0', ...options });
  return { result, engine };
}

describe('scenario runner', () => {
  test('a scenario that holds passes; names are namespaced on the engine', async () => {
    const { result, engine } = await run(`name: ok
resources: [job-then-task.bpmn]
steps:
  - createInstance: { processId: job-then-task, variables: { a: 1 } }
  - expect: { state: ACTIVE, activeElements: [work], jobs: [{ type: do-work, count: 1 }], userTasks: [] }
  - completeJob: { type: do-work, variables: { b: 2 } }
  - expect: { activeElements: [approve], userTasks: [{ elementId: approve, assignee: null }] }
  - completeUserTask: { elementId: approve, variables: { ok: true } }
  - expect: { state: COMPLETED, variables: { a: 1, b: 2, ok: true }, completedElements: [work, approve], notCompletedElements: [] }
`);
    expect(result).toMatchObject({ passed: true, name: 'ok', file: 'test.yaml' });
    expect(engine.calls).toContain('activateJobs do-work__t0');
  });

  test('a failed expect names the first unmet fact and what was observed', async () => {
    const { result } = await run(`name: not done
resources: [job-then-task.bpmn]
steps:
  - createInstance: { processId: job-then-task, variables: { a: 1 } }
  - expect: { variables: { a: 1 }, state: COMPLETED, activeElements: [] }
`);
    expect(result.passed).toBe(false);
    expect(result.message).toBe('step 2 (line 5) expect: state: expected COMPLETED, observed ACTIVE (waited 0.3 s)');
  });

  test('observed values are reported for each kind of fact', async () => {
    const facts: Array<[string, string]> = [
      ['variables: { a: 2 }', 'variables.a: expected 2, observed 1'],
      ['variables: { missing: null }', 'variables.missing: expected null, observed (absent)'],
      ['activeElements: [approve]', 'activeElements: expected [approve], observed [work]'],
      ['completedElements: [work]', 'completedElements: expected [work] to have completed, observed completed []'],
      ['jobs: [{ type: do-work, count: 2 }]', 'jobs.do-work: expected 2 activatable, observed 1'],
      ['userTasks: [{ elementId: approve }]', 'userTasks: expected open tasks of [approve]; observed []'],
      ['incidents: [{ elementId: work }]', 'incidents: expected [work], observed []'],
      ['childInstance: { elementId: work }', 'childInstance(work): expected an instance started by work, observed none'],
    ];
    for (const [fact, message] of facts) {
      const { result } = await run(`name: f\nresources: [job-then-task.bpmn]\nsteps:\n  - createInstance: { processId: job-then-task, variables: { a: 1 } }\n  - expect: { ${fact}, timeout: 50 }\n`);
      expect(result.message).toBe(`step 2 (line 5) expect: ${message} (waited 0.05 s)`);
    }
  });

  test('jobs of other instances taken while looking for one are kept, not lost', async () => {
    const { result, engine } = await run(`name: pool
resources: [two-jobs.bpmn]
steps:
  - createInstance: { processId: two-jobs, alias: a }
  - createInstance: { processId: two-jobs, alias: b }
  - expect: { instance: a, jobs: [{ type: work, count: 1 }] }
  - expect: { instance: b, jobs: [{ type: work, count: 1 }] }
  - completeJob: { type: work, instance: b, variables: { by: b } }
  - completeJob: { type: work, instance: a, variables: { by: a } }
  - completeJob: { type: work, instance: a }
  - completeJob: { type: work, instance: b }
  - expect: { instance: a, state: COMPLETED, variables: { by: a } }
  - expect: { instance: b, state: COMPLETED, variables: { by: b } }
`);
    expect(result.message).toBeUndefined();
    // Nothing was failed back to hand it over: the pool served the other instance's job.
    expect(engine.calls.filter((c) => c.startsWith('failJob'))).toEqual([]);
  });

  test('job steps wait for a job that is not there yet', async () => {
    const engine = new FakeEngine();
    engine.jobDelayMs = 150;
    const { result } = await run(`name: slow
resources: [two-jobs.bpmn]
steps:
  - createInstance: { processId: two-jobs }
  - completeJob: { type: work }
  - completeJob: { type: work }
  - expect: { state: COMPLETED }
`, engine, { expectTimeoutMs: 2000, stepTimeoutMs: 2000 });
    expect(result.message).toBeUndefined();
  });

  test('a job that never comes fails the step, saying where the instance stands', async () => {
    const { result } = await run(`name: no job
resources: [job-then-task.bpmn]
steps:
  - createInstance: { processId: job-then-task }
  - completeJob: { type: other-work }
`);
    expect(result.message).toBe("step 2 (line 5) completeJob: no job of type 'other-work' for instance 'main' within 0.3 s (instance 'main' is ACTIVE, active elements [work])");
  });

  test('an alias first named by a job step binds to an instance no alias names yet', async () => {
    // An instance no step created (as if started by a message start event) in the run's namespace.
    const engine = new FakeEngine();
    await engine.deploy([{ name: 'two-jobs.bpmn', content: linearBpmn('two-jobs__t0', [{ id: 'first', type: 'work__t0' }, { id: 'second', type: 'work__t0' }]) }]);
    const started = await engine.createInstance({ processId: 'two-jobs__t0' });
    const { result } = await run(`name: bind
resources: [two-jobs.bpmn]
steps:
  - createInstance: { processId: two-jobs, alias: known }
  - completeJob: { type: work, instance: found }
  - expect: { instance: known, activeElements: [first] }
  - expect: { instance: found, activeElements: [second] }
`, engine);
    // `found` could only take the other instance's job: `known` is named already.
    expect(result.message).toBeUndefined();
    expect(engine.activatedJobs()).toEqual([]);
    expect((await engine.elementInstances(started.instanceKey)).find((e) => e.elementId === 'first')?.state).toBe('COMPLETED');
  });

  test('rejected steps: refused, refused with the text, and nothing changed', async () => {
    const { result } = await run(`name: rejected
resources: [job-then-task.bpmn]
steps:
  - createInstance: { processId: nope }
    rejected: "process ID 'nope'"
  - createInstance: { processId: job-then-task }
  - completeJob: { type: do-work, variables: { n: 1 } }
  - completeJob: { type: do-work, variables: { n: 2 }, rejected: "no such job" }
  - completeUserTask: { elementId: approve }
  - completeUserTask: { elementId: approve }
    rejected: true
  - cancelInstance: { instance: main }
    rejected: NO SUCH PROCESS
  - setVariables: { instance: main, variables: { n: 3 } }
    rejected: true
  - expect: { state: COMPLETED, variables: { n: 1 } }
`);
    expect(result.message).toBeUndefined();
  });

  test('a rejected step the engine accepts fails', async () => {
    const { result } = await run(`name: accepted
resources: [job-then-task.bpmn]
steps:
  - createInstance: { processId: job-then-task }
    rejected: true
`);
    expect(result.message).toBe('step 1 (line 4) createInstance: expected the engine to refuse the step, but it was accepted');
  });

  test('a refusal with other words fails', async () => {
    const { result } = await run(`name: wording
resources: [job-then-task.bpmn]
steps:
  - createInstance: { processId: nope, rejected: "is not deployed" }
`);
    expect(result.message).toBe("step 1 (line 4) createInstance: expected a refusal containing \"is not deployed\", observed \"Expected to find process definition with process ID 'nope', but none found\"");
  });

  test('a refused step that changed the instance fails', async () => {
    const engine = new FakeEngine();
    const { result } = await run(`name: sabotage
resources: [job-then-task.bpmn]
steps:
  - createInstance: { processId: job-then-task }
  - expect: { jobs: [{ type: do-work, count: 1 }] }
  - completeJob: { type: do-work }
    rejected: true
`, Object.assign(engine, { sabotageComplete: true }));
    expect(result.message).toMatch(/^step 3 \(line 6\) completeJob: the refused step changed state: variables of 'main' changed \(\+sabotaged@\d+=true\)$/);
  });

  test('incidents: resolving gives a failed job its retries back first', async () => {
    const { result, engine } = await run(`name: incident
resources: [job-then-task.bpmn]
steps:
  - createInstance: { processId: job-then-task }
  - failJob: { type: do-work, retries: 0, errorMessage: down }
  - expect: { incidents: [{ elementId: work, errorType: JOB_NO_RETRIES }], jobs: [{ type: do-work, count: 0 }] }
  - resolveIncident: { instance: main, elementId: work, retries: 2 }
  - expect: { incidents: [], jobs: [{ type: do-work, count: 1 }] }
  - completeJob: { type: do-work }
  - expect: { activeElements: [approve] }
`);
    expect(result.message).toBeUndefined();
    expect(engine.calls.some((c) => /^updateJobRetries \d+ 2$/.test(c))).toBe(true);
  });

  test('pooled jobs are given back before the clock moves; messages get the namespace and a TTL of 0 by default', async () => {
    const { result, engine } = await run(`name: clock
resources: [job-then-task.bpmn]
steps:
  - createInstance: { processId: job-then-task }
  - expect: { jobs: [{ type: do-work, count: 1 }] }
  - advanceTime: { duration: PT1M }
  - publishMessage: { name: paid, correlationKey: "A-1", variables: { x: 1 } }
  - publishMessage: { name: paid, correlationKey: "A-1", timeToLive: PT1H, messageId: m-1 }
  - publishMessage: { name: paid, correlationKey: "A-1", timeToLive: PT1H, messageId: m-1 }
    rejected: already published
  - completeJob: { type: do-work }
  - expect: { activeElements: [approve] }
`);
    expect(result.message).toBeUndefined();
    const failBack = engine.calls.findIndex((c) => c.startsWith('failJob'));
    expect(failBack).toBeGreaterThan(-1);
    expect(failBack).toBeLessThan(engine.calls.indexOf('advanceTime 60000'));
    expect(engine.published.map((m) => [m.name, m.timeToLive])).toEqual([['paid__t0', 0], ['paid__t0', 3_600_000]]);
  });

  test('set variables on an element scope, locally', async () => {
    const { result } = await run(`name: scopes
resources: [job-then-task.bpmn]
steps:
  - createInstance: { processId: job-then-task }
  - setVariables: { instance: main, elementId: work, variables: { tmp: 1 }, local: true }
  - setVariables: { instance: main, variables: { top: 2 } }
  - expect: { variables: { top: 2 } }
  - setVariables: { instance: main, elementId: approve, variables: { x: 1 } }
`);
    expect(result.message).toBe("step 5 (line 8) setVariables: no active element instance of approve in instance 'main' (instance 'main' is ACTIVE, active elements [work])");
  });

  test('unknown aliases, missing resources and reused aliases are reported', async () => {
    expect((await run('name: a\nsteps:\n  - expect: { instance: ghost, state: ACTIVE }\n')).result.message)
      .toBe("step 1 (line 3) expect: unknown instance 'ghost' (no earlier step created or found it)");
    expect((await run('name: a\nresources: [missing.bpmn]\nsteps:\n  - expect: {}\n')).result.message)
      .toBe("resources: cannot read resource 'missing.bpmn': ENOENT: missing.bpmn");
    expect((await run('name: a\nresources: [two-jobs.bpmn]\nsteps:\n  - createInstance: { processId: two-jobs }\n  - createInstance: { processId: two-jobs }\n')).result.message)
      .toBe("step 2 (line 5) createInstance: the alias 'main' already names an instance");
  });
});
