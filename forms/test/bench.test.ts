import { describe, expect, it } from 'vitest';
import { checkConsistency, formPages } from '@konstruktor/forms';
import { benchFormValidation, buildBenchForm, formatValidationBench } from '../bench/validation.bench.js';

describe('validation bench helper', () => {
  it('builds a consistent 200-field form on pages and prints its figures', () => {
    const { structure, form } = buildBenchForm(200);
    expect(checkConsistency(structure, form).filter((problem) => problem.severity === 'error')).toEqual([]);
    let fields = 0;
    JSON.stringify(form, (key, value) => (key === 'key' && fields++, value));
    expect(fields).toBe(200);
    expect(formPages(form).length).toBeGreaterThan(10);
    const result = benchFormValidation({ runs: 20 });
    expect(result).toMatchObject({ fields: 200, runs: 20 });
    expect(result.p99Ms).toBeGreaterThanOrEqual(result.medianMs);
    expect(formatValidationBench(result)).toMatch(/^server validation, 200-field submission, 20 runs: median \d+\.\d{3} ms, p99/);
  });
});
