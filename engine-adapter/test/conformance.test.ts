/**
 * The conformance suite (../conformance, spec/scenarios.md) on the engine named by ENGINE
 * (embedded by default): one test per scenario file, all on one engine, each scenario in its
 * own namespace. When the engine's module does not exist yet, the suite is skipped with a
 * test that says so. Scenarios listed in conformance/known-failures.json for the engine are
 * expected to fail (test.fails), so fixing the engine shows up as a test to update.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, test } from 'vitest';
import type { EngineAdapter } from '../src/contract.js';
import { createEngine, ENGINE_KINDS, EngineNotAvailableError, type EngineKind } from '../src/engines.js';
import { findScenarioFiles, loadScenarioFile } from '../src/scenarios/load.js';
import { runScenario } from '../src/scenarios/runner.js';

const kind = (process.env.ENGINE ?? 'embedded') as EngineKind;
if (!ENGINE_KINDS.includes(kind)) throw new Error(`ENGINE must be ${ENGINE_KINDS.join(' or ')}, not '${kind}'`);

const root = fileURLToPath(new URL('../conformance/', import.meta.url));
const files = (await findScenarioFiles([root])).map((file) => relative(root, file));
const known = (JSON.parse(readFileSync(`${root}known-failures.json`, 'utf8')) as Record<string, Record<string, string>>)[kind] ?? {};

let engine: EngineAdapter | undefined;
let unavailable: string | undefined;
try {
  engine = await createEngine(kind);
} catch (error) {
  if (!(error instanceof EngineNotAvailableError)) throw error;
  unavailable = error.message;
}

afterAll(async () => {
  await engine?.close();
});

describe(`conformance on the ${kind} engine`, () => {
  if (!engine) {
    test.skip(`skipped — ${unavailable}`, () => {});
    return;
  }
  const active = engine;
  const timeout = kind === 'zeebe' ? 180_000 : 60_000;

  for (const file of files) {
    const reason = known[file];
    const run = async () => {
      const { scenario, read } = await loadScenarioFile(`${root}${file}`);
      const result = await runScenario(active, scenario, read, { cleanup: true });
      if (!result.passed) throw new Error(`${scenario.name}: ${result.message}`);
    };
    if (reason) test.fails(`${file} (known failure: ${reason})`, run, timeout);
    else test(file, run, timeout);
  }

  test('every known failure names a scenario that exists', () => {
    const missing = Object.keys(known).filter((file) => !files.includes(file));
    if (missing.length) throw new Error(`known-failures.json lists missing scenarios: ${missing.join(', ')}`);
  });
});
