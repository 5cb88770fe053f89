import { describe, expect, test } from 'vitest';
import { durationToMs } from '../../src/scenarios/duration.js';
import { parseScenario, ScenarioFormatError } from '../../src/scenarios/load.js';

const parse = (text: string) => parseScenario(text, 'test.yaml');
const refusal = (text: string) => {
  try {
    parse(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioFormatError);
    return (error as Error).message;
  }
  throw new Error('expected a format error');
};

describe('scenario files', () => {
  test('steps are normalised, with their line and rejection in either place', () => {
    const scenario = parse(`name: demo
resources: [a.bpmn]
steps:
  - createInstance: { processId: order, variables: { x: 1 } }
  - completeJob: { type: work, rejected: true }
  - deploy: [b.bpmn]
    rejected: "not valid"
  - expect:
      state: COMPLETED
      jobs: [{ type: work, count: 0 }]
`);
    expect(scenario.name).toBe('demo');
    expect(scenario.resources).toEqual(['a.bpmn']);
    expect(scenario.steps.map((s) => [s.kind, s.line, s.rejected])).toEqual([
      ['createInstance', 4, undefined], ['completeJob', 5, true], ['deploy', 6, 'not valid'], ['expect', 8, undefined],
    ]);
    expect(scenario.steps[1]!.args).toEqual({ type: 'work' });
    expect(scenario.steps[2]!.args).toEqual({ files: ['b.bpmn'] });
    expect(Object.keys(scenario.steps[3]!.args)).toEqual(['state', 'jobs']);
  });

  test('mistakes are named by step, line and field', () => {
    expect(refusal('steps: [{ expect: {} }]')).toBe("test.yaml: the scenario needs the field 'name'");
    expect(refusal('name: x\nsteps:\n  - completeJobs: { type: a }')).toMatch(/step 1 \(line 3\): unknown step 'completeJobs'/);
    expect(refusal('name: x\nsteps:\n  - completeJob: { instance: a }')).toMatch(/step 1 \(line 3\): completeJob needs the field 'type'/);
    expect(refusal('name: x\nsteps:\n  - failJob: { type: a, retries: -1 }')).toMatch(/failJob\.retries must be >= 0/);
    expect(refusal('name: x\nsteps:\n  - advanceTime: { duration: P1M }')).toMatch(/advanceTime\.duration must be an ISO 8601 duration/);
    expect(refusal('name: x\nsteps:\n  - expect: { state: DONE }')).toMatch(/expect\.state must be equal to one of the allowed values/);
    expect(refusal('name: x\nsteps:\n  - expect: { stat: ACTIVE }')).toMatch(/expect has an unknown field 'stat'/);
    expect(refusal('name: x\nsteps:\n  - expect: {}\n    rejected: true')).toMatch(/an expect step cannot be rejected/);
    expect(refusal('name: x\nsteps:\n  - cancelInstance: { instance: a }\n    publishMessage: { name: a, correlationKey: b }')).toMatch(/exactly one action/);
    expect(refusal('name: x\nsteps:\n  - cancelInstance: { instance: a, rejected: 1 }')).toMatch(/rejected must be true or the text/);
    expect(refusal('name: [')).toMatch(/not valid YAML/);
  });

  test('durations', () => {
    expect(durationToMs('PT30S')).toBe(30_000);
    expect(durationToMs('PT1H30M')).toBe(5_400_000);
    expect(durationToMs('P2DT1S')).toBe(172_801_000);
    expect(durationToMs('P1W')).toBe(604_800_000);
    expect(durationToMs('PT0.5S')).toBe(500);
    for (const bad of ['P1M', 'P1Y', 'PT', 'P', '1H', 'PT1X']) expect(() => durationToMs(bad)).toThrow(/ISO 8601/);
  });
});
