/** Public entry point of @konstruktor/examples (built by its own issue). */
export * from '../sandboxes/pki/index.js';
export * from '../sandboxes/bank/index.js';
export * from '../sandboxes/registers/index.js';
export { startSandboxes, type Sandboxes, type SandboxOptions } from '../sandboxes/index.js';
export * from '../sandboxes/mobile-signature/index.js';
