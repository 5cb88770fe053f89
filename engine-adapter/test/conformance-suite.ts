/**
 * The conformance suite (../conformance, spec/scenarios.md) as vitest tests on one engine: one
 * test per scenario file, each scenario in its own namespace. Scenarios listed in
 * conformance/known-failures.json under `knownAs` are expected to fail (test.fails), so fixing
 * the engine shows up as a test to update.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'vitest';
import type { EngineAdapter } from '../src/contract.js';
import { findScenarioFiles, loadScenarioFile } from '../src/scenarios/load.js';
import { runScenario } from '../src/scenarios/runner.js';

const root = fileURLToPath(new URL('../conformance/', import.meta.url));
const files = (await findScenarioFiles([root])).map((file) => relative(root, file));
const knownFailures = JSON.parse(readFileSync(`${root}known-failures.json`, 'utf8')) as Record<string, Record<string, string>>;

export function conformanceSuite(title: string, engine: () => EngineAdapter | undefined, options: { knownAs: string; timeoutMs: number; skipReason?: string }): void {
  const known = knownFailures[options.knownAs] ?? {};
  describe(title, () => {
    if (options.skipReason) {
      test.skip(`skipped — ${options.skipReason}`, () => {});
      return;
    }
    for (const file of files) {
      const reason = known[file];
      const run = async () => {
        const { scenario, read } = await loadScenarioFile(`${root}${file}`);
        const result = await runScenario(engine()!, scenario, read, { cleanup: true });
        if (!result.passed) throw new Error(`${scenario.name}: ${result.message}`);
      };
      if (reason) test.fails(`${file} (known failure: ${reason})`, run, options.timeoutMs);
      else test(file, run, options.timeoutMs);
    }

    test('every known failure names a scenario that exists', () => {
      const missing = Object.keys(known).filter((file) => !files.includes(file));
      if (missing.length) throw new Error(`known-failures.json lists missing scenarios: ${missing.join(', ')}`);
    });
  });
}
