// The kiosk's lane store: the hub's snapshot of this lane, and the shopper's intents sent to the hub.
import type { Ack, CatalogItem, CatalogSearchPayload, ErrorCode, LaneChange, LaneScanPayload } from '@selfserve/shared';
import { type HubSocket, request, useLaneConnection } from '@selfserve/ui';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { newIdempotencyKey } from '../device/key.js';

/** The hub's error codes, plus the two a client finds out by itself. */
export type KioskErrorCode = ErrorCode | 'timeout' | 'offline';

export interface KioskError {
  code: KioskErrorCode;
  /** The hub's own text, for the log; the screen shows a translation of the code. */
  message: string;
  /** What the shopper acted on, e.g. the scanned code. */
  subject?: string;
  /** Rises with every error, so the same error twice still shows as new. */
  seq: number;
}

export type ScanSource = NonNullable<LaneScanPayload['source']>;

export const useLaneStore = defineStore('lane', () => {
  const connection = useLaneConnection();
  const lastError = ref<KioskError | null>(null);
  const pending = ref(0);
  /** The line the last successful scan added or changed, for the basket to show. */
  const lastScannedLineId = ref<string | null>(null);
  /** Rises with every scan sent, whatever its outcome: a scan is the shopper's activity. */
  const scans = ref(0);
  let errorSeq = 0;

  function setError(code: KioskErrorCode, message: string, subject?: string): void {
    lastError.value = { code, message, seq: ++errorSeq, ...(subject === undefined ? {} : { subject }) };
  }

  /**
   * Sends one intent with a fresh idempotency key. A lost answer is retried once with the same key,
   * so the hub applies it at most once; nothing is sent while offline, so no intent is replayed later.
   */
  async function send<T>(emit: (s: HubSocket, key: string) => Promise<Ack<T>>, subject?: string): Promise<T | null> {
    const s = connection.socket.value;
    if (!s?.connected) {
      setError('offline', 'not connected to the hub', subject);
      return null;
    }
    const key = newIdempotencyKey();
    pending.value++;
    try {
      for (let attempt = 0; attempt < 2 && s.connected; attempt++) {
        try {
          const ack = await emit(s, key);
          if (ack.ok) {
            lastError.value = null;
            return ack.data;
          }
          setError(ack.error.code, ack.error.message, subject);
          return null;
        } catch {
          // Timed out: try once more with the same key.
        }
      }
      setError('timeout', 'the hub did not answer in time', subject);
      return null;
    } finally {
      pending.value--;
    }
  }

  /** The change's snapshot was pushed before its ack; catch up only if that push went missing. */
  async function applied(change: LaneChange | null): Promise<boolean> {
    if (change) await connection.catchUp(change.version);
    return change !== null;
  }

  async function scan(code: string, source: ScanSource): Promise<boolean> {
    scans.value++;
    const data = await send((s, key) => request(s, 'lane:scan', { key, code, source }), code);
    if (data?.line) lastScannedLineId.value = data.line.lineId;
    return applied(data);
  }

  async function setQuantity(lineId: string, quantity: number): Promise<boolean> {
    return applied(await send((s, key) => request(s, 'lane:setQuantity', { key, lineId, quantity })));
  }

  async function removeLine(lineId: string): Promise<boolean> {
    return applied(await send((s, key) => request(s, 'lane:removeLine', { key, lineId })));
  }

  async function cancel(): Promise<boolean> {
    return applied(await send((s, key) => request(s, 'lane:cancel', { key })));
  }

  /** Asks the hub to take payment at the lane's terminal; its progress arrives in snapshots. */
  async function pay(): Promise<boolean> {
    return applied(await send((s, key) => request(s, 'lane:pay', { key })));
  }

  /** Identifies the shopper as a member by phone number; member prices arrive in the next snapshot. */
  async function identify(phone: string): Promise<boolean> {
    return applied(await send((s, key) => request(s, 'lane:identify', { key, phone })));
  }

  /**
   * Searches the catalog (a read: no key, no retry). The answer or the error goes to the caller, not
   * to the error banner, since the search panel explains it where the shopper looks.
   */
  async function searchCatalog(payload: CatalogSearchPayload): Promise<{ items: CatalogItem[] } | { error: KioskErrorCode }> {
    const s = connection.socket.value;
    if (!s?.connected) return { error: 'offline' };
    try {
      const ack = await request(s, 'catalog:search', payload);
      return ack.ok ? { items: ack.data.items } : { error: ack.error.code };
    } catch {
      return { error: 'timeout' };
    }
  }

  /** Prints the receipt of the sale just paid once more. */
  async function reprint(): Promise<boolean> {
    return applied(await send((s, key) => request(s, 'lane:reprint', { key })));
  }

  function dismissError(): void {
    lastError.value = null;
  }

  return {
    ...connection,
    lastError,
    pending,
    lastScannedLineId,
    scans,
    scan,
    setQuantity,
    removeLine,
    cancel,
    pay,
    identify,
    searchCatalog,
    reprint,
    dismissError,
  };
});
