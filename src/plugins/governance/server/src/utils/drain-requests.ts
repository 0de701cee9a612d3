import type { Core } from '@strapi/strapi';
import net from 'net';

/** How long requests in flight may take to finish at shutdown when the server config says nothing. */
const DEFAULT_GRACE_SECONDS = 10;

/**
 * Stops taking connections and lets the requests in flight finish, for up to the server's
 * `shutdownGraceSeconds`. Strapi's own shutdown runs the plugins' destroy first and closes the
 * HTTP server only afterwards, destroying every open connection: requests in flight were cut off,
 * and a visit answered after our flush was lost. Called first in the plugin's destroy, so that
 * what the last requests counted is written after them.
 */
const openConnections = (server: net.Server) =>
  new Promise<number>((resolve) =>
    server.getConnections((error, count) => resolve(error ? 0 : count))
  );

export const drainRequests = async (strapi: Core.Strapi) => {
  const server = strapi.server?.httpServer;
  if (!server?.listening) return;
  const graceSeconds = strapi.config.get<number>(
    'server.shutdownGraceSeconds',
    DEFAULT_GRACE_SECONDS
  );
  // Every connection still open ends after its current response.
  server.prependListener('request', (_request, response) =>
    response.setHeader('Connection', 'close')
  );
  // Closing the listening socket resets the connections the kernel has queued on it and the
  // server has not accepted yet (many while it is busy): a reverse proxy answers 502 for those
  // POSTs rather than trying another instance. So the listener stays open until a moment with no
  // connection open (every queued one accepted and served), for at most a second.
  const quietBy = Date.now() + Math.min(1000, graceSeconds * 1000);
  while (Date.now() < quietBy && (await openConnections(server)) > 0)
    await new Promise((resolve) => setTimeout(resolve, 5));
  // Then the listening socket only. http.Server#close would also drop every connection with no request
  // under way, among them those just accepted whose request is not read yet: a reverse proxy sees
  // them reset and, for a POST, answers 502 rather than trying another instance. An idle
  // keep-alive connection ends at the server's keep-alive timeout (5 s) if it sends nothing more.
  const closed = new Promise<void>((resolve) =>
    net.Server.prototype.close.call(server, () => resolve())
  );
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<'grace over'>(
    (resolve) => (timer = setTimeout(() => resolve('grace over'), graceSeconds * 1000))
  );
  const started = Date.now();
  const outcome = await Promise.race([closed, graceOver]);
  clearTimeout(timer);
  if (outcome === 'grace over') {
    strapi.log.warn(
      `governance: requests still running after ${graceSeconds} s of shutdown are cut off`
    );
    server.closeAllConnections();
  } else {
    strapi.log.info(
      `governance: requests in flight finished in ${Date.now() - started} ms; shutting down`
    );
  }
};
