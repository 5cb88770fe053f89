/** The embedded engine as a service that speaks the Camunda 8 REST API (v2). */
export { startEngineService, API_VERSION, type EngineService } from './server.js';
export { engineServiceConfigFromEnv, ConfigError, type EngineServiceConfig } from './config.js';
