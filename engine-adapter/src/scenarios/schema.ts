/**
 * JSON Schemas of the scenario file (spec/scenarios.md), checked with ajv. The file is
 * checked in two passes so that messages point at one step: the document shape first, then
 * the arguments of each step against the schema of its kind.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { StepKind } from './types.js';

/** ISO 8601 duration: PnW, or PnDTnHnMnS (years and months are refused: their length varies). */
export const DURATION_PATTERN = '^P(?:\\d+W|(?:\\d+D)?(?:T(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d+)?S)?)?)$';

const variables = { type: 'object' } as const;
const name = { type: 'string', minLength: 1 } as const;
const alias = { type: 'string', pattern: '^[A-Za-z0-9_.-]+$' } as const;
const duration = { type: 'string', pattern: DURATION_PATTERN } as const;
const rejected = { anyOf: [{ const: true }, { type: 'string', minLength: 1 }] } as const;
const elementIds = { type: 'array', items: name, uniqueItems: true } as const;

const object = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  properties: { ...properties, rejected },
  required,
  additionalProperties: false,
});

export const stepSchemas: Record<StepKind, object> = {
  deploy: { type: 'array', items: name, minItems: 1 },
  createInstance: object({ processId: name, version: { type: 'integer', minimum: 1 }, variables, alias }, ['processId']),
  completeJob: object({ type: name, instance: alias, variables }, ['type']),
  failJob: object({ type: name, instance: alias, retries: { type: 'integer', minimum: 0 }, errorMessage: { type: 'string' }, retryBackOff: duration }, ['type', 'retries']),
  throwError: object({ type: name, instance: alias, errorCode: name, errorMessage: { type: 'string' }, variables }, ['type', 'errorCode']),
  completeUserTask: object({ elementId: name, instance: alias, variables }, ['elementId']),
  publishMessage: object({ name, correlationKey: { type: 'string' }, variables, timeToLive: duration, messageId: name }, ['name', 'correlationKey']),
  advanceTime: object({ duration }, ['duration']),
  setVariables: object({ instance: alias, variables, elementId: name, local: { type: 'boolean' } }, ['instance', 'variables']),
  resolveIncident: object({ instance: alias, elementId: name, retries: { type: 'integer', minimum: 0 } }, ['instance', 'elementId']),
  cancelInstance: object({ instance: alias }, ['instance']),
  expect: {
    type: 'object',
    properties: {
      instance: alias,
      timeout: { anyOf: [duration, { type: 'integer', minimum: 0 }] },
      state: { enum: ['ACTIVE', 'COMPLETED', 'TERMINATED'] },
      variables,
      completedElements: elementIds,
      notCompletedElements: elementIds,
      activeElements: elementIds,
      incidents: {
        type: 'array',
        items: { type: 'object', properties: { elementId: name, errorType: { type: 'string', pattern: '^[A-Z_]+$' } }, required: ['elementId'], additionalProperties: false },
      },
      jobs: {
        type: 'array',
        items: { type: 'object', properties: { type: name, count: { type: 'integer', minimum: 0 } }, required: ['type', 'count'], additionalProperties: false },
      },
      userTasks: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            elementId: name,
            count: { type: 'integer', minimum: 1 },
            assignee: { type: ['string', 'null'] },
            candidateGroups: { type: 'array', items: { type: 'string' } },
          },
          required: ['elementId'],
          additionalProperties: false,
        },
      },
      childInstance: {
        type: 'object',
        properties: { elementId: name, state: { enum: ['ACTIVE', 'COMPLETED', 'TERMINATED'] }, variables },
        required: ['elementId'],
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  },
};

export const STEP_KINDS = Object.keys(stepSchemas) as StepKind[];

export const documentSchema = {
  type: 'object',
  properties: {
    name: name,
    resources: { type: 'array', items: name },
    steps: { type: 'array', items: { type: 'object' }, minItems: 1 },
  },
  required: ['name', 'steps'],
  additionalProperties: false,
} as const;

const ajv = new Ajv({ allErrors: false, strict: true });
export const validateDocument = ajv.compile(documentSchema);
export const validateStep = Object.fromEntries(STEP_KINDS.map((kind) => [kind, ajv.compile(stepSchemas[kind])])) as Record<StepKind, ValidateFunction>;

/** One readable line for the first schema error, e.g. `failJob.retries must be integer`. */
export function describeSchemaError(errors: ErrorObject[] | null | undefined, root: string): string {
  const error = errors?.[0];
  if (!error) return `${root} is not valid`;
  const at = root + error.instancePath.replace(/\//g, '.');
  if (error.keyword === 'additionalProperties') return `${at} has an unknown field '${String(error.params.additionalProperty)}'`;
  if (error.keyword === 'required') return `${at} needs the field '${String(error.params.missingProperty)}'`;
  if (error.keyword === 'pattern' && error.params.pattern === DURATION_PATTERN) return `${at} must be an ISO 8601 duration such as PT30S, PT1H or P2D (no years or months)`;
  if (at.endsWith('.rejected')) return `${at} must be true or the text the refusal must contain`;
  return `${at} ${error.message ?? 'is not valid'}`;
}
