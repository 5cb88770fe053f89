/** The scenario runner (spec/scenarios.md): load, check and run scenarios against an EngineAdapter. */
export { parseScenario, loadScenarioFile, findScenarioFiles, ScenarioFormatError } from './load.js';
export { runScenario, ScenarioSession, ScenarioStepFailure, type RunOptions } from './runner.js';
export { Namespace } from './namespace.js';
export { durationToMs } from './duration.js';
export type { Scenario, Step, StepKind, Expectation, ScenarioResult, ResourceReader, Rejection } from './types.js';
