/**
 * The package's connectors. The runtime (and `npm run connectors -- worker`) load them when
 * this module is listed in CONNECTOR_MODULES; they must be exported as `connectors`.
 */
import { parkingPermitConnector } from './parking-permit.js';

export { parkingPermitConnector };
export const connectors = [parkingPermitConnector];
