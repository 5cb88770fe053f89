/** Public entry point of @konstruktor/runtime. */
export { loadConfig, ConfigError, type RuntimeConfig, type OidcConfig } from './config.js';
export { startRuntime, createLogger, type Runtime } from './runtime.js';
export { openDatabase, type Database } from './db/database.js';
export { createApp, createServices, openApiDocument } from './app.js';
export type { Services } from './services.js';
export { seedDemo, demoPassword, importExamplePackages, DEMO_USERS, DEMO_AGENCIES } from './demo/seed.js';
export type { ApplicationProcessing } from './applications/applications.js';
export type { TaskKind } from './tasks/task-kind.js';
export type { ReadinessCheck } from './health/health-router.js';
export { startConnectorWorker, WorkerConfigError } from './connectors/standalone.js';
