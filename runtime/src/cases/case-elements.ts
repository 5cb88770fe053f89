/**
 * What the case view needs to know of a service version's process files: each element's name
 * (incidents, register steps), and which service tasks query a state register — their connector
 * and the variables their answer lands in (the `resultVariable` header, or the keys of a
 * `resultExpression` context). Read once per version: a published version never changes.
 */
import { bpmnElements } from '@konstruktor/forms';
import type { BpmnElement } from '../designer/bpmn-element.js';
import { readBpmn } from '../designer/bpmn-lint.js';
import type { PackageFile } from '../catalogue/service-version.entity.js';

export interface RegisterStep {
  elementId: string;
  /** The connector's job type, e.g. konstruktor:population:person. */
  jobType: string;
  /** Process variables holding the register's answer. */
  variables: string[];
}

export interface CaseElements {
  /** Element names by id, over every process file of the version (called processes too). */
  names: Map<string, string>;
  registerSteps: RegisterStep[];
}

function extensionValues(element: BpmnElement): BpmnElement[] {
  return ((element.get('extensionElements') as BpmnElement | undefined)?.get('values') as BpmnElement[] | undefined) ?? [];
}

/** The top-level keys of a FEEL context literal (`={a: x, "b c": y}`), the variables a result expression sets. */
export function contextKeys(expression: string): string[] {
  const body = expression.trim().replace(/^=/, '').trim();
  if (!body.startsWith('{') || !body.endsWith('}')) return [];
  const keys: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 1;
  const take = (end: number) => {
    const key = /^\s*(?:"([^"]+)"|([A-Za-z_][\w]*))\s*:/.exec(body.slice(start, end + 1));
    const name = key?.[1] ?? key?.[2];
    if (name) keys.push(name);
  };
  for (let i = 1; i < body.length - 1; i += 1) {
    const c = body[i];
    if (c === '"' && body[i - 1] !== '\\') quoted = !quoted;
    if (quoted) continue;
    if (c === '{' || c === '[' || c === '(') depth += 1;
    else if (c === '}' || c === ']' || c === ')') depth -= 1;
    else if (c === ',' && depth === 0) {
      take(i);
      start = i + 1;
    }
  }
  take(body.length - 1);
  return keys;
}

/** Reads the version's BPMN files; `isRegister` says which job types are register connectors. */
export async function caseElementsOf(files: Record<string, PackageFile>, isRegister: (jobType: string) => boolean): Promise<CaseElements> {
  const names = new Map<string, string>();
  const registerSteps: RegisterStep[] = [];
  for (const [path, file] of Object.entries(files)) {
    if (!path.endsWith('.bpmn') || file.encoding !== 'utf8') continue;
    const definitions = await readBpmn(file.content).catch(() => null);
    for (const element of bpmnElements(definitions)) {
      if (!element.id || !element.$type.startsWith('bpmn:')) continue;
      if (element.name) names.set(element.id, element.name);
      const values = extensionValues(element);
      const jobType = values.find((v) => v.$type === 'zeebe:TaskDefinition')?.get('type');
      if (typeof jobType !== 'string' || !isRegister(jobType)) continue;
      const headers = (values.find((v) => v.$type === 'zeebe:TaskHeaders')?.get('values') as BpmnElement[] | undefined) ?? [];
      const header = (key: string) => headers.find((h) => h.get('key') === key)?.get('value');
      const resultVariable = header('resultVariable');
      const resultExpression = header('resultExpression');
      const variables = [
        ...(typeof resultVariable === 'string' && resultVariable ? [resultVariable] : []),
        ...(typeof resultExpression === 'string' ? contextKeys(resultExpression) : []),
      ];
      registerSteps.push({ elementId: element.id, jobType, variables });
    }
  }
  return { names, registerSteps };
}
