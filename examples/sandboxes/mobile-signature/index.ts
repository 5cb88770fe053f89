/** Sandbox mobile-signature service (Smart-ID / Mobile-ID style) on loopback. */
export * from './service.js';
