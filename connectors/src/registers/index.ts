/** State registers over the X-Road REST protocol: the client, its settings and the four connectors. */
import { companyLookup, representationCheck } from './legal-entities.js';
import { familyRelations, personLookup } from './population.js';

export * from './xroad-protocol.js';
export { xroadCall, checkSettings, subsystemIdOf, XRoadTransportError, type XRoadClientSettings, type XRoadCall, type XRoadAnswer } from './xroad-client.js';
export { REGISTER_SECRETS, registerSecretNames, registerSettings, type RegisterKind } from './settings.js';
export { queryRegister, userIdOf, type RegisterQuery } from './query.js';
export { personLookup, familyRelations, companyLookup, representationCheck };

/** In palette order. */
export const registerConnectors = [personLookup, familyRelations, companyLookup, representationCheck];
