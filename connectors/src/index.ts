/** Public entry point of @konstruktor/connectors. */
export * from './sdk/index.js';
export { builtinConnectors } from './builtins.js';
export * from './http/index.js';
export * from './notifications/index.js';
export * from './registers/index.js';
export * from './signing/index.js';
export * from './payments/index.js';
export * from './documents/index.js';
export { connectorCommands, runCommandLine } from './cli/commands.js';
export type { CliCommand, ConnectorCommandOptions, SigningFallback } from './cli/commands.js';
