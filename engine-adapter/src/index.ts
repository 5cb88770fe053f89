/** Public entry point of @konstruktor/engine-adapter. */
export * from './contract.js';
export { createEmbeddedEngine, EmbeddedEngine, EngineClock, type EmbeddedEngineOptions } from './embedded/index.js';
export { ZeebeEngine, zeebeOptionsFromEnv, type ZeebeOptions } from './zeebe/index.js';
export { createEngine, EngineNotAvailableError, ENGINE_KINDS, type EngineKind } from './engines.js';
