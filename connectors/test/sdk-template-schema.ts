/** The Camunda element templates schema (draft-07) as Camunda Modeler uses it: '' when valid, else the first errors. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('@camunda/zeebe-element-templates-json-schema/resources/schema.json'), 'utf8')) as Record<string, unknown>;
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

export function templateErrors(template: unknown): string {
  return validate(template) ? '' : JSON.stringify(validate.errors?.slice(0, 5), null, 2);
}
