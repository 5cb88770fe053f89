/** Public entry point of @konstruktor/engine-adapter. */
export * from './contract.js';
