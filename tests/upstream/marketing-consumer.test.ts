import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CloudEvent, LaneSnapshot, Promotion } from '@selfserve/shared';
import { pseudonymOf } from '../../hub/src/upstream/pseudonym.js';
import { CHIPS, COLA, MILK, testCatalog } from '../helpers/catalog.js';
import { nextSnapshot, startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';

const KEY = 'marketing-test-key-0123456789-abcdef';
let t: TestHub;
afterEach(() => t?.close());

interface Segment {
  /** Days since the last purchase, as of `asOf`. */
  recencyDays: number;
  frequency: number;
  monetary: number;
}

/**
 * What head office's marketing does with the stream alone: RFM per pseudonymous member and the
 * redemptions and discount per campaign. De-duplicates by event id, as at-least-once delivery requires.
 */
function consume(events: CloudEvent[], asOf: Date) {
  const seen = new Set<string>();
  const members = new Map<string, Segment & { last: string }>();
  const campaigns = new Map<string, { redemptions: number; discount: number }>();
  for (const e of events) {
    if (seen.has(e.id) || e.type !== 'sale.completed.v1') continue;
    seen.add(e.id);
    const sale = (e as CloudEvent<'sale.completed.v1'>).data;
    for (const c of sale.campaigns) {
      const agg = campaigns.get(c.campaignId) ?? { redemptions: 0, discount: 0 };
      campaigns.set(c.campaignId, { redemptions: agg.redemptions + 1, discount: agg.discount + c.amount });
    }
    if (!sale.member) continue;
    const m = members.get(sale.member.pseudonym) ?? { recencyDays: 0, frequency: 0, monetary: 0, last: '' };
    const last = sale.completedAt > m.last ? sale.completedAt : m.last;
    members.set(sale.member.pseudonym, { frequency: m.frequency + 1, monetary: m.monetary + sale.totals.total, last, recencyDays: Math.floor((asOf.getTime() - Date.parse(last)) / 86_400_000) });
  }
  return { members, campaigns };
}

const COLA_2_FOR_30: Promotion = { id: 'c-cola-2for30', name: { da: '2 cola for 30' }, kind: 'multibuy', target: { productIds: ['cola'], departments: [] }, quantity: 2, price: 3000, memberOnly: false };

describe('a marketing consumer reading only the stream', () => {
  it('computes per-member recency, frequency and monetary value and redemptions per campaign that match the store database', async () => {
    const catalog = testCatalog({ promotions: [COLA_2_FOR_30] });
    catalog.members = [
      { id: 'm1', cardNumber: 'LOY10000001', marketingConsent: true },
      { id: 'm2', cardNumber: 'LOY10000002', marketingConsent: true },
      { id: 'm3', cardNumber: 'LOY10000003', marketingConsent: false },
    ];
    t = await startTestHub({ catalog, terminal: true, config: { checkout: { thankYouSeconds: 0.1 }, upstream: { pseudonymKey: KEY, batchSize: 3 } } });
    const kiosk = await t.client(TOKENS.kiosk1);
    const visits: Array<{ card: string | null; codes: string[] }> = [
      { card: 'LOY10000001', codes: [COLA, COLA, MILK] },
      { card: 'LOY10000002', codes: [CHIPS] },
      { card: null, codes: [COLA, COLA] },
      { card: 'LOY10000001', codes: [MILK] },
      { card: 'LOY10000003', codes: [COLA, COLA, COLA] },
      { card: 'LOY10000002', codes: [COLA, COLA, CHIPS] },
    ];
    for (const v of visits) await sell(kiosk, v);

    await expect.poll(async () => (await t.db.all<{ n: number }>('SELECT COUNT(*) AS n FROM outbox WHERE delivered_at IS NULL'))[0]!.n, { timeout: 10_000 }).toBe(0);
    const dir = join(t.dir, 'upstream');
    const events = readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as CloudEvent));
    const asOf = new Date();
    const { members, campaigns } = consume([...events, ...events.slice(0, 2)], asOf); // a redelivery changes nothing

    // What the store's own database says.
    const sales = await t.db.all<{ basket: string; total: number; paid_at: string }>("SELECT basket, total, paid_at FROM sales WHERE status = 'paid'");
    const expected = new Map<string, { frequency: number; monetary: number }>();
    const expectedCampaigns = new Map<string, { redemptions: number; discount: number }>();
    for (const s of sales) {
      const basket = JSON.parse(s.basket) as LaneSnapshot;
      for (const a of basket.adjustments) {
        const agg = expectedCampaigns.get(a.campaignId) ?? { redemptions: 0, discount: 0 };
        expectedCampaigns.set(a.campaignId, { redemptions: agg.redemptions + 1, discount: agg.discount + a.amount });
      }
      const member = basket.member?.id;
      if (!member || member === 'm3') continue; // no consent: not in the stream
      const p = pseudonymOf(KEY, member);
      const e = expected.get(p) ?? { frequency: 0, monetary: 0 };
      expected.set(p, { frequency: e.frequency + 1, monetary: e.monetary + s.total });
    }
    expect(new Map([...members].map(([k, v]) => [k, { frequency: v.frequency, monetary: v.monetary }]))).toEqual(expected);
    expect([...members.values()].every((m) => m.recencyDays === 0)).toBe(true);
    expect(members.size).toBe(2);
    expect(campaigns).toEqual(expectedCampaigns);
    // The engine picked the better offer per basket: 2 for 30 three times, 3 for 2 once (3 colas).
    expect(campaigns.get('c-cola-2for30')).toEqual({ redemptions: 3, discount: 600 + 1000 + 600 });
    expect(campaigns.get('c-cola-3for2')).toEqual({ redemptions: 1, discount: 1800 });
  });
});

async function sell(kiosk: Client, v: { card: string | null; codes: string[] }) {
  await nextSnapshot(kiosk, (s) => s.status === 'idle' || s.status === 'scanning', 5000).catch(() => undefined);
  if (v.card) await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code: v.card });
  for (const code of v.codes) await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code });
  const done = nextSnapshot(kiosk, (s) => s.status === 'finished', 10_000);
  expect(await kiosk.emitWithAck('lane:pay', { key: randomUUID() })).toMatchObject({ ok: true });
  await done;
}
