import { posix } from 'node:path';
import { parseDocument } from 'yaml';
import { Type, type Static } from '@sinclair/typebox';
import { createEmbeddedEngine, EngineError, parseScenario, runScenario, ScenarioFormatError, type Resource } from '@konstruktor/engine-adapter';
import { bpmnElements, checkConsistency, packageFormUses, type FormSchema, type StructureSchema } from '@konstruktor/forms';
import type { PackageFile } from '../catalogue/service-version.entity.js';
import type { ServiceCard } from '../catalogue/service-card.js';
import type { BpmnElement } from './bpmn-element.js';
import { lintBpmn, readBpmn } from './bpmn-lint.js';
import { processIds } from './bpmn-tree.js';

/** What a check found, pointing at what to fix (designer/web/src/model/types.ts has the same shape). */
export const Problem = Type.Object({
  source: Type.Union([Type.Literal('card'), Type.Literal('process'), Type.Literal('forms'), Type.Literal('data'), Type.Literal('scenarios')]),
  file: Type.String(),
  elementId: Type.Optional(Type.String()),
  field: Type.Optional(Type.String()),
  message: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
});
export type Problem = Static<typeof Problem>;

/** The answer of POST /api/designer/services/{code}/versions/{version}/check. */
export const PackageCheck = Type.Object({
  ok: Type.Boolean(),
  problems: Type.Array(Problem),
  scenarios: Type.Array(Type.Object({ file: Type.String(), name: Type.String(), passed: Type.Boolean(), message: Type.Optional(Type.String()) })),
});
export type PackageCheck = Static<typeof PackageCheck>;

/** Scenario steps wait this long at most during a check (a scenario's own timeouts still apply). */
const SCENARIO_WAIT_MS = 3000;

const text = (file: PackageFile | undefined) => (!file ? undefined : file.encoding === 'utf8' ? file.content : Buffer.from(file.content, 'base64').toString('utf8'));

/** Files the engine deploys: processes and forms. */
export function engineResources(files: Record<string, PackageFile>): Resource[] {
  return Object.entries(files).filter(([path]) => /\.(bpmn|form)$/.test(path)).map(([name, file]) => ({ name, content: text(file)! }));
}

function json<T>(file: PackageFile | undefined): T | undefined {
  try {
    const content = text(file);
    return content === undefined ? undefined : (JSON.parse(content) as T);
  } catch {
    return undefined;
  }
}

/** A BPMN file read with moddle; null when it cannot be read (the process check says why). */
async function definitionsOf(file: PackageFile | undefined): Promise<BpmnElement | null> {
  const xml = text(file);
  return xml === undefined ? null : readBpmn(xml).catch(() => null);
}

async function cardProblems(card: ServiceCard, files: Record<string, PackageFile>): Promise<Problem[]> {
  const problems: Problem[] = [];
  const problem = (field: string, message: string, severity: Problem['severity'] = 'error') => problems.push({ source: 'card', file: 'service.yaml', field, message, severity });
  if (!card.process) problem('process', 'names no process: the service has no steps to run', 'warning');
  else if (!files[card.process.file]) problem('process/file', `refers to ${card.process.file}, which is not in the package`);
  else if (!processIds(await definitionsOf(files[card.process.file])).includes(card.process.processId)) {
    problem('process/processId', `is "${card.process.processId}", but ${card.process.file} has no process with that id`);
  }
  if (card.onlineOrder && !card.startForm) problem('startForm', 'is missing: a service ordered online needs a start form', 'warning');
  if (!card.legalBasis) problem('legalBasis', 'is missing: the e-service application must name the legal act', 'warning');
  for (const field of ['startForm', 'dataStructure'] as const) {
    const path = card[field];
    if (path && !files[path]) problem(field, `refers to ${path}, which is not in the package`);
  }
  return problems;
}

async function processProblems(files: Record<string, PackageFile>): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [file, content] of Object.entries(files)) {
    if (!file.endsWith('.bpmn')) continue;
    try {
      for (const report of await lintBpmn(text(content)!)) {
        problems.push({ source: 'process', file, elementId: report.id, message: report.message, severity: report.category === 'error' ? 'error' : 'warning' });
      }
    } catch (error) {
      problems.push({ source: 'process', file, message: `cannot be read as BPMN: ${(error as Error).message.split('\n')[0]}`, severity: 'error' });
    }
  }
  // What the engine itself refuses, on an engine of its own that is thrown away after.
  const engine = await createEmbeddedEngine();
  try {
    await engine.deploy(engineResources(files));
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    const file = /^'([^']+)'/.exec(error.message)?.[1] ?? Object.keys(files).find((path) => path.endsWith('.bpmn')) ?? 'process.bpmn';
    const ids = bpmnElements(await definitionsOf(files[file])).flatMap((e) => (e.id ? [e.id] : []));
    const detail = error.message.replace(/^'[^']+' cannot be deployed: /, '');
    for (const message of detail.split('; ')) {
      const elementId = ids.find((id) => new RegExp(`(^|[^\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w-]|$)`).test(message));
      problems.push({ source: 'process', file, ...(elementId ? { elementId } : {}), message: `the engine refuses it: ${message}`, severity: 'error' });
    }
  } finally {
    await engine.close();
  }
  return problems;
}

/**
 * Every form of the package: the start form against the data structure as the one that fills
 * it, each form a user task names as a task's (its own output variables allowed, required
 * structure fields not asked for); a form nothing uses is a warning, a user task naming a form
 * the package lacks an error on that task.
 */
async function formProblems(card: ServiceCard, files: Record<string, PackageFile>): Promise<Problem[]> {
  const problems: Problem[] = [];
  const { forms, missing } = await packageFormUses(Object.keys(files), (path) => text(files[path]), card.startForm);
  for (const task of missing) {
    problems.push({ source: 'process', file: task.file, elementId: task.elementId, message: `names form "${task.ref}" (zeebe:formDefinition), which is not in the package`, severity: 'error' });
  }
  const structure = card.dataStructure ? json<StructureSchema>(files[card.dataStructure]) : undefined;
  for (const { path, purpose } of forms) {
    let form: FormSchema;
    try {
      form = JSON.parse(text(files[path])!) as FormSchema;
    } catch (error) {
      problems.push({ source: 'forms', file: path, message: `is not valid JSON: ${(error as Error).message}`, severity: 'error' });
      continue;
    }
    if (!form || typeof form !== 'object' || !Array.isArray(form.components)) {
      problems.push({ source: 'forms', file: path, message: 'is not a form-js schema: it needs a list of components', severity: 'error' });
      continue;
    }
    if (purpose === 'unused') {
      problems.push({ source: 'forms', file: path, message: 'is not used by the card or any user task', severity: 'warning' });
      continue;
    }
    if (!structure) continue;
    for (const p of checkConsistency(structure, form, { purpose })) {
      problems.push({ source: 'forms', file: path, field: p.key ?? p.path, message: p.message, severity: p.severity });
    }
  }
  return problems;
}

function extensionValues(element: BpmnElement): BpmnElement[] {
  return ((element.get('extensionElements') as BpmnElement | undefined)?.get('values') as BpmnElement[] | undefined) ?? [];
}

/** The BPMN property (zeebe:properties) that marks a user task for the official's personal signature: the variable holding the document. */
const SIGN_PROPERTY = 'konstruktor:sign';

/** The lint's own report of a user task without a form, which userTaskProblems says in the workspace's terms instead. */
const LINT_NO_FORM = /should have a defined <Form>/;

/**
 * What an official would meet in the workspace for each user task: a name (the inbox shows it),
 * candidate groups (else every official of the agency may take it) and a form (else he has
 * nothing to fill in and what he completes it with is not checked). All warnings: a bare task
 * is still a valid step, and the designer's test runs answer it with JSON. A task marked for a
 * personal signature needs no form: signing is the official's act, and the runtime completes it
 * with the signed document.
 */
async function userTaskProblems(files: Record<string, PackageFile>): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const [file, content] of Object.entries(files)) {
    if (!file.endsWith('.bpmn')) continue;
    for (const task of bpmnElements(await definitionsOf(content)).filter((e) => e.$type === 'bpmn:UserTask' && e.id)) {
      const problem = (message: string) => problems.push({ source: 'process', file, elementId: task.id!, message, severity: 'warning' });
      const values = extensionValues(task);
      const assignment = values.find((v) => v.$type === 'zeebe:AssignmentDefinition');
      const form = values.find((v) => v.$type === 'zeebe:FormDefinition');
      const properties = (values.find((v) => v.$type === 'zeebe:Properties')?.get('properties') as BpmnElement[] | undefined) ?? [];
      const signs = properties.some((p) => p.get('name') === SIGN_PROPERTY && typeof p.get('value') === 'string' && (p.get('value') as string).trim() !== '');
      if (!task.name?.trim()) problem("has no name: the officials' inbox would show its id");
      if (!['candidateGroups', 'candidateUsers', 'assignee'].some((key) => String(assignment?.get(key) ?? '').trim())) {
        problem('names no candidate groups (zeebe:assignmentDefinition): every official of the agency may take it');
      }
      if (!form && !signs) problem('has no form (zeebe:formDefinition): the official would have nothing to fill in, and what he completes it with would not be checked');
    }
  }
  return problems;
}

async function runScenarios(files: Record<string, PackageFile>): Promise<Pick<PackageCheck, 'problems' | 'scenarios'>> {
  const problems: Problem[] = [];
  const scenarios: PackageCheck['scenarios'] = [];
  for (const file of Object.keys(files).filter((path) => /^scenarios\/.+\.ya?ml$/.test(path)).sort()) {
    let scenario;
    try {
      scenario = parseScenario(text(files[file])!, file);
    } catch (error) {
      if (!(error instanceof ScenarioFormatError)) throw error;
      problems.push({ source: 'scenarios', file, message: error.message, severity: 'error' });
      scenarios.push({ file, name: posix.basename(file), passed: false, message: error.message });
      continue;
    }
    // Resources are named relative to the scenario file, inside the package.
    const read = async (path: string) => {
      const content = text(files[posix.normalize(posix.join(posix.dirname(file), path))]);
      if (content === undefined) throw new Error(`${path} is not in the package`);
      return content;
    };
    const engine = await createEmbeddedEngine();
    try {
      const result = await runScenario(engine, scenario, read, { expectTimeoutMs: SCENARIO_WAIT_MS, stepTimeoutMs: SCENARIO_WAIT_MS });
      scenarios.push({ file, name: result.name, passed: result.passed, ...(result.message ? { message: result.message } : {}) });
      if (!result.passed) problems.push({ source: 'scenarios', file, message: `scenario "${result.name}" fails: ${result.message ?? ''}`, severity: 'error' });
    } finally {
      await engine.close();
    }
  }
  return { problems, scenarios };
}

/**
 * Checks a package as the designer and publishing need it: BPMN lint (Camunda 8.6 rules) and
 * the engine's own deploy validation, user tasks as the workspace shows them (name, candidate
 * groups, form), every form for its use (start form, user task forms, user tasks naming a
 * missing form), card, scenarios.
 */
export async function checkPackage(files: Record<string, PackageFile>): Promise<PackageCheck> {
  const card = parseDocument(text(files['service.yaml']) ?? '').toJS() as ServiceCard;
  const { problems: scenarioProblems, scenarios } = await runScenarios(files);
  const taskProblems = await userTaskProblems(files);
  // A task without a form is said once, in userTaskProblems' words (or not at all for a task marked for signature).
  const lintProblems = (await processProblems(files)).filter((p) => !(p.elementId && LINT_NO_FORM.test(p.message) && p.severity === 'warning'));
  const problems = [...(await cardProblems(card, files)), ...lintProblems, ...taskProblems, ...(await formProblems(card, files)), ...scenarioProblems];
  return { ok: !problems.some((p) => p.severity === 'error'), problems, scenarios };
}
