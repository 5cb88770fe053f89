/** Public entry point of @konstruktor/examples: the sandboxes and where the example service packages are. */
export * from '../sandboxes/pki/index.js';
export * from '../sandboxes/bank/index.js';
export * from '../sandboxes/registers/index.js';
export { startSandboxes, type Sandboxes, type SandboxOptions } from '../sandboxes/index.js';
export * from '../sandboxes/mobile-signature/index.js';
export * from '../sandboxes/eid-gateway/index.js';
export { EXAMPLE_SERVICES_DIR, exampleServiceDir } from './services.js';
