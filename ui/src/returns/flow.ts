// A return as any staff screen takes it: the sale found by its receipt, the units picked, the hub's quote for them, and the refund.
import type { Ack, RefundMethod, RefundQuote, RefundResult, SaleForReturn } from '@selfserve/shared';
import { computed, ref, shallowRef, watch } from 'vue';
import type { AckOf, PayloadOf } from '../device/socket.js';
import { type Picks, pickedLines, refundMethods, samePicks, setPick } from './picks.js';
import { refundSender } from './refund-key.js';

export type ReturnEvent = 'returns:find' | 'returns:quote' | 'returns:refund';
/** What the hub answers a returns request with. */
export type ReturnData<E extends ReturnEvent> = AckOf<E> extends Ack<infer T> ? T : never;

/** A refused request as a return keeps it: the code picks the app's words; the message is the hub's English detail, none for the app's own codes. */
export interface Refusal {
  code: string;
  message?: string;
}
export type Answer<T> = { ok: true; data: T } | { ok: false; error: Refusal };

export interface ReturnFlowDeps {
  /** One returns request as the signed-in staff member, over the app's own connection. */
  send<E extends ReturnEvent>(event: E, payload: PayloadOf<E>): Promise<Answer<ReturnData<E>>>;
  /** The app's codes for a request the hub may never have answered: a refund is then sent again with its key, so it happens at most once. */
  lost(code: string): boolean;
}

/** The return's state and steps, for an app's Pinia setup store to return (and to clear when its staff session ends). */
export function useReturnFlow(deps: ReturnFlowDeps) {
  const sale = shallowRef<SaleForReturn | null>(null);
  /** The receipt's code the sale was found by, to read it again after a refund. */
  let code = '';
  const picks = shallowRef<Picks>({});
  const quote = shallowRef<RefundQuote | null>(null);
  const quoteError = shallowRef<Refusal | null>(null);
  const method = ref<RefundMethod>('cash');
  const result = shallowRef<RefundResult | null>(null);
  /** A refund is on its way to the hub (and maybe the terminal): nothing else starts meanwhile. */
  const refunding = ref(false);
  const sendRefund = refundSender();

  const lines = computed(() => (sale.value ? pickedLines(sale.value, picks.value) : []));
  const methods = computed(() => (sale.value ? refundMethods(sale.value) : []));
  /** The quote shown belongs to the picks shown; an older one is not offered for refunding. */
  const quoted = computed(() => (quote.value && samePicks(quote.value.lines, lines.value) ? quote.value : null));

  function show(found: SaleForReturn): void {
    sale.value = found;
    picks.value = {};
    quote.value = null;
    if (!methods.value.includes(method.value)) method.value = methods.value[0] ?? 'cash';
  }

  async function find(typed: string): Promise<Answer<SaleForReturn>> {
    const r = await deps.send('returns:find', { code: typed });
    if (r.ok) {
      code = typed;
      result.value = null;
      show(r.data);
      // A new sale starts with the way back it was paid by.
      method.value = refundMethods(r.data)[0] ?? 'cash';
    }
    return r;
  }

  /** The sale again from the hub (what was returned since), keeping the last refund's answer on screen. */
  async function reload(): Promise<void> {
    if (!sale.value) return;
    const r = await deps.send('returns:find', { code });
    if (r.ok) show(r.data);
  }

  // Every change of the picks asks the hub what they would refund: a staff screen never prices.
  watch(lines, async (now) => {
    quoteError.value = null;
    if (!sale.value || now.length === 0) {
      quote.value = null;
      return;
    }
    const r = await deps.send('returns:quote', { saleId: sale.value.saleId, lines: now });
    if (!samePicks(now, lines.value)) return;
    quote.value = r.ok ? r.data : null;
    quoteError.value = r.ok ? null : r.error;
  });

  function pick(lineId: string, quantity: number): void {
    const line = sale.value?.lines.find((l) => l.lineId === lineId);
    if (line) picks.value = setPick(picks.value, line, quantity);
    result.value = null;
  }
  const pickEvery = (all: Picks) => ((picks.value = all), (result.value = null));

  async function refund(): Promise<Answer<RefundResult>> {
    const s = sale.value;
    if (!s || lines.value.length === 0 || refunding.value) return { ok: false, error: { code: 'not-allowed' } };
    const request = { saleId: s.saleId, method: method.value, lines: lines.value };
    refunding.value = true;
    const r = await sendRefund(request, (key) => deps.send('returns:refund', { key, ...request }), (a) => !a.ok && deps.lost(a.error.code)).finally(
      () => (refunding.value = false),
    );
    if (r.ok) {
      result.value = r.data;
      // What was refunded (or may have been) is no longer returnable: the hub's figures, not ours. A refused
      // refund keeps the picks, to try again or in cash.
      if (r.data.state !== 'failed') await reload();
    }
    return r;
  }

  function clear(): void {
    code = '';
    sale.value = null;
    picks.value = {};
    quote.value = null;
    quoteError.value = null;
    result.value = null;
  }

  return { sale, picks, lines, quote: quoted, quoteError, method, methods, result, refunding, find, reload, pick, pickEvery, refund, clear };
}
