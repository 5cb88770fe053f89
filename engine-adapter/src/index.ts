/** Public entry point of @konstruktor/engine-adapter. */
export * from './contract.js';
export { createEmbeddedEngine, EmbeddedEngine, EngineClock, type EmbeddedEngineOptions } from './embedded/index.js';
