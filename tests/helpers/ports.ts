import http from 'http';
import type { AddressInfo } from 'net';

/**
 * A port nothing listens on: one just opened and closed again (not port 1: fetch refuses the
 * ports browsers block before it connects, a failure of another kind).
 */
export const closedPort = async () => {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
};
