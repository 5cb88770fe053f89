/** Public entry point of @konstruktor/engine-adapter. */
export * from './contract.js';
export { createEmbeddedEngine, EmbeddedEngine, EngineClock, type EmbeddedEngineOptions } from './embedded/index.js';
// The one FEEL evaluator, with Zeebe's semantics, for whatever else evaluates FEEL the engine's way (connectors' task headers).
export { evaluateFeel, type FeelResult } from './embedded/feel/index.js';
export { ZeebeEngine, zeebeOptionsFromEnv, type ZeebeOptions } from './zeebe/index.js';
export { createEngine, EngineNotAvailableError, ENGINE_KINDS, type EngineKind } from './engines.js';
// The scenario runner and its step format, for the runtime's package checks and designer test runs.
export { parseScenario, runScenario, ScenarioSession, ScenarioStepFailure, ScenarioFormatError, durationToMs, type Scenario, type Step, type StepKind, type ScenarioResult, type ResourceReader } from './scenarios/index.js';
// The embedded engine as a service speaking the Camunda 8 REST API (`npm run engine`).
export { startEngineService, engineServiceConfigFromEnv, type EngineService, type EngineServiceConfig } from './service/index.js';
