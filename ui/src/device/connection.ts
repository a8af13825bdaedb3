// The lane connection of a paired device: socket, hello, newest snapshot and a status a person can read.
import type { DeviceHello, LaneSnapshot } from '@selfserve/shared';
import { markRaw, ref, shallowRef } from 'vue';
import { shouldAccept } from './snapshot.js';
import { type HubSocket, openHubSocket, request } from './socket.js';

export type ConnectionStatus = 'unpaired' | 'connecting' | 'connected' | 'reconnecting' | 'refused';

/** A refused device tries again this often, so a token paired later starts working without a visit. */
const REFUSED_RETRY_MS = 30_000;
/** A hub that dropped us on purpose (restart, re-pairing) is asked again after this pause. */
const KICKED_RETRY_MS = 1000;

/** Composable for a Pinia setup store: the state every lane surface needs, read-only towards the hub. */
export function useLaneConnection() {
  const socket = shallowRef<HubSocket | null>(null);
  const hello = shallowRef<DeviceHello | null>(null);
  const snapshot = shallowRef<LaneSnapshot | null>(null);
  const status = ref<ConnectionStatus>('connecting');
  /** The hub's reason for refusing this device, as it sent it. */
  const refusal = ref<string | null>(null);
  let freshConnection = true;
  let retry: ReturnType<typeof setTimeout> | undefined;

  function accept(next: LaneSnapshot): void {
    if (!shouldAccept(snapshot.value, next, freshConnection)) return;
    freshConnection = false;
    snapshot.value = next;
  }

  async function sync(s: HubSocket): Promise<void> {
    try {
      const ack = await request(s, 'lane:sync', {});
      if (ack.ok) accept(ack.data);
    } catch {
      // No answer: the snapshot the hub pushes on connect covers it, and the next reconnect syncs again.
    }
  }

  function retryLater(s: HubSocket, ms: number): void {
    clearTimeout(retry);
    retry = setTimeout(() => s.connect(), ms);
  }

  function connect(token: string | null): void {
    if (socket.value) return;
    if (!token) {
      status.value = 'unpaired';
      return;
    }
    // A screen paired (again) after it was unpaired or refused shows as connecting, no longer as the problem.
    status.value = 'connecting';
    refusal.value = null;
    const s = markRaw(openHubSocket(token));
    s.on('connect', () => {
      status.value = 'connected';
      refusal.value = null;
      freshConnection = true;
      void sync(s);
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
    s.on('lane:snapshot', accept);
    socket.value = s;
  }

  function disconnect(): void {
    clearTimeout(retry);
    socket.value?.disconnect();
    socket.value = null;
  }

  /** Makes sure the snapshot shown is at least `version`: the hub pushes it before its ack, so this rarely asks. */
  async function catchUp(version: number): Promise<void> {
    const s = socket.value;
    if (s && (snapshot.value?.version ?? -1) < version) await sync(s);
  }

  return { socket, hello, snapshot, status, refusal, connect, disconnect, accept, catchUp };
}
