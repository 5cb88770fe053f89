import { describe, expect, it } from 'vitest';
import { packageRefs, parseVariables } from '../web/src/test-runs/package-refs.js';
import type { DraftPackage } from '../web/src/model/types.js';

const pkg = (files: Record<string, string>): DraftPackage => ({
  code: 'a', version: '1.0.0', state: 'draft',
  files: Object.fromEntries(Object.entries(files).map(([path, content]) => [path, { encoding: 'utf8' as const, content }])),
});

describe('packageRefs', () => {
  it('reads the process file and the start form from the card', () => {
    expect(packageRefs(pkg({ 'service.yaml': 'process: { file: main.bpmn }\nstartForm: forms/a.form\n', 'forms/a.form': '{}' })))
      .toEqual({ processFile: 'main.bpmn', startForm: 'forms/a.form' });
  });
  it('falls back to process.bpmn and no start form when the card is missing, broken or names a file not there', () => {
    expect(packageRefs(pkg({}))).toEqual({ processFile: 'process.bpmn' });
    expect(packageRefs(pkg({ 'service.yaml': 'process: [' }))).toEqual({ processFile: 'process.bpmn' });
    expect(packageRefs(pkg({ 'service.yaml': 'startForm: forms/gone.form\n' }))).toEqual({ processFile: 'process.bpmn' });
  });
});

describe('parseVariables', () => {
  it('takes a JSON object, or nothing as no variables', () => {
    expect(parseVariables('{"a": 1}')).toEqual({ variables: { a: 1 } });
    expect(parseVariables('  ')).toEqual({ variables: {} });
  });
  it('says why other input is refused', () => {
    expect(parseVariables('[1]')).toEqual({ error: 'not an object' });
    expect(parseVariables('{a')).toHaveProperty('error');
  });
});
