import path from 'node:path';
import { createEmbeddedEngine, ZeebeEngine, zeebeOptionsFromEnv, type EngineAdapter } from '@konstruktor/engine-adapter';
import type { RuntimeConfig } from '../config.js';
import type { ReadinessCheck } from '../health/health-router.js';

/**
 * The workflow engine the runtime uses: embedded (its own PGlite under DATA_DIR/engine, or the
 * DATABASE_URL server) or a Zeebe cluster configured by the ZEEBE_* variables.
 */
export async function openEngine(config: Pick<RuntimeConfig, 'engine' | 'databaseUrl' | 'dataDir'>): Promise<EngineAdapter> {
  if (config.engine === 'zeebe') return new ZeebeEngine(zeebeOptionsFromEnv());
  if (config.databaseUrl) return createEmbeddedEngine({ databaseUrl: config.databaseUrl });
  return createEmbeddedEngine({ dataDir: config.dataDir === 'memory' ? 'memory' : path.join(config.dataDir, 'engine') });
}

export function engineReadiness(engine: EngineAdapter): ReadinessCheck {
  // Any history query answers only when the engine (and, for Zeebe, its history) is reachable.
  return { name: `engine (${engine.name})`, check: async () => { await engine.instance('1'); } };
}
