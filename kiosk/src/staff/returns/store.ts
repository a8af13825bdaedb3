// A return at the lane's staff menu: the sale found by its receipt, the units picked, the hub's quote for them, and the refund.
import type { RefundMethod, RefundQuote, RefundResult, SaleForReturn } from '@selfserve/shared';
import { type Picks, pickedLines, refundMethods, refundSender, request, samePicks, setPick } from '@selfserve/ui';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { Sent } from '../../device/send.js';
import { useStaffStore } from '../../stores/staff.js';

/** A refused request as the flow keeps it: the code picks our words, the message is the hub's English detail. */
export type Refusal = Extract<Sent<never>, { ok: false }>['error'];

export const useReturnStore = defineStore('staff-return', () => {
  const staff = useStaffStore();
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

  async function find(typed: string): Promise<Sent<SaleForReturn>> {
    const r = await staff.query((s) => request(s, 'returns:find', { code: typed }));
    if (r.ok) {
      code = typed;
      result.value = null;
      show(r.data);
      // A new sale starts with the way back it was paid by.
      method.value = refundMethods(r.data)[0] ?? 'cash';
    }
    return r;
  }

  // Every change of the picks asks the hub what they would refund: the kiosk never prices.
  watch(lines, async (now) => {
    quoteError.value = null;
    if (!sale.value || now.length === 0) {
      quote.value = null;
      return;
    }
    const saleId = sale.value.saleId;
    const r = await staff.query((s) => request(s, 'returns:quote', { saleId, lines: now }));
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

  async function refund(): Promise<Sent<RefundResult>> {
    const s = sale.value;
    if (!s || lines.value.length === 0 || refunding.value) return { ok: false, error: { code: 'not-allowed', message: 'nothing to refund' } };
    const req = { saleId: s.saleId, method: method.value, lines: lines.value };
    const lost = (a: Sent<RefundResult>) => !a.ok && (a.error.code === 'timeout' || a.error.code === 'offline');
    refunding.value = true;
    const r = await sendRefund(req, (key) => staff.query((sock) => request(sock, 'returns:refund', { key, ...req })), lost).finally(() => (refunding.value = false));
    if (r.ok) {
      result.value = r.data;
      // What was refunded (or may have been) is no longer returnable: the hub's figures, not ours. A refused
      // refund keeps the picks, to try again or in cash.
      if (r.data.state !== 'failed') {
        const again = await staff.query((sock) => request(sock, 'returns:find', { code }));
        if (again.ok) show(again.data);
      }
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

  // Signed out (or another staff member's badge): nothing of this return stays for the next one.
  watch(() => staff.session, (now, before) => now?.session === before?.session || clear());

  return { sale, picks, lines, quote: quoted, quoteError, method, methods, result, refunding, find, pick, pickEvery, refund, clear };
});
