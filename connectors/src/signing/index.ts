/** E-signing: RemoteSigner, CMS/PAdES, ASiC-E/XAdES, timestamps, OCSP and verification. */
export * from './webcrypto.js';
export * from './remote-signer.js';
export * from './cms.js';
export * from './chain.js';
export * from './ocsp.js';
export * from './tsp.js';
export * from './report.js';
export * from './trust.js';
export * from './pades.js';
export * from './verify-pdf.js';
export * from './xades.js';
export * from './asice.js';
export * from './verify-asice.js';
export * from './mobile-signer.js';
export * from './verify.js';
export * from './settings.js';
export * from './connectors.js';
