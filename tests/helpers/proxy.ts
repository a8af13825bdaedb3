/**
 * A TCP proxy on 127.0.0.1 in front of the hub (browser → proxy → hub), so a test can make the network go
 * quiet (hold), come back (release) or break (cut) under pages that do not know it is there.
 */
import { createServer, connect, type Socket } from 'node:net';

export interface Proxy {
  /** `http://127.0.0.1:PORT`: open pages here; their origin is the proxy's, which the hub takes as its own. */
  url: string;
  port: number;
  /** Connections accepted so far (a reconnecting page opens new ones). */
  readonly accepted: number;
  /**
   * A network that went quiet: nothing is forwarded either way, not even a close; bytes are kept in order.
   * New connections are still accepted (and opened to the hub) but forward nothing either.
   */
  hold(): void;
  /** Forwards what was held, in order (a close last), and goes on forwarding. */
  release(): void;
  /** Destroys every connection now, both sides, like a pulled cable; new ones are accepted as usual. */
  cut(): void;
  close(): Promise<void>;
}

/** What one side sent: bytes, its FIN (`end`), or its connection breaking (`reset`). */
type Item = Buffer | 'end' | 'reset';

/** One direction of one connection: forwards, or queues while held. */
class Pipe {
  private queue: Item[] = [];
  private ended = false;
  constructor(
    private readonly from: Socket,
    private readonly to: Socket,
    private readonly held: () => boolean,
  ) {
    from.on('data', (chunk: Buffer) => this.push(chunk));
    // A FIN or a reset is a packet like any other: it waits while the network is quiet.
    from.on('end', () => {
      this.ended = true;
      this.push('end');
    });
    from.on('close', () => {
      if (!this.ended) this.push('reset');
    });
  }

  private push(item: Item): void {
    if (this.held() || this.queue.length > 0) this.queue.push(item);
    else this.deliver(item);
  }

  private deliver(item: Item): void {
    if (this.to.destroyed) return;
    if (item === 'end') this.to.end();
    else if (item === 'reset') this.to.destroy();
    else this.to.write(item);
  }

  flush(): void {
    for (const item of this.queue.splice(0)) this.deliver(item);
  }
}

export async function startProxy(target: { host?: string; port: number }): Promise<Proxy> {
  let held = false;
  let accepted = 0;
  const sockets = new Set<Socket>();
  /** Every pipe ever opened (a test opens a few dozen): a closed one's queue is empty after a flush. */
  const pipes: Pipe[] = [];
  const isHeld = () => held;

  const track = (s: Socket) => {
    sockets.add(s);
    s.on('error', () => s.destroy());
    s.on('close', () => sockets.delete(s));
  };

  const server = createServer({ allowHalfOpen: true }, (client) => {
    accepted++;
    const upstream = connect({ host: target.host ?? '127.0.0.1', port: target.port, allowHalfOpen: true });
    track(client);
    track(upstream);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    pipes.push(new Pipe(client, upstream, isHeld), new Pipe(upstream, client, isHeld));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no TCP address');
  const port = address.port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get accepted() {
      return accepted;
    },
    hold() {
      held = true;
    },
    release() {
      held = false;
      for (const p of pipes) p.flush();
    },
    cut() {
      for (const s of [...sockets]) s.destroy();
    },
    async close() {
      for (const s of [...sockets]) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
