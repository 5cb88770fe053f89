import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A bare node:http server answering with a "My orders"-sized JSON page and nothing else. Driven
 * like the real endpoints, it shows the floor this machine (load generator, loopback, other
 * work competing for the CPUs) puts under every figure, so runtime cost can be told from noise.
 */
export async function startBaselineServer(): Promise<{ url: string; close(): Promise<void> }> {
  const now = new Date().toISOString();
  const items = Array.from({ length: 20 }, (_, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, number: String(i + 1), service: 'bench-outdoor-trading', status: 'approved', onBehalfOf: null, submittedAt: now, updatedAt: now }));
  const page = JSON.stringify({ items, total: 100, limit: 20, offset: 0 });
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(page));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
