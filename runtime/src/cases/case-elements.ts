/**
 * What the case view needs to know of a service version's process files: each element's name
 * in every language (incidents, register steps), and which service tasks query a state register
 * — their connector and the process variables their answer lands in, each with the place in the
 * connector's answer it comes from, so the view can name it as the connector names that field.
 * Read once per version: a published version never changes.
 */
import { bpmnElements } from '@konstruktor/forms';
import type { LocalizedText } from '../common/schemas.js';
import type { BpmnElement } from '../designer/bpmn-element.js';
import { readBpmn } from '../designer/bpmn-lint.js';
import { localizedName } from '../designer/bpmn-names.js';
import type { PackageFile } from '../catalogue/service-version.entity.js';

export interface RegisterVariable {
  /** The process variable. */
  name: string;
  /** Where in the connector's answer its value comes from (`[]`: the whole answer); null when an expression computes it. */
  from: string[] | null;
}

export interface RegisterStep {
  elementId: string;
  /** The connector's job type, e.g. konstruktor:population:person. */
  jobType: string;
  /** Process variables holding the register's answer. */
  variables: RegisterVariable[];
}

export interface CaseElements {
  /** Element names by id, in every language, over every process file of the version (called processes too). */
  names: Map<string, LocalizedText>;
  registerSteps: RegisterStep[];
}

function extensionValues(element: BpmnElement): BpmnElement[] {
  return ((element.get('extensionElements') as BpmnElement | undefined)?.get('values') as BpmnElement[] | undefined) ?? [];
}

/** The top-level entries of a FEEL context literal (`={a: x, "b c": y}`) with their value expressions: the variables a result expression sets. */
export function contextEntries(expression: string): { key: string; value: string }[] {
  const body = expression.trim().replace(/^=/, '').trim();
  if (!body.startsWith('{') || !body.endsWith('}')) return [];
  const entries: { key: string; value: string }[] = [];
  let depth = 0;
  let quoted = false;
  let start = 1;
  const take = (end: number) => {
    const entry = /^\s*(?:"([^"]+)"|([A-Za-z_][\w]*))\s*:([\s\S]*)$/.exec(body.slice(start, end));
    const key = entry?.[1] ?? entry?.[2];
    if (key) entries.push({ key, value: entry![3]!.trim() });
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
  return entries;
}

const PATH = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;

/** `=a.b.c` as ['a', 'b', 'c']; null for any other expression. */
function pathOf(expression: string): string[] | null {
  const body = expression.trim().replace(/^=/, '').trim();
  return PATH.test(body) ? body.split('.') : null;
}

/**
 * The variables the job completes with, as the connector worker sets them (result.ts): the whole
 * answer under `resultVariable`, the context a `resultExpression` builds, or else the answer's fields.
 */
function jobVariables(header: (key: string) => unknown, answerFields: string[]): RegisterVariable[] {
  const resultVariable = header('resultVariable');
  const resultExpression = header('resultExpression');
  const named = typeof resultVariable === 'string' && resultVariable.trim() ? [{ name: resultVariable.trim(), from: [] }] : [];
  const built = typeof resultExpression === 'string' ? contextEntries(resultExpression).map(({ key, value }) => ({ name: key, from: pathOf(value) })) : [];
  return named.length || (typeof resultExpression === 'string' && resultExpression.trim()) ? [...named, ...built] : answerFields.map((field) => ({ name: field, from: [field] }));
}

/** With output mappings only their targets reach the process (Zeebe's rule), each from the job variable its source reads. */
function processVariables(element: BpmnElement, fromJob: RegisterVariable[]): RegisterVariable[] {
  const mapping = extensionValues(element).find((v) => v.$type === 'zeebe:IoMapping');
  const outputs = ((mapping?.get('outputParameters') as BpmnElement[] | undefined) ?? [])
    .map((o) => ({ source: o.get('source'), target: o.get('target') }))
    .filter((o): o is { source: string; target: string } => typeof o.source === 'string' && typeof o.target === 'string' && o.target !== '');
  if (!outputs.length) return fromJob;
  return outputs.map(({ source, target }) => {
    const path = pathOf(source);
    const base = path && fromJob.find((v) => v.name === path[0])?.from;
    return { name: target, from: base ? [...base, ...path.slice(1)] : null };
  });
}

/** Reads the version's BPMN files; `answerFields` gives a register connector's answer fields by job type (undefined: not a register). */
export async function caseElementsOf(files: Record<string, PackageFile>, answerFields: (jobType: string) => string[] | undefined): Promise<CaseElements> {
  const names = new Map<string, LocalizedText>();
  const registerSteps: RegisterStep[] = [];
  for (const [path, file] of Object.entries(files)) {
    if (!path.endsWith('.bpmn') || file.encoding !== 'utf8') continue;
    const definitions = await readBpmn(file.content).catch(() => null);
    for (const element of bpmnElements(definitions)) {
      if (!element.id || !element.$type.startsWith('bpmn:')) continue;
      const name = localizedName(element);
      if (name) names.set(element.id, name);
      const values = extensionValues(element);
      const jobType = values.find((v) => v.$type === 'zeebe:TaskDefinition')?.get('type');
      const fields = typeof jobType === 'string' ? answerFields(jobType) : undefined;
      if (typeof jobType !== 'string' || !fields) continue;
      const headers = (values.find((v) => v.$type === 'zeebe:TaskHeaders')?.get('values') as BpmnElement[] | undefined) ?? [];
      const header = (key: string) => headers.find((h) => h.get('key') === key)?.get('value');
      registerSteps.push({ elementId: element.id, jobType, variables: processVariables(element, jobVariables(header, fields)) });
    }
  }
  return { names, registerSteps };
}
