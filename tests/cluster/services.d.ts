// Types of services.js for the TypeScript tests that share its starters.
export interface RedisServer {
  port: number;
  url: string;
  /** Starts the server (again) on its port. */
  start(): Promise<void>;
  /** `redis-cli shutdown nosave`, then waits until the server is gone: an outage. */
  shutdown(): Promise<void>;
  /** Kills the server at once. */
  stop(): Promise<void>;
  killSync(): void;
}
export function freePort(): Promise<number>;
export function startRedis(dir: string): Promise<RedisServer>;
export interface Nginx {
  port: number;
  /** Its error log. */
  log: string;
  stop(): Promise<void>;
  killSync(): void;
}
/** Debian's nginx with a configuration of its own under `dir`, round-robin over `upstreamPorts`. */
export function startNginx(dir: string, upstreamPorts: number[]): Promise<Nginx>;
