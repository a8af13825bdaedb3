// The lane connection of a paired device: the hub connection plus the lane's newest snapshot.
import type { LaneSnapshot } from '@selfserve/shared';
import { shallowRef } from 'vue';
import { useHubConnection } from './hubConnection.js';
import { shouldAccept } from './snapshot.js';
import { type HubSocket, request } from './socket.js';

/** Composable for a Pinia setup store: the state every lane surface needs, read-only towards the hub. */
export function useLaneConnection() {
  const snapshot = shallowRef<LaneSnapshot | null>(null);
  let freshConnection = true;

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

  const { socket, hello, status, refusal, connect, disconnect } = useHubConnection({
    connected(s) {
      freshConnection = true;
      void sync(s);
    },
    listen(s) {
      s.on('lane:snapshot', accept);
    },
  });

  /** Makes sure the snapshot shown is at least `version`: the hub pushes it before its ack, so this rarely asks. */
  async function catchUp(version: number): Promise<void> {
    const s = socket.value;
    if (s && (snapshot.value?.version ?? -1) < version) await sync(s);
  }

  return { socket, hello, snapshot, status, refusal, connect, disconnect, accept, catchUp };
}
