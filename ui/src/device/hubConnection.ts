// The socket of a paired device (a lane's screen or the attendant station): its token, the hub's hello, and a status a person can read.
import type { DeviceHello } from '@selfserve/shared';
import { markRaw, ref, shallowRef } from 'vue';
import { type HubSocket, openHubSocket } from './socket.js';

export type ConnectionStatus = 'unpaired' | 'connecting' | 'connected' | 'reconnecting' | 'refused';

/** A refused device tries again this often, so a token paired later starts working without a visit. */
const REFUSED_RETRY_MS = 30_000;
/** A hub that dropped us on purpose (restart, re-pairing) is asked again after this pause. */
const KICKED_RETRY_MS = 1000;

/** What a kind of device adds to the connection. */
export interface HubConnectionHooks {
  /** After every (re)connect: the hub ties state to a connection, so the device asks for it again. */
  connected(s: HubSocket): void;
  /** Registers the device's own event handlers on a newly opened socket. */
  listen(s: HubSocket): void;
}

/** Composable for a Pinia setup store: connects with the device's token and keeps trying, as the hub allows. */
export function useHubConnection(hooks: HubConnectionHooks) {
  const socket = shallowRef<HubSocket | null>(null);
  /** The token the socket was opened with, e.g. the bearer of a device's HTTP calls. */
  const token = ref<string | null>(null);
  const hello = shallowRef<DeviceHello | null>(null);
  const status = ref<ConnectionStatus>('connecting');
  /** The hub's reason for refusing this device, as it sent it. */
  const refusal = ref<string | null>(null);
  let retry: ReturnType<typeof setTimeout> | undefined;

  function retryLater(s: HubSocket, ms: number): void {
    clearTimeout(retry);
    retry = setTimeout(() => s.connect(), ms);
  }

  function connect(deviceToken: string | null): void {
    if (socket.value) return;
    if (!deviceToken) {
      status.value = 'unpaired';
      return;
    }
    // A screen paired (again) after it was unpaired or refused shows as connecting, no longer as the problem.
    status.value = 'connecting';
    refusal.value = null;
    token.value = deviceToken;
    const s = markRaw(openHubSocket(deviceToken));
    s.on('connect', () => {
      status.value = 'connected';
      refusal.value = null;
      hooks.connected(s);
    });
    s.on('disconnect', (reason) => {
      status.value = 'reconnecting';
      if (reason === 'io server disconnect') retryLater(s, KICKED_RETRY_MS);
    });
    s.on('connect_error', (err) => {
      if (s.active) {
        // A network problem: socket.io retries by itself.
        if (status.value !== 'connecting') status.value = 'reconnecting';
        return;
      }
      status.value = 'refused';
      refusal.value = err.message;
      retryLater(s, REFUSED_RETRY_MS);
    });
    s.on('device:hello', (h) => {
      hello.value = h;
    });
    hooks.listen(s);
    socket.value = s;
  }

  function disconnect(): void {
    clearTimeout(retry);
    socket.value?.disconnect();
    socket.value = null;
  }

  return { socket, token, hello, status, refusal, connect, disconnect };
}
