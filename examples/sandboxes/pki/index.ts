/** Sandbox PKI: test CA, OCSP responder and RFC 3161 timestamping authority on loopback. */
export * from './ca.js';
