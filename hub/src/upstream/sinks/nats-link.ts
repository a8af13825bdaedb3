/** One NATS connection kept up for the hub: the first connect is retried for ever, the client reconnects after that. */
import { readFileSync } from 'node:fs';
import { connect, credsAuthenticator, type NatsConnection, type NodeConnectionOptions } from '@nats-io/transport-node';
import type { Logger } from '../../log.js';

/** Where the NATS server is and how to sign in: user and password, a token, or a .creds file. */
export interface NatsServerOptions {
  servers: string | string[];
  user?: string;
  pass?: string;
  token?: string;
  /** A .creds file (user JWT and NKey seed) as `nsc` writes it. */
  credsFile?: string;
  /** How the connection is named in the server's monitoring. */
  name?: string;
  /** Pause between connection attempts; default 1 s. */
  reconnectWaitMs?: number;
}

export type NatsLog = Pick<Logger, 'info' | 'warn' | 'error'>;

export interface NatsLink {
  /** The connection while it is up; otherwise waits up to `ms` for it, then rejects. */
  connection(ms: number): Promise<NatsConnection>;
  close(): Promise<void>;
}

function connectOptions(o: NatsServerOptions): NodeConnectionOptions {
  return {
    servers: o.servers,
    name: o.name ?? 'selfserve-hub',
    user: o.user,
    pass: o.pass,
    token: o.token,
    authenticator: o.credsFile ? credsAuthenticator(readFileSync(o.credsFile)) : undefined,
    reconnect: true,
    maxReconnectAttempts: -1,
    reconnectTimeWait: o.reconnectWaitMs ?? 1000,
    // One connection attempt to a silent address gives up after 5 s (not 20), which also bounds close().
    timeout: 5000,
    // A link that dies without a reset (a cut WAN cable) is noticed within a minute, not the default four.
    pingInterval: 20_000,
    maxPingOut: 3,
  };
}

/** Resolves when `p` settles or after `ms`, whichever is first, leaving no timer behind. */
function waitAtMost(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms))));
  return Promise.race([p.then(() => undefined), timeout]).finally(() => clearTimeout(timer));
}

export function openNatsLink(options: NatsServerOptions, log: NatsLog): NatsLink {
  let nc: NatsConnection | undefined;
  let up = false;
  let closing = false;
  // Settles whenever `up`, `nc` or `closing` changes, so waiters look again.
  let wake!: () => void;
  let changed = new Promise<void>((resolve) => (wake = resolve));
  const signal = () => {
    const w = wake;
    changed = new Promise<void>((resolve) => (wake = resolve));
    w();
  };

  const watch = async (conn: NatsConnection) => {
    for await (const s of conn.status()) {
      if (s.type === 'disconnect') log.warn({ server: s.server }, 'nats: disconnected; reconnecting');
      else if (s.type === 'reconnect') log.info({ server: s.server }, 'nats: reconnected');
      else if (s.type === 'close') break;
      else continue;
      up = s.type === 'reconnect';
      signal();
    }
  };

  const run = async () => {
    let failures = 0;
    while (!closing) {
      try {
        const conn = await connect(connectOptions(options));
        if (closing) {
          await conn.close();
          break;
        }
        nc = conn;
        up = true;
        failures = 0;
        signal();
        log.info({ server: conn.getServer() }, 'nats: connected');
        void watch(conn);
        const err = await conn.closed();
        nc = undefined;
        up = false;
        signal();
        if (!closing) log.error({ err }, 'nats: connection closed; connecting again');
      } catch (err) {
        if (failures++ === 0) log.warn({ err, servers: options.servers }, 'nats: cannot connect; will keep trying');
      }
      if (!closing) await waitAtMost(changed, options.reconnectWaitMs ?? 1000);
    }
  };
  const running = run();

  return {
    async connection(ms) {
      const deadline = Date.now() + ms;
      while (!(up && nc)) {
        if (closing) throw new Error('nats: closed');
        if (Date.now() >= deadline) throw new Error('nats: not connected');
        await waitAtMost(changed, deadline - Date.now());
      }
      return nc;
    },
    async close() {
      closing = true;
      signal();
      const conn = nc;
      // Drain, so the server has dropped our subscriptions (a consumer's pending pulls) before we go; a
      // message it sent to a pull nobody reads would wait out the ack time. Close outright when down.
      if (conn && up) await waitAtMost(conn.drain().catch(() => undefined), 2000);
      if (conn && !conn.isClosed()) await conn.close();
      await running;
    },
  };
}
