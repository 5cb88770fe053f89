/** Sandbox PKI: test CA, OCSP responder and RFC 3161 timestamping authority on loopback. */
export * from './ca.js';
export * from './ocsp-responder.js';
export * from './tsa.js';
export type { RunningServer } from './http.js';
export * from './signing-sandboxes.js';
