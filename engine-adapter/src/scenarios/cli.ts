/**
 * npm run scenarios -- --engine <embedded|zeebe> <file-or-folder>...
 *
 * Runs every *.yaml scenario under the given paths, each in a fresh deployment namespace on
 * one engine, prints one line per scenario and, last, `N passed, N failed` alone on a line.
 * Exit status 0 only when all pass.
 */
import { relative } from 'node:path';
import type { EngineAdapter } from '../contract.js';
import { createEngine, ENGINE_KINDS, type EngineKind } from '../engines.js';
import { findScenarioFiles, loadScenarioFile } from './load.js';
import { runScenario, type RunOptions } from './runner.js';

const USAGE = 'usage: npm run scenarios -- --engine <embedded|zeebe> [--timeout <ms>] <file-or-folder>...';
const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

interface Arguments { engine: EngineKind; paths: string[]; options: RunOptions }

function parseArguments(argv: string[]): Arguments {
  let engine: string | undefined;
  const paths: string[] = [];
  const options: RunOptions = { cleanup: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === '--engine') engine = value();
    else if (arg.startsWith('--engine=')) engine = arg.slice('--engine='.length);
    else if (arg === '--timeout') options.expectTimeoutMs = options.stepTimeoutMs = Number(value());
    else if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else paths.push(arg);
  }
  engine ??= process.env.ENGINE ?? 'embedded';
  if (!ENGINE_KINDS.includes(engine as EngineKind)) throw new Error(`--engine must be ${ENGINE_KINDS.join(' or ')}, not '${engine}'\n${USAGE}`);
  if (!Number.isFinite(options.expectTimeoutMs ?? 0)) throw new Error(`--timeout must be milliseconds\n${USAGE}`);
  if (!paths.length) throw new Error(`no scenario files or folders given\n${USAGE}`);
  return { engine: engine as EngineKind, paths, options };
}

async function main(argv: string[]): Promise<number> {
  let args: Arguments;
  try {
    args = parseArguments(argv);
  } catch (error) {
    err((error as Error).message);
    return 2;
  }
  let files: string[];
  try {
    files = await findScenarioFiles(args.paths);
  } catch (error) {
    err((error as Error).message);
    out('0 passed, 1 failed');
    return 1;
  }
  if (!files.length) {
    err(`no *.yaml scenarios under ${args.paths.join(', ')}`);
    out('0 passed, 0 failed');
    return 1;
  }

  let engine: EngineAdapter;
  try {
    engine = await createEngine(args.engine);
  } catch (error) {
    err(`cannot start the ${args.engine} engine: ${(error as Error).message}`);
    out(`0 passed, ${files.length} failed`);
    return 1;
  }

  let passed = 0;
  let failed = 0;
  try {
    for (const file of files) {
      const shown = relative(process.cwd(), file) || file;
      try {
        const { scenario, read } = await loadScenarioFile(file);
        const result = await runScenario(engine, scenario, read, args.options);
        const took = `${(result.durationMs / 1000).toFixed(1)} s`;
        if (result.passed) {
          passed++;
          out(`pass  ${shown} — ${scenario.name} (${took})`);
        } else {
          failed++;
          out(`FAIL  ${shown} — ${scenario.name}: ${result.message} (${took})`);
        }
      } catch (error) {
        failed++;
        out(`FAIL  ${shown} — ${(error as Error).message.replace(/\s*\n\s*/g, ' ')}`);
      }
    }
  } finally {
    await engine.close().catch((error: Error) => err(`closing the engine: ${error.message}`));
  }
  out(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

// Exit explicitly: client libraries may keep sockets or timers alive after close().
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
