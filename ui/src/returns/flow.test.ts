// A return asks the hub for every figure: the sale, the quote of the picks shown (never an older one), and the sale again after a refund.
import type { RefundQuote, RefundResult, ReturnableLine, SaleForReturn } from '@selfserve/shared';
import { describe, expect, it } from 'vitest';
import { effectScope } from 'vue';
import { type Answer, type ReturnEvent, useReturnFlow } from './flow.js';

const line = (lineId: string, quantity: number): ReturnableLine => ({
  lineId, name: { da: lineId }, quantity, weightGrams: null, paidPrice: 1000 * quantity, returned: 0, returnable: quantity, depositPerUnit: 0,
});
const sale = (method: 'card' | 'cash'): SaleForReturn => ({
  saleId: 's1', number: 7, laneId: 'lane-1', paidAt: '2025-01-01T10:00:00Z', total: 3000, currency: 'DKK',
  payment: { method, brand: null, last4: null }, lines: [line('milk', 2), line('cola', 1)], refunds: [],
});
const refunded = (state: RefundResult['state']): RefundResult => ({ refundId: 'r1', number: 1, saleId: 's1', state, amount: 1000, method: 'card', reason: null });
const settle = () => new Promise((r) => setTimeout(r, 0));

/** A hub that answers each request from a script, and keeps what was sent. */
function hub(answers: Partial<Record<ReturnEvent, (payload: Record<string, unknown>) => Answer<unknown> | Promise<Answer<unknown>>>>) {
  const sent: Array<[ReturnEvent, Record<string, unknown>]> = [];
  const scope = effectScope();
  const flow = scope.run(() =>
    useReturnFlow({
      send: async (event, payload) => {
        sent.push([event, payload as Record<string, unknown>]);
        return (await answers[event]!(payload as Record<string, unknown>)) as never;
      },
      lost: (code) => code === 'no-answer',
    }),
  )!;
  return { flow, sent };
}
const quote = (p: Record<string, unknown>): Answer<RefundQuote> =>
  ({ ok: true, data: { saleId: 's1', lines: p.lines as RefundQuote['lines'], amount: 1000, deposit: 0, currency: 'DKK' } });

describe('a return', () => {
  it('starts a sale paid by card with a refund to the card, one paid in cash with cash', async () => {
    let method: 'card' | 'cash' = 'card';
    const { flow } = hub({ 'returns:find': () => ({ ok: true, data: sale(method) }) });
    await flow.find('code-1');
    expect(flow.method.value).toBe('card');
    method = 'cash';
    await flow.find('code-2');
    expect([flow.method.value, flow.methods.value]).toEqual(['cash', ['cash']]);
  });

  it('shows only the quote of the picks on screen, not one answered late for older picks', async () => {
    let release: () => void = () => {};
    const { flow } = hub({
      'returns:find': () => ({ ok: true, data: sale('card') }),
      'returns:quote': (p) => ((p.lines as unknown[]).length === 1 && (p.lines as Array<{ quantity: number }>)[0]!.quantity === 1 ? new Promise((r) => (release = () => r(quote(p)))) : quote(p)),
    });
    await flow.find('code-1');
    flow.pick('milk', 1);
    await settle();
    flow.pick('milk', 2);
    await settle();
    release();
    await settle();
    expect(flow.quote.value?.lines).toEqual([{ lineId: 'milk', quantity: 2 }]);
  });

  it('sends a refund the hub did not answer again with the same key, and reads the sale again once it is done', async () => {
    let lostOnce = true;
    const { flow, sent } = hub({
      'returns:find': () => ({ ok: true, data: sale('card') }),
      'returns:quote': quote,
      'returns:refund': () => (lostOnce ? ((lostOnce = false), { ok: false, error: { code: 'no-answer' } }) : { ok: true, data: refunded('completed') }),
    });
    await flow.find('code-1');
    flow.pick('cola', 1);
    await settle();
    expect((await flow.refund()).ok).toBe(false);
    expect((await flow.refund()).ok).toBe(true);
    const keys = sent.filter(([e]) => e === 'returns:refund').map(([, p]) => p.key);
    expect(keys[0]).toBe(keys[1]);
    expect(sent.at(-1)).toEqual(['returns:find', { code: 'code-1' }]);
    expect(flow.picks.value).toEqual({});
  });

  it('keeps the picks of a refund the terminal refused, to try again or in cash', async () => {
    const { flow, sent } = hub({
      'returns:find': () => ({ ok: true, data: sale('card') }),
      'returns:quote': quote,
      'returns:refund': () => ({ ok: true, data: refunded('failed') }),
    });
    await flow.find('code-1');
    flow.pick('cola', 1);
    await settle();
    await flow.refund();
    expect(flow.result.value?.state).toBe('failed');
    expect(flow.picks.value).toEqual({ cola: 1 });
    expect(sent.filter(([e]) => e === 'returns:find')).toHaveLength(1);
  });
});
