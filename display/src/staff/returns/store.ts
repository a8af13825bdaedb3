// The Returns tab: the sale found by its receipt's code, the units picked to return, the hub's quote for them, and the refund.
import type { RefundMethod, RefundQuote, RefundResult, SaleForReturn } from '@selfserve/shared';
import { type Picks, pickedLines, refundMethods, refundSender, samePicks, setPick } from '@selfserve/ui';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { Outcome, Refusal } from '../store/outcome.js';
import { useStationStore } from '../store/station.js';

export const useReturnsStore = defineStore('station-returns', () => {
  const station = useStationStore();
  const sale = shallowRef<SaleForReturn | null>(null);
  /** The receipt's code the sale was found by, to read it again after a refund. */
  let code = '';
  const picks = shallowRef<Picks>({});
  const quote = shallowRef<RefundQuote | null>(null);
  const quoteError = shallowRef<Refusal | null>(null);
  const method = ref<RefundMethod>('cash');
  const result = shallowRef<RefundResult | null>(null);
  /** A refund the hub did not answer is sent again with its key, so it happens at most once. */
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

  async function find(typed: string): Promise<Outcome<SaleForReturn>> {
    const r = await station.send('returns:find', { code: typed });
    if (r.ok) {
      code = typed;
      result.value = null;
      show(r.data);
      method.value = refundMethods(r.data)[0] ?? 'cash';
    }
    return r;
  }

  /** The sale again from the hub (what was returned since), keeping the last refund's answer on screen. */
  async function reload(): Promise<void> {
    if (!sale.value) return;
    const r = await station.send('returns:find', { code });
    if (r.ok) show(r.data);
  }

  // Every change of the picks asks the hub what they would refund: the station never prices.
  watch(lines, async (now) => {
    quoteError.value = null;
    if (!sale.value || now.length === 0) {
      quote.value = null;
      return;
    }
    const r = await station.send('returns:quote', { saleId: sale.value.saleId, lines: now });
    if (!samePicks(now, lines.value)) return;
    quote.value = r.ok ? r.data : null;
    quoteError.value = r.ok ? null : { code: r.code, message: r.message };
  });

  function pick(lineId: string, quantity: number): void {
    const line = sale.value?.lines.find((l) => l.lineId === lineId);
    if (line) picks.value = setPick(picks.value, line, quantity);
    result.value = null;
  }
  const pickEvery = (all: Picks) => ((picks.value = all), (result.value = null));

  async function refund(): Promise<Outcome<RefundResult>> {
    const s = sale.value;
    if (!s || lines.value.length === 0) return { ok: false, code: 'not-allowed' };
    const request = { saleId: s.saleId, method: method.value, lines: lines.value };
    const r = await sendRefund(request, (key) => station.send('returns:refund', { key, ...request }), (a) => !a.ok && (a.code === 'no-answer' || a.code === 'offline'));
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
    result.value = null;
  }

  watch(() => station.session, (s) => s || clear());

  return { sale, picks, lines, quote: quoted, quoteError, method, methods, result, find, reload, pick, pickEvery, refund, clear };
});
