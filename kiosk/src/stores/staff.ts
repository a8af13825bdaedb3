// The staff member at this lane's kiosk: sign-in by badge or number and PIN, the session (in memory only), and their actions.
import type { Ack, AgeCheckMethod, LaneChange, StaffAction, StaffSessionInfo, StaffSignInPayload } from '@selfserve/shared';
import { type HubSocket, request } from '@selfserve/ui';
import { defineStore } from 'pinia';
import { ref, shallowRef, watch } from 'vue';
import { type KioskErrorCode, type Sent, ask, sendIntent } from '../device/send.js';
import { isStaffBadge } from '../staff/badge.js';
import { catchScans } from '../staff/catchScans.js';
import { watchIdle } from '../staff/idle.js';
import { useLaneStore } from './lane.js';

/** The sign-in dialog: a badge was scanned (its PIN follows), or the Staff button asked for a staff number. */
export type SignInStep = { by: 'badge'; badge: string } | { by: 'number' };

/** What a staff action achieved, said in the menu once it is done. */
export type StaffDone = 'resolved' | 'voided' | 'price-set' | 'price-pending' | 'sale-cancelled' | 'reprinted' | 'lane-closed' | 'lane-opened';

/** The last outcome the sign-in dialog or the menu shows; seq makes the same outcome twice announce again. */
export type StaffFeedback = { kind: 'error'; code: KioskErrorCode; seq: number } | { kind: 'done'; what: StaffDone; seq: number };

/** The hub's default, until a session says its own. */
const FALLBACK_IDLE_SECONDS = 120;

export const useStaffStore = defineStore('staff', () => {
  const lane = useLaneStore();
  /** Never stored: a reload of the kiosk signs staff out. */
  const session = shallowRef<StaffSessionInfo | null>(null);
  const signingIn = shallowRef<SignInStep | null>(null);
  const feedback = shallowRef<StaffFeedback | null>(null);
  const busy = ref(false);
  let seq = 0;
  let stopIdle: (() => void) | null = null;
  /** While staff have a return open, a scanned code (a receipt's) goes there rather than to the basket. */
  let scanTaker: ((code: string) => void) | null = null;

  const tell = (what: StaffDone) => (feedback.value = { kind: 'done', what, seq: ++seq });
  const problem = (code: KioskErrorCode) => (feedback.value = { kind: 'error', code, seq: ++seq });
  const can = (action: StaffAction): boolean => session.value?.actions.includes(action) ?? false;

  /** Forgets the session here; the hub is told by signOut, or told us itself. */
  function end(): void {
    session.value = null;
    signingIn.value = null;
  }

  /** A scanned badge: signs in at once where the store allows a badge alone, otherwise asks for the PIN. */
  function badgeScanned(badge: string): void {
    // Another staff member takes over: the one signed in is signed out first.
    if (session.value) void signOut();
    feedback.value = null;
    signingIn.value = { by: 'badge', badge };
    if (lane.hello?.staff?.badgeOnly) void signIn({ badge });
  }

  /** The discreet Staff button: staff number and PIN. */
  function startSignIn(): void {
    if (session.value) return;
    feedback.value = null;
    signingIn.value = { by: 'number' };
  }

  /** The hub no longer knows the session: back to sign-in, by staff number (a badge may be scanned instead). */
  function lostSession(): void {
    end();
    signingIn.value = { by: 'number' };
  }

  /** A component said the outcome in its own, better words. */
  function clearFeedback(): void {
    feedback.value = null;
  }

  function cancelSignIn(): void {
    signingIn.value = null;
    feedback.value = null;
  }

  async function signIn(credentials: StaffSignInPayload): Promise<boolean> {
    busy.value = true;
    const sent = await ask(lane.socket, (s) => request(s, 'staff:signIn', credentials));
    busy.value = false;
    if (!sent.ok) {
      problem(sent.error.code);
      return false;
    }
    session.value = sent.data;
    signingIn.value = null;
    feedback.value = null;
    return true;
  }

  async function signOut(): Promise<void> {
    const s = lane.socket;
    const had = session.value !== null;
    end();
    feedback.value = null;
    if (had && s?.connected) await ask(s, (sock) => request(sock, 'staff:signOut', {}));
  }

  /** Sends one staff action for this lane; a session the hub no longer knows sends staff back to sign-in. */
  async function act<T extends LaneChange>(emit: (s: HubSocket, key: string, laneId: string) => Promise<Ack<T>>, done: (data: T) => StaffDone): Promise<boolean> {
    const laneId = lane.hello?.laneId;
    if (!laneId || busy.value) return false;
    busy.value = true;
    const sent = await sendIntent(lane.socket, (s, key) => emit(s, key, laneId));
    busy.value = false;
    if (!sent.ok) {
      if (sent.error.code === 'signed-out') lostSession();
      problem(sent.error.code);
      return false;
    }
    await lane.catchUp(sent.data.version);
    tell(done(sent.data));
    return true;
  }

  const resolve = (interventionId: string, outcome: 'approve' | 'reject', check?: { method: AgeCheckMethod; dateOfBirth?: string }) =>
    act((s, key, laneId) => request(s, 'staff:resolve', { key, laneId, interventionId, outcome, ...check }), () => 'resolved');
  const voidLine = (lineId: string) => act((s, key, laneId) => request(s, 'staff:voidLine', { key, laneId, lineId }), () => 'voided');
  /** `price` is the whole line's, in minor units; the hub may only record it as a request (pending). */
  const overridePrice = (lineId: string, price: number, reason: string) =>
    act((s, key, laneId) => request(s, 'staff:overridePrice', { key, laneId, lineId, price, reason }), (d) => (d.pending ? 'price-pending' : 'price-set'));
  const cancelSale = () => act((s, key, laneId) => request(s, 'staff:cancelSale', { key, laneId }), () => 'sale-cancelled');
  const reprint = () => act((s, key, laneId) => request(s, 'staff:reprint', { key, laneId }), () => 'reprinted');
  const closeLane = () => act((s, key, laneId) => request(s, 'staff:closeLane', { key, laneId }), () => 'lane-closed');
  const openLane = () => act((s, key, laneId) => request(s, 'staff:openLane', { key, laneId }), () => 'lane-opened');

  /**
   * Asks the hub a staff question that changes no lane (a return's sale, quote and refund): sent once, the answer
   * (or refusal) to the caller, who says it in its own words; a session the hub no longer knows sends staff back to sign-in.
   */
  async function query<T>(emit: (s: HubSocket) => Promise<Ack<T>>): Promise<Sent<T>> {
    const sent = await ask(lane.socket, emit);
    if (!sent.ok && sent.error.code === 'signed-out') lostSession();
    return sent;
  }

  /** Scanned codes go to `take` until the returned function is called; a staff badge still signs in. */
  function takeScans(take: (code: string) => void): () => void {
    scanTaker = take;
    return () => {
      if (scanTaker === take) scanTaker = null;
    };
  }

  /** A scanned code, offered to what staff have open: true when taken there (then it is not the basket's). */
  function offerScan(code: string): boolean {
    if (!scanTaker || !session.value || isStaffBadge(code, lane.hello?.staff?.badgePrefix)) return false;
    scanTaker(code.trim());
    return true;
  }

  // The wedge scanner's codes, heard before the page's own listener: this store is made in the page's setup, before it mounts.
  catchScans(window, offerScan);

  /** After a dropped connection the hub may still hold the session: take it up, or forget it. */
  async function resume(s: HubSocket): Promise<void> {
    const current = session.value;
    if (!current) return;
    const sent = await ask(s, (sock) => request(sock, 'staff:resume', { session: current.session }));
    if (session.value !== current) return;
    if (sent.ok) session.value = sent.data;
    else end();
  }

  watch(
    () => lane.socket,
    (s) => {
      if (!s) return end();
      // Only the session: a sign-in under way (a new badge just scanned) outlives the end of the one before.
      s.on('staff:signedOut', () => (session.value = null));
      s.on('connect', () => void resume(s));
    },
    { immediate: true },
  );

  // Nobody touched the kiosk for the session's idle time: sign out, so the next shopper finds no staff menu.
  watch(session, (now) => {
    stopIdle?.();
    stopIdle = now ? watchIdle(window, (now.idleSeconds || lane.hello?.staff?.idleSeconds || FALLBACK_IDLE_SECONDS) * 1000, () => void signOut()) : null;
  });

  return { session, signingIn, feedback, busy, can, badgeScanned, startSignIn, cancelSignIn, clearFeedback, signIn, signOut, resolve, voidLine, overridePrice, cancelSale, reprint, closeLane, openLane, query, takeScans, offerScan };
});
