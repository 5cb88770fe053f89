/** A tiny loopback HTTP server for the binary PKI protocols (OCSP, RFC 3161). */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export type BinaryHandler = (request: { method: string; path: string; body: Uint8Array }) => Promise<{ status: number; type: string; body: Uint8Array | string }>;

const MAX_BODY = 64 * 1024;

async function readBody(request: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

export async function listen(handler: BinaryHandler, options: { port?: number; path: string }): Promise<RunningServer> {
  const server = createServer((request, response) => {
    readBody(request)
      .then((body) => handler({ method: request.method ?? 'GET', path: request.url ?? '/', body }))
      .then((answer) => {
        response.writeHead(answer.status, { 'content-type': answer.type });
        response.end(answer.body);
      })
      .catch((error: Error) => {
        response.writeHead(400, { 'content-type': 'text/plain' });
        response.end(error.message);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${options.path}`,
    port,
    server,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
