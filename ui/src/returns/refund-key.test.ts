// A refund the hub did not answer is sent again with the same key, so the customer is paid back once; any other refund gets a new key.
import { describe, expect, it } from 'vitest';
import { type RefundRequest, refundSender } from './refund-key.js';

type Answer = { ok: boolean; code?: string };
const lost = (a: Answer) => !a.ok && a.code === 'no-answer';

function harness() {
  let n = 0;
  const sent: string[] = [];
  const send = refundSender(() => `k${++n}`);
  const refund = (answer: Answer, req: RefundRequest = { saleId: 's1', method: 'card', lines: [{ lineId: 'L1', quantity: 1 }] }) =>
    send(req, async (key) => (sent.push(key), answer), lost);
  return { sent, refund };
}

describe('the key a refund is sent with', () => {
  it('is the same again after no answer, and new once answered', async () => {
    const { sent, refund } = harness();
    await refund({ ok: false, code: 'no-answer' });
    await refund({ ok: true });
    await refund({ ok: true });
    expect(sent).toEqual(['k1', 'k1', 'k2']);
  });

  it('is new for a refund refused outright, which refunded nothing', async () => {
    const { sent, refund } = harness();
    await refund({ ok: false, code: 'not-allowed' });
    await refund({ ok: false, code: 'not-allowed' });
    expect(sent).toEqual(['k1', 'k2']);
  });

  it('is new when staff change the lines or the method after no answer', async () => {
    const { sent, refund } = harness();
    await refund({ ok: false, code: 'no-answer' });
    await refund({ ok: false, code: 'no-answer' }, { saleId: 's1', method: 'cash', lines: [{ lineId: 'L1', quantity: 1 }] });
    await refund({ ok: true }, { saleId: 's1', method: 'cash', lines: [{ lineId: 'L1', quantity: 2 }] });
    expect(sent).toEqual(['k1', 'k2', 'k3']);
  });
});
