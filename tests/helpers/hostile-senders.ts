/**
 * Hostile clients for the fault suite: each sends one input the way an attacker or a broken device
 * would, and reads the hub's answer as one word (an error code, `ok`, `closed`, `no answer`,
 * `refused: <code>`, `http <status> <code>`), so a table of cases can name what it expects.
 */
import { io } from 'socket.io-client';
import type { Client } from './hub.js';

export const ACK_TIMEOUT_MS = 2000;

/** A socket that may be sent anything, as a hostile client would. */
export type RawSocket = { timeout(ms: number): { emitWithAck(event: unknown, ...args: unknown[]): Promise<any> } };

/** Emits an event with any arguments and reads the ack's code. */
export async function ack(socket: Client, event: unknown, ...args: unknown[]): Promise<string> {
  try {
    const a = await (socket as unknown as RawSocket).timeout(ACK_TIMEOUT_MS).emitWithAck(event, ...args);
    return a?.ok === true ? 'ok' : (a?.error?.code ?? `unexpected ${JSON.stringify(a).slice(0, 80)}`);
  } catch {
    return socket.connected ? 'no answer' : 'closed';
  }
}

/** Sends a Socket.IO event frame as written (what no client library would produce) and reads its ack. */
export function rawFrame(socket: Client, id: number, json: string): Promise<string> {
  const engine = socket.io.engine;
  return new Promise((resolve) => {
    const timer = setTimeout(() => done('no answer'), ACK_TIMEOUT_MS);
    const onMessage = (m: unknown) => {
      const text = String(m);
      if (text.startsWith(`3${id}[`)) done((JSON.parse(text.slice(String(id).length + 1)) as [{ ok: boolean; error?: { code: string } }])[0].error?.code ?? 'ok');
    };
    const onClose = () => done('closed');
    function done(answer: string) {
      clearTimeout(timer);
      engine.off('message', onMessage);
      socket.off('disconnect', onClose);
      resolve(answer);
    }
    engine.on('message', onMessage);
    socket.once('disconnect', onClose);
    engine.write(`2${id}${json}`);
  });
}

/** Opens a socket with the given handshake auth and headers: `connected`, or the refusal's code. */
export function handshake(url: string, auth: Record<string, unknown>, headers: Record<string, string> = {}): Promise<string> {
  const socket = io(url, { auth, transports: ['websocket'], reconnection: false, extraHeaders: headers });
  return new Promise<string>((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (err) => resolve(`refused: ${err.message.split(':')[0]}`));
  }).finally(() => socket.close());
}

/** An HTTP answer as `http <status> <code>` (the code of `{ ok: false, error: { code } }`, if any). */
export async function http(res: Response): Promise<string> {
  const text = await res.text();
  let code = '';
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? '';
  } catch {
    code = 'not-json';
  }
  return `http ${res.status}${code ? ` ${code}` : ''}`;
}
