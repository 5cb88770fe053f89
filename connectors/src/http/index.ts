/** The HTTP/REST connector. */
export { httpConnector, mappedErrorCode, type HttpInput, type HttpOutput } from './http-connector.js';
