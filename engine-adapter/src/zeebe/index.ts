/** The Zeebe backend of the EngineAdapter. */
export { ZeebeEngine } from './zeebe-engine.js';
export { zeebeOptionsFromEnv, type ZeebeOptions } from './options.js';
