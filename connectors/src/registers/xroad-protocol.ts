/**
 * The X-Road message protocol for REST (PR-REST, protocol version r1) as Konstruktor speaks it
 * with state registers: identifiers and the reserved headers. The connectors' client and the
 * sandbox registers both use this module, so the two sides cannot drift apart.
 */

export const XROAD_PROTOCOL_VERSION = 'r1';

export const XROAD_HEADERS = {
  /** The consumer subsystem: `INSTANCE/CLASS/MEMBER/SUBSYSTEM`. */
  client: 'x-road-client',
  /** The provider's service, echoed on the response: `INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE`. */
  service: 'x-road-service',
  /** Unique id of one message exchange; the response echoes it. */
  id: 'x-road-id',
  /** The end user the consumer acts for, prefixed with his country: `LT39001010000`. */
  userId: 'x-road-userid',
  /** The case the request belongs to (Konstruktor sends the application or process instance). */
  issue: 'x-road-issue',
  /**
   * On responses: the provider security server's base64 hash of the request message it signed.
   * Its input is the server's own message format, so a consumer keeps it (in the audit trail, to
   * match the provider's message log) rather than recomputing it.
   */
  requestHash: 'x-road-request-hash',
  /** On responses: the security server's id of this request. */
  requestId: 'x-road-request-id',
  /** On responses from the X-Road layer itself (not the provider's business answer): the fault code. */
  error: 'x-road-error',
} as const;

export interface XRoadClientId {
  instance: string;
  memberClass: string;
  memberCode: string;
  subsystemCode: string;
}

export interface XRoadServiceId extends XRoadClientId {
  serviceCode: string;
}

/** Identifier parts may not contain these (PR-REST 4.8, identifier character restrictions). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
const FORBIDDEN = /[/\\:;%\u0000-\u001f\u007f]/;

function parts(value: string, count: number, what: string): string[] {
  const split = value.split('/');
  if (split.length !== count || split.some((part) => !part || FORBIDDEN.test(part))) {
    throw new Error(`${what} must have ${count} non-empty parts separated by "/" (got ${JSON.stringify(value)})`);
  }
  return split;
}

/** Parses `INSTANCE/CLASS/MEMBER/SUBSYSTEM`; the error names the expected shape. */
export function parseClientId(value: string): XRoadClientId {
  const [instance, memberClass, memberCode, subsystemCode] = parts(value, 4, 'X-Road client id') as [string, string, string, string];
  return { instance, memberClass, memberCode, subsystemCode };
}

/** Parses `INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE`. */
export function parseServiceId(value: string): XRoadServiceId {
  const [instance, memberClass, memberCode, subsystemCode, serviceCode] = parts(value, 5, 'X-Road service id') as [string, string, string, string, string];
  return { instance, memberClass, memberCode, subsystemCode, serviceCode };
}

export function formatClientId(id: XRoadClientId): string {
  return [id.instance, id.memberClass, id.memberCode, id.subsystemCode].join('/');
}

export function formatServiceId(id: XRoadServiceId): string {
  return `${formatClientId(id)}/${id.serviceCode}`;
}

/** `/r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM/SERVICE`, each part percent-encoded. */
export function servicePath(id: XRoadServiceId): string {
  return `/${XROAD_PROTOCOL_VERSION}/${formatServiceId(id).split('/').map(encodeURIComponent).join('/')}`;
}

/** Body of an X-Road layer fault (the X-Road-Error header carries `type`). */
export interface XRoadFault {
  type: string;
  message: string;
  detail?: string;
}
