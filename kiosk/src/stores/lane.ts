// The kiosk's lane store: the hub's snapshot of this lane, and the shopper's intents sent to the hub.
import type { Ack, CatalogItem, CatalogSearchPayload, LaneChange, LaneScanPayload } from '@selfserve/shared';
import { type HubSocket, request, useLaneConnection } from '@selfserve/ui';
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { type KioskErrorCode, sendIntent } from '../device/send.js';

export type { KioskErrorCode } from '../device/send.js';

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

  // "No connection" describes the connection, not the basket: once it is back the banner would only mislead.
  // A timeout stays: it asks the shopper to check the basket, which the hub's snapshot now shows.
  watch(connection.status, (now) => {
    if (now === 'connected' && lastError.value?.code === 'offline') lastError.value = null;
  });

  function setError(code: KioskErrorCode, message: string, subject?: string): void {
    lastError.value = { code, message, seq: ++errorSeq, ...(subject === undefined ? {} : { subject }) };
  }

  /** Sends one intent (see sendIntent); its error, if any, goes to the banner about `subject`. */
  async function send<T>(emit: (s: HubSocket, key: string) => Promise<Ack<T>>, subject?: string): Promise<T | null> {
    pending.value++;
    try {
      const sent = await sendIntent(connection.socket.value, emit);
      if (sent.ok) {
        lastError.value = null;
        return sent.data;
      }
      setError(sent.error.code, sent.error.message, subject);
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

  /** The shopper calls staff, for help or about an item the lane could not find; the lane then waits for them. */
  async function callStaff(reason: 'help' | 'unknown-item', code?: string): Promise<boolean> {
    return applied(await send((s, key) => request(s, 'lane:callStaff', code === undefined ? { key, reason } : { key, reason, code })));
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
    callStaff,
    dismissError,
    // For the ordering kiosk's store (stores/order.ts): its intents share this error banner and pending count.
    send,
    applied,
  };
});
