/** Runs a real `nats-server -js` on loopback for tests: a free port, a temporary store, stop and restart in place. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface NatsServer {
  /** nats://127.0.0.1:PORT, the same across restarts. */
  url: string;
  port: number;
  storeDir: string;
  /** nats-leaf://127.0.0.1:PORT when started with `leafNodes: true`: where leaf nodes connect. */
  leafUrl?: string;
  /** Stops the server (SIGTERM, or SIGKILL with `{ kill: true }`) and waits for it to exit. */
  stop(options?: { kill?: boolean }): Promise<void>;
  /** Starts it again on the same port with the same store. */
  restart(): Promise<void>;
  /** Stops it and removes the store. */
  dispose(): Promise<void>;
}

/** Debian puts nats-server in /usr/sbin, which a non-root PATH often lacks. */
export function natsServerBinary(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  return ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find((p) => existsSync(p));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface NatsServerOptions {
  /** JetStream domain, as head office's cluster and each store's leaf node have. */
  domain?: string;
  /** Accept leaf node connections (head office). */
  leafNodes?: boolean;
  /** Connect as a leaf node to this head office URL (a store). */
  leafRemote?: string;
}

/** The same as `nats-server -js -a 127.0.0.1 -p PORT -sd DIR`, plus what leaf nodes need a config file for. */
function writeConfig(dir: string, port: number, leafPort: number | undefined, o: NatsServerOptions): string {
  const lines = [
    `listen: "127.0.0.1:${port}"`,
    `jetstream { store_dir: "${join(dir, 'jetstream')}"${o.domain ? `, domain: "${o.domain}"` : ''} }`,
    leafPort ? `leafnodes { listen: "127.0.0.1:${leafPort}" }` : '',
    o.leafRemote ? `leafnodes { remotes [ { url: "${o.leafRemote}" } ] }` : '',
  ];
  const file = join(dir, 'nats.conf');
  writeFileSync(file, lines.join('\n'));
  return file;
}

function launch(bin: string, configFile: string): Promise<ChildProcess> {
  const child = spawn(bin, ['-c', configFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nats-server did not start:\n${out}`)), 20_000);
    child.stderr!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Server is ready')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`nats-server exited with ${code} before it was ready:\n${out}`));
    });
  });
}

function exited(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

export async function startNatsServer(options: NatsServerOptions = {}): Promise<NatsServer> {
  const bin = natsServerBinary();
  if (!bin) throw new Error('nats-server is not installed: apt-get install -y nats-server');
  const storeDir = mkdtempSync(join(tmpdir(), 'selfserve-nats-'));
  const port = await freePort();
  const leafPort = options.leafNodes ? await freePort() : undefined;
  const configFile = writeConfig(storeDir, port, leafPort, options);
  let child: ChildProcess | undefined = await launch(bin, configFile);
  const stop = async (options: { kill?: boolean } = {}) => {
    if (child) await exited(child, options.kill ? 'SIGKILL' : 'SIGTERM');
    child = undefined;
  };
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    leafUrl: leafPort ? `nats-leaf://127.0.0.1:${leafPort}` : undefined,
    stop,
    restart: async () => {
      await stop();
      child = await launch(bin, configFile);
    },
    dispose: async () => {
      await stop();
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
}
