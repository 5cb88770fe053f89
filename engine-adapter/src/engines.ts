/**
 * Choosing an engine by name. The implementations are loaded on demand, so a program that
 * uses one engine never loads the other (nor its client libraries).
 */
import type { EngineAdapter } from './contract.js';

export type EngineKind = 'embedded' | 'zeebe';
export const ENGINE_KINDS: readonly EngineKind[] = ['embedded', 'zeebe'];

/** The engine's module is not there (yet): the caller may skip rather than fail. */
export class EngineNotAvailableError extends Error {}

// Specifiers as plain strings: the type checker does not need the modules to exist.
const MODULES: Record<EngineKind, string> = { embedded: './embedded/index.js', zeebe: './zeebe/index.js' };

type Factory = () => Promise<EngineAdapter>;

/** The module's factory: `createEmbeddedEngine()` / `createZeebeEngine()`, else the Zeebe class configured from the environment. */
function factoryOf(kind: EngineKind, module: Record<string, unknown>): Factory | undefined {
  const named = module[kind === 'embedded' ? 'createEmbeddedEngine' : 'createZeebeEngine'];
  if (typeof named === 'function') return () => (named as Factory)();
  const { ZeebeEngine, zeebeOptionsFromEnv } = module as { ZeebeEngine?: new (options: unknown) => EngineAdapter; zeebeOptionsFromEnv?: () => unknown };
  if (kind === 'zeebe' && typeof ZeebeEngine === 'function' && typeof zeebeOptionsFromEnv === 'function') {
    return async () => new ZeebeEngine(zeebeOptionsFromEnv());
  }
  return undefined;
}

/**
 * An engine of the given kind, configured from the environment (the embedded engine in
 * memory unless told otherwise; Zeebe from ZEEBE_REST_ADDRESS and friends).
 * Throws EngineNotAvailableError when the engine's module does not exist.
 */
export async function createEngine(kind: EngineKind): Promise<EngineAdapter> {
  if (!ENGINE_KINDS.includes(kind)) throw new Error(`unknown engine '${String(kind)}' (expected ${ENGINE_KINDS.join(' or ')})`);
  const specifier = MODULES[kind];
  let module: Record<string, unknown>;
  try {
    module = (await import(specifier)) as Record<string, unknown>;
  } catch (error) {
    const text = String((error as Error)?.message ?? error);
    const code = (error as { code?: string })?.code;
    const missing = (code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url|Does the file exist/i.test(text)) && text.includes(`${kind}/index`);
    if (missing) throw new EngineNotAvailableError(`the ${kind} engine is not available: ${specifier} does not exist yet`);
    throw error;
  }
  const factory = factoryOf(kind, module);
  if (!factory) throw new EngineNotAvailableError(`the ${kind} engine is not available: ${specifier} exports no factory`);
  return factory();
}
