// The attendant station's store: the device's socket, the staff session on it, and every lane as the hub last sent it.
import type { Ack, LaneSnapshot, StaffSessionInfo, StaffSignedOutReason } from '@selfserve/shared';
import { type AckOf, type PayloadOf, useHubConnection } from '@selfserve/ui';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { readMode } from '../../mode.js';
import type { SignInIdentity } from '../logic/identity.js';
import { type LaneMap, fromOverview, laneList, withPresence, withSnapshot } from '../logic/lanes.js';
import { pendingQueue } from '../logic/queue.js';
import { type StationSendable, stationSend } from '../returns/request.js';
import { type StationPlace, formatPlace, homePlace, parsePlace } from '../returns/route.js';
import { type Outcome, outcome } from './outcome.js';
import { readSession, saveSession } from './saved-session.js';

/** connecting: no answer from the hub yet; resuming: taking up the tab's session after a reload or reconnect. */
export type StationPhase = 'connecting' | 'signed-out' | 'resuming' | 'signed-in';
/** Why the sign-in form shows, as a message above it; session-lost: the hub no longer knew the session. */
export type SignOutNotice = StaffSignedOutReason | 'session-lost';

type DataOf<E extends StationSendable> = AckOf<E> extends Ack<infer T> ? T : never;

export const useStationStore = defineStore('station', () => {
  const phase = ref<StationPhase>('connecting');
  const session = shallowRef<StaffSessionInfo | null>(null);
  const notice = ref<SignOutNotice | null>(null);
  const lanes = shallowRef<LaneMap>({});
  const remote = shallowRef<Readonly<Record<string, boolean>>>({});
  /** True once staff:watch answered for this session: the lanes are the hub's, not an empty start. */
  const watching = ref(false);
  /** Opened as ?mode=counter: a screen at the restaurant's counter, which starts (and signs in again) on the Counter tab. */
  const counterMode = readMode(window.location.search) === 'counter';
  const route = shallowRef<StationPlace>(parsePlace(window.location.hash, counterMode));
  /** Where the station was before the last navigation: the lane tiles give focus back to the lane just left. */
  const previous = shallowRef<StationPlace | null>(null);
  /** Counts the hub's answers to staff:watch: the counter watches the orders again after each (a reconnect, a resume). */
  const watched = ref(0);

  // The token is also the bearer of the manager view's HTTP calls.
  const { socket, token, hello, status, refusal, connect, disconnect } = useHubConnection({
    connected: () => void resume(),
    listen(s) {
      s.on('lane:snapshot', (snap) => watching.value && (lanes.value = withSnapshot(lanes.value, snap)));
      s.on('lane:presence', (p) => (lanes.value = withPresence(lanes.value, p)));
      // Only a session still shown here: the hub also confirms a sign-out this station did itself (idle, button).
      s.on('staff:signedOut', ({ reason }) => session.value && endSession(reason));
    },
  });

  /** When this station last sent the hub a staff event, which is what keeps the session alive there. */
  let lastSent = 0;

  /** Every lane's live interventions, the longest waiting first. */
  const queue = computed(() => pendingQueue(laneList(lanes.value)));
  /** The lane open in the detail panel: what useFormat and the basket rows read as "the lane". */
  const snapshot = computed<LaneSnapshot | null>(() => (route.value.kind === 'lane' ? (lanes.value[route.value.laneId]?.snapshot ?? null) : null));

  function navigate(next: StationPlace): void {
    previous.value = route.value;
    route.value = next;
    const hash = formatPlace(next);
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
  }

  function startSession(info: StaffSessionInfo): void {
    session.value = info;
    notice.value = null;
    phase.value = 'signed-in';
    saveSession({ session: info.session, csrf: info.csrf });
  }

  /** Back to the sign-in form, saying why; nothing of the last session stays on screen. */
  function endSession(reason: SignOutNotice): void {
    session.value = null;
    saveSession(null);
    lanes.value = {};
    remote.value = {};
    watching.value = false;
    notice.value = reason;
    phase.value = 'signed-out';
    navigate(homePlace(counterMode));
  }

  async function send<E extends StationSendable>(event: E, payload: PayloadOf<E>): Promise<Outcome<DataOf<E>>> {
    const s = socket.value;
    if (!s?.connected) return { ok: false, code: 'offline' };
    lastSent = Date.now();
    const result = await outcome(stationSend(s, event, payload) as unknown as Promise<Ack<DataOf<E>>>);
    if (!result.ok && result.code === 'signed-out' && event !== 'staff:signIn' && session.value) endSession('session-lost');
    return result;
  }

  async function watch(): Promise<void> {
    const r = await send('staff:watch', {});
    if (!r.ok) return;
    lanes.value = fromOverview(r.data.lanes);
    remote.value = r.data.remote;
    watching.value = true;
    watched.value += 1;
  }

  /** After every (re)connect: the hub ties a session to a connection, so take it up again and re-watch. */
  async function resume(): Promise<void> {
    const saved = readSession();
    if (!saved) {
      phase.value = 'signed-out';
      return;
    }
    phase.value = 'resuming';
    const r = await send('staff:resume', { session: saved.session });
    if (r.ok) {
      startSession(r.data);
      await watch();
    } else if (r.code === 'no-answer' || r.code === 'offline') {
      phase.value = 'signed-out'; // the saved session stays: the next connect tries it again
    } else {
      const wasSignedIn = session.value !== null;
      endSession('session-lost');
      // A reload whose saved session had ended just shows the form; only a session lost under our eyes is explained.
      if (!wasSignedIn) notice.value = null;
    }
  }

  async function signIn(identity: SignInIdentity, pin: string): Promise<Outcome<StaffSessionInfo>> {
    const r = await send('staff:signIn', { ...identity, pin });
    if (r.ok) {
      startSession(r.data);
      await watch();
    }
    return r;
  }

  /**
   * Someone is using the station: the hub counts only staff events as activity, so after half its idle time
   * without one, watching again (which also refreshes every lane) tells it the session is in use.
   */
  function keepAlive(): void {
    const idleMs = (session.value?.idleSeconds ?? 0) * 1000;
    if (phase.value === 'signed-in' && idleMs > 0 && Date.now() - lastSent > idleMs / 2) void watch();
  }

  /** Signs out here at once; the hub is told if it can be, and ends the session by itself otherwise (idle). */
  async function signOut(reason: SignOutNotice = 'signed-out'): Promise<void> {
    const told = send('staff:signOut', {});
    endSession(reason);
    await told;
  }

  return { socket, token, hello, status, refusal, phase, session, notice, lanes, remote, watching, watched, route, previous, queue, snapshot, navigate, connect, disconnect, signIn, signOut, keepAlive, send, expire: endSession };
});

export type StationStore = ReturnType<typeof useStationStore>;
