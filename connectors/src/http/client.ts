/**
 * One HTTP(S) exchange over node:http/https — not fetch, because a client certificate and a
 * private CA (mutual TLS to an agency's server) need the TLS options of an https.Agent.
 */
import http from 'node:http';
import https from 'node:https';

export interface HttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string | Buffer;
  tls?: { cert?: string; key?: string; ca?: string };
  timeoutMs: number;
  signal?: AbortSignal;
  /** Responses larger than this are refused (the body ends up in process variables). */
  maxBodyBytes?: number;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: unknown;
}

/** Transport failures (refused, reset, timed out): retryable, code for error expressions. */
export class HttpTransportError extends Error {
  constructor(message: string, readonly code: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return null;
  const text = raw.toString('utf8');
  if (/\bjson\b/i.test(contentType ?? '')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

export function send(request: HttpRequest): Promise<HttpResponse> {
  const { url } = request;
  const transport = url.protocol === 'https:' ? https : http;
  const maxBytes = request.maxBodyBytes ?? 10 * 1024 * 1024;
  const signals = [AbortSignal.timeout(request.timeoutMs), ...(request.signal ? [request.signal] : [])];
  return new Promise((resolve, reject) => {
    const req = transport.request(url, {
      method: request.method,
      headers: request.headers,
      signal: AbortSignal.any(signals),
      ...(url.protocol === 'https:' ? { cert: request.tls?.cert, key: request.tls?.key, ca: request.tls?.ca, agent: false } : {}),
    }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          req.destroy(new HttpTransportError(`response from ${url.host} is larger than ${maxBytes} bytes`, 'RESPONSE_TOO_LARGE'));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        const headers = Object.fromEntries(Object.entries(res.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value ?? '')]));
        resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers, body: parseBody(Buffer.concat(chunks), res.headers['content-type']) });
      });
      res.on('error', reject);
    });
    req.on('error', (error: Error & { code?: string }) => {
      if (error instanceof HttpTransportError) return reject(error);
      const timedOut = error.name === 'AbortError' && signals[0]!.aborted;
      if (timedOut) return reject(new HttpTransportError(`${request.method} ${url.origin}${url.pathname}: no response within ${request.timeoutMs} ms`, 'TIMEOUT', { cause: error }));
      reject(new HttpTransportError(`${request.method} ${url.origin}${url.pathname}: ${error.message}`, error.code ?? 'NETWORK_ERROR', { cause: error }));
    });
    if (request.body !== undefined) req.write(request.body);
    req.end();
  });
}
