/**
 * The conformance suite on the engine named by ENGINE (embedded by default; `zeebe` reaches the
 * REST API named by ZEEBE_REST_ADDRESS). When the engine's module does not exist yet, the suite
 * is skipped with a test that says so.
 */
import { afterAll } from 'vitest';
import type { EngineAdapter } from '../src/contract.js';
import { createEngine, ENGINE_KINDS, EngineNotAvailableError, type EngineKind } from '../src/engines.js';
import { conformanceSuite } from './conformance-suite.js';

const kind = (process.env.ENGINE ?? 'embedded') as EngineKind;
if (!ENGINE_KINDS.includes(kind)) throw new Error(`ENGINE must be ${ENGINE_KINDS.join(' or ')}, not '${kind}'`);

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

conformanceSuite(`conformance on the ${kind} engine`, () => engine, {
  knownAs: kind, timeoutMs: kind === 'zeebe' ? 180_000 : 60_000, ...(unavailable ? { skipReason: unavailable } : {}),
});
