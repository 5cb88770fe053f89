import { createServer, type AddressInfo } from 'node:net';

/**
 * A loopback port free now, for a server whose own URL must be known before it starts (a
 * webhook or redirect URL handed to a peer). Where nothing needs the URL beforehand, listen on 0.
 */
export async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await new Promise<number>((resolve, reject) => {
    probe.once('error', reject).listen(0, '127.0.0.1', () => resolve((probe.address() as AddressInfo).port));
  });
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
