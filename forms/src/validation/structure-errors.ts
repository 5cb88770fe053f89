/** Turns ajv's errors (from the compiled or the standalone validator alike) into issues. */
import type { Issue, IssueCode } from './messages.js';

/** The fields of an ajv ErrorObject this module reads. */
export interface StructureError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
}

const SAME_CODE: Record<string, IssueCode> = {
  type: 'type',
  format: 'format',
  minLength: 'minLength',
  maxLength: 'maxLength',
  minimum: 'minimum',
  maximum: 'maximum',
  exclusiveMinimum: 'minimum',
  exclusiveMaximum: 'maximum',
  pattern: 'pattern',
  minItems: 'minItems',
  maxItems: 'maxItems',
  uniqueItems: 'uniqueItems',
  multipleOf: 'multipleOf',
  enum: 'choice',
  const: 'choice',
  oneOf: 'choice',
  anyOf: 'choice',
};

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function structureIssues(errors: readonly StructureError[] | null | undefined): Issue[] {
  if (!errors) return [];
  // Branch errors of a failed oneOf/anyOf (one per code list value) say less than the choice error.
  const choicePaths = new Set(errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath));
  const issues: Issue[] = [];
  for (const error of errors) {
    const { keyword, instancePath, params } = error;
    if (choicePaths.has(instancePath) && /\/(oneOf|anyOf)\/\d+\//.test(error.schemaPath)) continue;
    if (keyword === 'required') {
      issues.push({ path: `${instancePath}/${escape(String(params.missingProperty))}`, code: 'required' });
    } else if (keyword === 'additionalProperties' || keyword === 'unevaluatedProperties') {
      const name = String(params.additionalProperty ?? params.unevaluatedProperty);
      issues.push({ path: `${instancePath}/${escape(name)}`, code: 'unknown' });
    } else {
      const code = SAME_CODE[keyword] ?? 'invalid';
      const limit = params.limit;
      const extra: Record<string, string | number> = {};
      if (typeof limit === 'number') extra.limit = limit;
      if (keyword === 'type') extra.type = String(params.type).split(',')[0]!;
      if (keyword === 'format') extra.format = String(params.format);
      issues.push({ path: instancePath, code, ...(Object.keys(extra).length ? { params: extra } : {}) });
    }
  }
  return issues;
}
