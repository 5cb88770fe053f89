/** The connector SDK: the contract, defineConnector, the worker and element templates. */
export * from './contract.js';
export { defineConnector, ConnectorDefinitionError } from './define-connector.js';
export { runConnectors, idempotencyKeyOf, retryBackOff, durationMs, type AnyConnector, type RunConnectorsOptions, type ConnectorWorkerHandle } from './worker.js';
export { redactingLogger, defaultLogger } from './logger.js';
export { createRedactor, isSecretFieldName, REDACTED } from './redact.js';
export { secretsFromEnv, lookupSecret, type SecretSource } from './secrets.js';
export { validateInput } from './validate.js';
export { elementTemplate, ELEMENT_TEMPLATE_SCHEMA, type ElementTemplate, type TemplateProperty } from './element-template.js';
export { localized, propertySchema, propertyTitle, schemaText, type Locale } from './schema-text.js';
export { serviceTaskBpmn, memoryPlatformServices, waitFor, type ServiceTaskProcessOptions } from './testing.js';
