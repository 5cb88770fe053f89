/**
 * The X-Road side of a sandbox register: one provider subsystem behind its own loopback
 * "security server". It speaks the REST protocol r1 (service id in the path, X-Road-Client,
 * X-Road-Id echoed, X-Road-UserId required, X-Road-Request-Hash on answers, X-Road-Error for
 * faults of the X-Road layer), requires a client certificate from the test CA whose serial
 * number is the calling member's code, keeps a request log, and can be switched "down".
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { formatClientId, parseClientId, XROAD_HEADERS, XROAD_PROTOCOL_VERSION, type XRoadClientId } from '@konstruktor/connectors';

/** What a service handler sees of one request (the X-Road layer has checked it). */
export interface XRoadServiceRequest {
  /** Path segments after the service code, decoded. */
  segments: string[];
  query: URLSearchParams;
  client: string;
  userId: string;
  xRoadId: string;
  issue?: string;
}

export interface XRoadServiceAnswer {
  status: number;
  body: unknown;
}

export type XRoadService = (request: XRoadServiceRequest) => XRoadServiceAnswer;

export interface XRoadServerOptions {
  /** The provider subsystem, `INSTANCE/CLASS/MEMBER/SUBSYSTEM`. */
  provider: string;
  /** Consumer subsystems granted access (the security server's access rights). */
  allowedClients: string[];
  services: Record<string, XRoadService>;
  /** Mutual TLS: server certificate chain, its key and the CA clients' certificates must chain to. Plain HTTP without it. */
  tls?: { cert: string; key: string; ca: string };
  host?: string;
  port?: number;
}

/** One line of the register's request log (no response data). */
export interface XRoadLogEntry {
  at: string;
  method: string;
  serviceCode: string | null;
  /** Path after the service code (the subject's code), as the register's own log keeps it. */
  subject: string | null;
  client: string | null;
  userId: string | null;
  xRoadId: string | null;
  issue: string | null;
  purpose: string | null;
  status: number;
  fault: string | null;
}

/** `refuse`: connections are refused; `unavailable`: the security server answers 503. */
export type DownMode = 'refuse' | 'unavailable';

export interface XRoadServer {
  /** The provider subsystem's address: `https://127.0.0.1:PORT/r1/INSTANCE/CLASS/MEMBER/SUBSYSTEM`. */
  subsystemUrl: string;
  port: number;
  readonly log: readonly XRoadLogEntry[];
  down(mode?: DownMode): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

/**
 * This sandbox's X-Road-Request-Hash: base64 SHA-512 over the request line and the message id
 * (a real security server hashes the request message it signed, in its own format).
 */
export function requestHash(request: { method: string; path: string; xRoadId: string }): string {
  return createHash('sha512').update(`${request.method.toUpperCase()} ${request.path}\n${request.xRoadId}\n`).digest('base64');
}

/** The log keeps the latest entries only, so a long `npm start` session does not grow without bound. */
const LOG_LIMIT = 5_000;

class Fault extends Error {
  constructor(readonly status: number, readonly type: string, message: string) {
    super(message);
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export async function startXRoadServer(options: XRoadServerOptions): Promise<XRoadServer> {
  parseClientId(options.provider); // a wrong provider id fails at start, not per request
  const prefix = ['', XROAD_PROTOCOL_VERSION, ...options.provider.split('/').map(encodeURIComponent)].join('/');
  const allowed = new Set(options.allowedClients);
  const host = options.host ?? '127.0.0.1';
  const log: XRoadLogEntry[] = [];
  let mode: DownMode | null = null;

  function authorize(request: IncomingMessage): { client: string; clientId: XRoadClientId } {
    const client = header(request, XROAD_HEADERS.client);
    if (!client) throw new Fault(400, 'Client.InvalidRequest.MissingClient', 'X-Road-Client header is required');
    let clientId: XRoadClientId;
    try {
      clientId = parseClientId(client);
    } catch (error) {
      throw new Fault(400, 'Client.InvalidRequest.InvalidClientId', (error as Error).message);
    }
    if (options.tls) {
      // The TLS layer already refused clients without a certificate from the CA; the certificate must also be the calling member's.
      const certificate = (request.socket as TLSSocket).getPeerCertificate();
      const memberCode = (certificate.subject as unknown as Record<string, string | undefined> | undefined)?.serialNumber;
      if (memberCode !== clientId.memberCode) {
        throw new Fault(403, 'Server.ServerProxy.AccessDenied', `the client certificate does not belong to member ${clientId.memberCode}`);
      }
    }
    if (!allowed.has(formatClientId(clientId))) throw new Fault(403, 'Server.ServerProxy.AccessDenied', `${client} has no access rights to ${options.provider}`);
    return { client, clientId };
  }

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://sandbox');
    const xRoadId = header(request, XROAD_HEADERS.id) ?? randomUUID();
    const entry: XRoadLogEntry = {
      at: new Date().toISOString(), method: request.method ?? 'GET', serviceCode: null, subject: null,
      client: header(request, XROAD_HEADERS.client) ?? null, userId: header(request, XROAD_HEADERS.userId) ?? null,
      xRoadId, issue: header(request, XROAD_HEADERS.issue) ?? null, purpose: url.searchParams.get('purpose'), status: 0, fault: null,
    };
    const answer = ({ status, body }: XRoadServiceAnswer, fault?: string) => {
      entry.status = status;
      entry.fault = fault ?? null;
      if (log.push(entry) > LOG_LIMIT) log.shift();
      const headers: Record<string, string> = {
        'content-type': status >= 400 && !fault ? 'application/problem+json' : 'application/json',
        [XROAD_HEADERS.id]: xRoadId,
        [XROAD_HEADERS.requestId]: randomUUID(),
        [XROAD_HEADERS.requestHash]: requestHash({ method: entry.method, path: `${url.pathname}${url.search}`, xRoadId }),
      };
      if (entry.client) headers[XROAD_HEADERS.client] = entry.client;
      if (entry.serviceCode) headers[XROAD_HEADERS.service] = `${options.provider}/${entry.serviceCode}`;
      if (fault) headers[XROAD_HEADERS.error] = fault;
      response.writeHead(status, headers).end(JSON.stringify(body));
    };
    try {
      if (mode === 'unavailable') throw new Fault(503, 'Server.ServerProxy.ServiceFailed', `${options.provider} is not available`);
      if (request.method !== 'GET') throw new Fault(405, 'Client.InvalidRequest.MethodNotAllowed', 'the register services are read with GET');
      if (!url.pathname.startsWith(`${prefix}/`)) throw new Fault(404, 'Server.ServerProxy.UnknownService', `no such provider subsystem here; this is ${options.provider}`);
      const [serviceCode = '', ...segments] = url.pathname.slice(prefix.length + 1).split('/').map(decodeURIComponent);
      entry.serviceCode = serviceCode;
      entry.subject = segments.join('/') || null;
      const service = options.services[serviceCode];
      if (!service) throw new Fault(404, 'Server.ServerProxy.UnknownService', `${options.provider} has no service ${JSON.stringify(serviceCode)}`);
      const { client } = authorize(request);
      const userId = entry.userId;
      if (!userId) return answer(problem(400, 'X-Road-UserId header is required: the end user the request is made for'));
      if (!entry.purpose?.trim()) return answer(problem(400, 'purpose query parameter is required: why the data is requested'));
      answer(service({ segments, query: url.searchParams, client, userId, xRoadId, issue: entry.issue ?? undefined }));
    } catch (error) {
      if (error instanceof Fault) answer({ status: error.status, body: { type: error.type, message: error.message } }, error.type);
      else if (error instanceof URIError) answer({ status: 400, body: { type: 'Client.InvalidRequest.MalformedPath', message: 'the path is not valid percent-encoding' } }, 'Client.InvalidRequest.MalformedPath');
      else answer({ status: 500, body: { type: 'Server.ServerProxy.InternalError', message: (error as Error).message } }, 'Server.ServerProxy.InternalError');
    }
  }

  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key, ca: options.tls.ca, requestCert: true, rejectUnauthorized: true }, handle)
    : createHttpServer(handle);
  const listen = (port: number) => new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
  const port = await listen(options.port ?? 0);
  const stop = () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

  return {
    subsystemUrl: `${options.tls ? 'https' : 'http'}://${host}:${port}${prefix}`,
    port,
    log,
    async down(downMode = 'refuse') {
      if (downMode === 'refuse' && server.listening) await stop();
      if (downMode === 'unavailable' && !server.listening) await listen(port);
      mode = downMode;
    },
    async up() {
      if (!server.listening) await listen(port);
      mode = null;
    },
    async close() {
      if (server.listening) await stop();
    },
  };
}

/** What a sandbox register is started with: everything of the X-Road layer but its services. */
export type RegisterServerOptions = Omit<XRoadServerOptions, 'services' | 'provider'> & { provider?: string };

/** An RFC 9457 problem answer from the provider's service (not an X-Road fault). */
export function problem(status: number, detail: string): XRoadServiceAnswer {
  const titles: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found' };
  return { status, body: { type: 'about:blank', title: titles[status] ?? 'Error', status, detail } };
}
