/** What the TCP device simulators share: listening, closing with their open sockets, and reading --port/--host. */
import type { Server, Socket } from 'node:net';

/** Listens on `port` (0 = any free one) and resolves with the port taken. */
export async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
}

/** Closes the server, ending connections a device client left open. */
export function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  return new Promise((resolve) => {
    for (const socket of sockets) socket.destroy();
    server.close(() => resolve());
  });
}

/** `--port N --host H` of a simulator run on its own. */
export function listenArgs(args: string[], defaultPort: number): { port: number; host: string } {
  const value = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const port = Number(value('--port') ?? defaultPort);
  const host = value('--host') ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a TCP port, got ${value('--port')}`);
  return { port, host };
}
