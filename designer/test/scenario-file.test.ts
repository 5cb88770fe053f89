import { describe, expect, it } from 'vitest';
import { scenarioPath, slugOf } from '../web/src/test-runs/scenario-file.js';

describe('scenario file names', () => {
  it('slugs a Lithuanian name to ASCII', () => {
    expect(slugOf('Prašymas patvirtintas – žalia šaka!')).toBe('prasymas-patvirtintas-zalia-saka');
    expect(slugOf('  ***  ')).toBe('scenario');
  });
  it('never overwrites a scenario already in the package', () => {
    expect(scenarioPath('Happy path', ['scenarios/happy-path.yaml', 'scenarios/happy-path-2.yaml'])).toBe('scenarios/happy-path-3.yaml');
    expect(scenarioPath('Happy path', [])).toBe('scenarios/happy-path.yaml');
  });
});
