// Opens the device's Socket.IO connection to the hub at the page's own origin, typed by the shared contract.
import type { ClientToServer, HandshakeAuth, ServerToClient } from '@selfserve/shared';
import { type Socket, io } from 'socket.io-client';

export type HubSocket = Socket<ServerToClient, ClientToServer>;

/** How long the hub has to answer one event before we call it lost. */
export const ACK_TIMEOUT_MS = 5000;

export function openHubSocket(token: string): HubSocket {
  const auth: HandshakeAuth = { token };
  // A connection attempt that hangs (packets dropped by a dead network) is given up after 5 s, not
  // socket.io's default 20 s, so a screen is back within seconds of the network.
  return io({ path: '/socket.io', auth, reconnectionDelayMax: 5000, timeout: 5000 });
}

/** Every event of the contract; an app that may send fewer narrows this in a typed wrapper of its own. */
export type RequestEvent = keyof ClientToServer;
export type PayloadOf<E extends RequestEvent> = Parameters<ClientToServer[E]>[0];
export type AckOf<E extends RequestEvent> = Parameters<Parameters<ClientToServer[E]>[1]>[0];

interface TimedEmitter {
  emitWithAck(event: string, payload: unknown): Promise<unknown>;
}

/**
 * Sends one event and waits for its ack; rejects after ACK_TIMEOUT_MS. socket.io's own typings turn the
 * ack into `any` under timeout(), so the contract's ack type is restored here, in one place.
 */
export function request<E extends RequestEvent>(s: HubSocket, event: E, payload: PayloadOf<E>): Promise<AckOf<E>> {
  const timed = s.timeout(ACK_TIMEOUT_MS) as unknown as TimedEmitter;
  return timed.emitWithAck(event, payload) as Promise<AckOf<E>>;
}
