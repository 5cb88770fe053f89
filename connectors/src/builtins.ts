/**
 * Every built-in connector, in palette order. Each area appends its definitions here
 * (one import and one spread per area); the runtime and the standalone worker run this list.
 */
import type { AnyConnector } from './sdk/index.js';
import { httpConnector } from './http/index.js';
import { notificationConnectors } from './notifications/index.js';
import { registerConnectors } from './registers/index.js';
import { paymentConnectors } from './payments/index.js';
import { documentConnectors } from './documents/index.js';
import { signingConnectors } from './signing/connectors.js';

export const builtinConnectors: AnyConnector[] = [
  httpConnector,
  ...notificationConnectors,
  ...registerConnectors,
  ...paymentConnectors,
  ...documentConnectors,
  ...signingConnectors,
];
