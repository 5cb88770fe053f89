/** Reading scenario files: YAML -> checked, normalised {@link Scenario}. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { isSeq, LineCounter, parseDocument } from 'yaml';
import { describeSchemaError, STEP_KINDS, validateDocument, validateStep } from './schema.js';
import type { ResourceReader, Scenario, Step, StepKind } from './types.js';

/** The scenario file is not a valid scenario; the message names the file, step and field. */
export class ScenarioFormatError extends Error {}

const isStepKind = (key: string): key is StepKind => (STEP_KINDS as string[]).includes(key);

/** Parses and checks one scenario written in YAML. `file` is only used in messages. */
export function parseScenario(text: string, file: string): Scenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const fail = (message: string): never => {
    throw new ScenarioFormatError(`${file}: ${message}`);
  };
  if (doc.errors.length) fail(`not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    fail(`not valid YAML: ${(error as Error).message}`);
  }
  if (!validateDocument(data)) fail(describeSchemaError(validateDocument.errors, 'the scenario'));
  const document = data as { name: string; resources?: string[]; steps: Record<string, unknown>[] };

  const stepsNode = doc.get('steps', true);
  const lineOf = (index: number): number | undefined => {
    const node = isSeq(stepsNode) ? stepsNode.items[index] : undefined;
    const offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };

  const steps = document.steps.map((raw, i): Step => {
    const line = lineOf(i);
    const where = `step ${i + 1}${line ? ` (line ${line})` : ''}`;
    const keys = Object.keys(raw).filter((key) => key !== 'rejected');
    const unknown = keys.filter((key) => !isStepKind(key));
    if (unknown.length) fail(`${where}: unknown step '${unknown[0]}' (steps are ${STEP_KINDS.join(', ')})`);
    if (keys.length !== 1) fail(`${where}: a step names exactly one action, found ${keys.length ? keys.join(', ') : 'none'}`);
    const kind = keys[0] as StepKind;
    const args = raw[kind] ?? {};
    if (!validateStep[kind](args)) fail(`${where}: ${describeSchemaError(validateStep[kind].errors, kind)}`);

    // `rejected` may be written beside the action or inside its fields.
    let rejected = raw.rejected as Step['rejected'] | undefined;
    let fields = args as Record<string, unknown>;
    if (!Array.isArray(args) && 'rejected' in (args as object)) {
      if (rejected !== undefined) fail(`${where}: 'rejected' is given twice`);
      const { rejected: inner, ...rest } = args as Record<string, unknown>;
      rejected = inner as Step['rejected'];
      fields = rest;
    }
    if (rejected !== undefined && rejected !== true && (typeof rejected !== 'string' || !rejected)) fail(`${where}: rejected must be true or the text the refusal must contain`);
    if (rejected !== undefined && kind === 'expect') fail(`${where}: an expect step cannot be rejected`);

    const step = { index: i, line, kind, args: kind === 'deploy' ? { files: args as string[] } : fields, ...(rejected !== undefined ? { rejected } : {}) } as Step;
    return step;
  });
  return { name: document.name, file, resources: document.resources ?? [], steps };
}

/** Reads a scenario file; its resources are read relative to it. */
export async function loadScenarioFile(path: string): Promise<{ scenario: Scenario; read: ResourceReader }> {
  const text = await readFile(path, 'utf8');
  const scenario = parseScenario(text, path);
  const base = dirname(resolve(path));
  return { scenario, read: (resource) => readFile(resolve(base, resource), 'utf8') };
}

const SCENARIO_FILE = /\.ya?ml$/i;

/** Every scenario file under the given files and folders (folders searched deeply, sorted). */
export async function findScenarioFiles(paths: string[]): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (SCENARIO_FILE.test(entry.name)) found.push(path);
    }
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) throw new ScenarioFormatError(`${path}: no such file or folder`);
    if (info.isDirectory()) await walk(path);
    else found.push(path);
  }
  return [...new Set(found)];
}
