/** Sandbox eID gateway (OpenID Connect provider) on loopback, for logging in as a demo person. */
export { startEidGateway, type EidGatewayOptions, type SandboxEidGateway } from './gateway.js';
