/**
 * Server validation time of a 200-field submission. `benchFormValidation()` returns the figures,
 * `formatValidationBench()` prints them; `npm run bench:forms` (root, through
 * `@konstruktor/forms/bench`) calls both and adds the Chromium render time. Run alone:
 * `npx tsx forms/bench/validation.bench.ts`.
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { FormSchema, StructureSchema } from '@konstruktor/forms';
import { compileFormValidation, generateForm } from '@konstruktor/forms';

export interface ValidationBenchResult {
  fields: number;
  runs: number;
  medianMs: number;
  p99Ms: number;
  meanMs: number;
  /** Median CPU time of this process per validation: less disturbed by other load on the machine. */
  cpuMedianMs: number;
  /** One-minute load average while measuring (the machine may be shared). */
  loadAverage: number;
  /** The target: median under 1 ms. */
  targetMedianMs: number;
}

const KINDS = ['text', 'email', 'phone', 'ltPersonalCode', 'iban', 'date', 'integer', 'boolean', 'choice', 'postal'] as const;

const FIELD: Record<(typeof KINDS)[number], { schema: StructureSchema; value: unknown }> = {
  text: { schema: { type: 'string', maxLength: 100, title: 'Text', 'x-title': { lt: 'Tekstas', lv: 'Teksts' } }, value: 'Gedimino pr. 1' },
  email: { schema: { type: 'string', format: 'email', title: 'E-mail' }, value: 'ona@example.lt' },
  phone: { schema: { type: 'string', format: 'phone', title: 'Phone' }, value: '+37061234567' },
  ltPersonalCode: { schema: { type: 'string', format: 'lt-personal-code', title: 'Personal code' }, value: '33309240064' },
  iban: { schema: { type: 'string', format: 'iban', title: 'IBAN' }, value: 'LT121000011101001000' },
  date: { schema: { type: 'string', format: 'date', title: 'Date' }, value: '2024-02-29' },
  integer: { schema: { type: 'integer', minimum: 0, maximum: 1000, title: 'Count' }, value: 42 },
  boolean: { schema: { type: 'boolean', title: 'Agree' }, value: true },
  choice: { schema: { type: 'string', enum: ['a', 'b', 'c'], title: 'Choice' }, value: 'b' },
  postal: { schema: { type: 'string', format: 'postal-code-lt', title: 'Postal code' }, value: 'LT-01100' },
};

/**
 * A structure of `fields` fields: plain fields of every kind in groups of ten (one nested object
 * per group), a repeating group of three rows, a condition on every tenth field.
 */
export function buildBenchForm(fields = 200): { structure: StructureSchema; form: FormSchema; data: Record<string, unknown> } {
  const properties: Record<string, StructureSchema> = {};
  const data: Record<string, unknown> = {};
  const required: string[] = [];
  const rowFields = 5;
  const listRows = 3;
  let count = 0;
  for (let group = 0; count < fields - rowFields; group++) {
    const groupProperties: Record<string, StructureSchema> = {};
    const groupData: Record<string, unknown> = {};
    for (let i = 0; i < KINDS.length && count < fields - rowFields; i++, count++) {
      const kind = KINDS[i]!;
      groupProperties[`${kind}${group}`] = FIELD[kind].schema;
      groupData[`${kind}${group}`] = FIELD[kind].value;
    }
    properties[`section${group}`] = { type: 'object', title: `Section ${group + 1}`, required: Object.keys(groupProperties).slice(0, 3), properties: groupProperties };
    data[`section${group}`] = groupData;
    required.push(`section${group}`);
  }
  const rowProperties: Record<string, StructureSchema> = {};
  const row: Record<string, unknown> = {};
  for (const kind of KINDS.slice(0, rowFields)) {
    rowProperties[kind] = FIELD[kind].schema;
    row[kind] = FIELD[kind].value;
  }
  properties.rows = { type: 'array', items: { type: 'object', required: ['text'], properties: rowProperties } };
  data.rows = Array.from({ length: listRows }, () => ({ ...row }));
  const structure: StructureSchema = { type: 'object', title: 'Bench application', required, properties };
  const form = generateForm(structure);
  let conditioned = 0;
  const visit = (components: FormSchema['components']): void => {
    for (const component of components) {
      if (component.key && component.type !== 'checkbox' && conditioned++ % 10 === 9) component.conditional = { hide: '=this.boolean0 = false' };
      if (component.components) visit(component.components);
    }
  };
  visit(form.components);
  return { structure, form, data };
}

/** The value at percentile `p` (0–100) of `sorted`, ascending. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function benchFormValidation(options: { fields?: number; runs?: number } = {}): ValidationBenchResult {
  const fields = options.fields ?? 200;
  const runs = options.runs ?? 2000;
  const { structure, form, data } = buildBenchForm(fields);
  const validation = compileFormValidation(structure, form);
  const submission = JSON.stringify(data);
  const first = validation.validate(JSON.parse(submission));
  if (!first.valid) throw new Error(`Bench submission is not valid: ${JSON.stringify(first.errors.slice(0, 3))}`);
  for (let i = 0; i < Math.min(200, runs); i++) validation.validate(JSON.parse(submission));
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const parsed = JSON.parse(submission) as unknown; // each run sees a fresh object, as a request would
    const cpu = process.cpuUsage();
    const start = performance.now();
    validation.validate(parsed);
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    fields,
    runs,
    medianMs: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    meanMs: times.reduce((sum, time) => sum + time, 0) / runs,
    cpuMedianMs: percentile([...cpuTimes].sort((a, b) => a - b), 50),
    loadAverage: loadavg()[0]!,
    targetMedianMs: 1,
  };
}

export function formatValidationBench(result: ValidationBenchResult): string {
  const verdict = result.medianMs < result.targetMedianMs ? 'meets' : 'MISSES';
  return (
    `server validation, ${result.fields}-field submission, ${result.runs} runs: ` +
    `median ${result.medianMs.toFixed(3)} ms, p99 ${result.p99Ms.toFixed(3)} ms, mean ${result.meanMs.toFixed(3)} ms, ` +
    `CPU median ${result.cpuMedianMs.toFixed(3)} ms (${verdict} the < ${result.targetMedianMs} ms median target; ` +
    `load average ${result.loadAverage.toFixed(1)})`
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(formatValidationBench(benchFormValidation()));
}
