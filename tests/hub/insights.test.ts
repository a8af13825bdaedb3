// The manager's store insights: computed from the store's own database, matching exactly what the lanes sold.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LaneSnapshot, StaffSessionInfo, StoreInsights, UpstreamStatus } from '@selfserve/shared';
import { CHIPS, COLA, MILK } from '../helpers/catalog.js';
import { nextSnapshot, startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';
import { createStaff, managerFetch, signIn } from '../helpers/staff.js';

const key = () => randomUUID();
const TZ = 'Europe/Copenhagen';
const localHour = (iso: string) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', hourCycle: 'h23' }).format(new Date(iso)));
const localDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

/** RFC 4180 as a spreadsheet reads it: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      (row = []), (cell = ''), i++;
    } else cell += c;
  }
  return rows;
}

/** Waits until the lane waits for its next shopper (the thank-you screen is over). */
async function whenIdle(kiosk: Client): Promise<void> {
  const idle = nextSnapshot(kiosk, (s) => s.status === 'idle', 5000);
  const now = await kiosk.emitWithAck('lane:sync', {});
  if (now.ok && now.data.status === 'idle') return void idle.catch(() => undefined);
  await idle;
}

/** Scans a basket at the kiosk and pays it; resolves with the basket as paid. */
async function sell(kiosk: Client, codes: string[], during?: () => Promise<void>): Promise<LaneSnapshot> {
  await whenIdle(kiosk);
  for (const code of codes) expect(await kiosk.emitWithAck('lane:scan', { key: key(), code })).toMatchObject({ ok: true });
  await during?.();
  const done = nextSnapshot(kiosk, (s) => s.status === 'finished', 10_000);
  expect(await kiosk.emitWithAck('lane:pay', { key: key() })).toMatchObject({ ok: true });
  return done;
}

describe('store insights from what the lanes sold', () => {
  let t: TestHub;
  let call: ReturnType<typeof managerFetch>;
  let session: StaffSessionInfo;
  let station: Client;
  const paid: LaneSnapshot[] = [];
  let started: string;

  beforeAll(async () => {
    t = await startTestHub({ terminal: true, config: { checkout: { thankYouSeconds: 0.1 } } });
    started = new Date(Date.now() - 1000).toISOString();
    const kiosk = await t.client(TOKENS.kiosk1);
    station = await t.client(TOKENS.station);
    await signIn(station, await createStaff(t, 'attendant', 'Anna'));
    expect(await station.emitWithAck('staff:watch', {})).toMatchObject({ ok: true });

    // A member buys three colas (member price 18,00, the third free: "Cola 3 for 2") and milk.
    paid.push(await sell(kiosk, ['LOY10000001', COLA, COLA, COLA, MILK]));
    // A shopper calls for help halfway, staff resolve it from the station, and the shopper pays.
    paid.push(
      await sell(kiosk, [MILK, CHIPS], async () => {
        const called = nextSnapshot(station, (s) => s.interventions.some((i) => i.reason === 'help'));
        await kiosk.emitWithAck('lane:callStaff', { key: key(), reason: 'help' });
        const help = (await called).interventions.find((i) => i.reason === 'help')!;
        await new Promise((r) => setTimeout(r, 150));
        expect(await station.emitWithAck('staff:resolve', { key: key(), laneId: 'lane-1', interventionId: help.id, outcome: 'approve' })).toMatchObject({ ok: true });
      }),
    );
    // A basket given up.
    await whenIdle(kiosk);
    await kiosk.emitWithAck('lane:scan', { key: key(), code: CHIPS });
    expect(await kiosk.emitWithAck('lane:cancel', { key: key() })).toMatchObject({ ok: true });
    // One cola at its normal price.
    paid.push(await sell(kiosk, [COLA]));
    await whenIdle(kiosk);

    const boss = await createStaff(t, 'manager', 'Mette');
    const managerStation = await t.client(TOKENS.station);
    session = await signIn(managerStation, boss);
    call = managerFetch(t, session, TOKENS.station);
  });
  afterAll(() => t?.close());

  const range = () => `?from=${encodeURIComponent(started)}&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`;
  async function insights(query = range()): Promise<StoreInsights> {
    const res = await call(`/api/manager/insights${query}`);
    expect(res.status).toBe(200);
    return res.json.data as StoreInsights;
  }

  it('sums the paid sales, their discount, the average basket and items per basket', async () => {
    const i = await insights();
    const total = paid.reduce((sum, s) => sum + s.totals.total, 0);
    expect(paid.map((s) => s.totals.total)).toEqual([4895, 3795, 2000]);
    expect(i).toMatchObject({ timeZone: TZ, currency: 'DKK' });
    expect(i.sales).toEqual({ count: 3, total, discount: 1800, averageBasket: Math.round(total / 3), itemsPerBasket: 2.33 });
    expect(i.sales.total).toBe(10690);
  });

  it("puts each sale in the store's local hour and day", async () => {
    const i = await insights();
    const sales = await t.db.all<{ paid_at: string; total: number }>("SELECT paid_at, total FROM sales WHERE status = 'paid'");
    const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, count: 0, total: 0 }));
    for (const s of sales) (hours[localHour(s.paid_at)]!.count += 1), (hours[localHour(s.paid_at)]!.total += s.total);
    expect(i.byHour).toEqual(hours);
    const days = [...new Set(sales.map((s) => localDay(s.paid_at)))];
    expect(i.byDay.filter((d) => d.count > 0).map((d) => d.day)).toEqual(days);
    expect(i.byDay.reduce((n, d) => n + d.count, 0)).toBe(3);
  });

  it('ranks items by what customers paid, and counts each campaign once per sale with its discount', async () => {
    const i = await insights();
    expect(i.topItems).toEqual([
      { productId: 'cola', name: { da: 'Cola 1,5 l', en: 'Cola 1.5 l' }, quantity: 4, weightGrams: 0, total: 3 * 1800 - 1800 + 2000 },
      { productId: 'milk', name: { da: 'Letmælk 1 l', en: 'Semi-skimmed milk 1 l' }, quantity: 2, weightGrams: 0, total: 2 * 1295 },
      { productId: 'chips', name: { da: 'Chips', en: 'Crisps' }, quantity: 1, weightGrams: 0, total: 2500 },
    ]);
    expect(i.campaigns).toEqual([{ campaignId: 'c-cola-3for2', name: { da: 'Cola 3 for 2' }, redemptions: 1, discount: 1800 }]);
  });

  it("gives the members' share of sales", async () => {
    const i = await insights();
    expect(paid.map((s) => s.member?.id ?? null)).toEqual(['m1', null, null]);
    expect(i.members).toEqual({ salesWithMember: 1, totalWithMember: 4895, share: 0.3333, revenueShare: Number((4895 / 10690).toFixed(4)) });
  });

  it('counts interventions by reason with the median time to resolve them', async () => {
    const i = await insights();
    const [help] = await t.db.all<{ opened_at: string; resolved_at: string }>("SELECT opened_at, resolved_at FROM interventions WHERE reason = 'help'");
    const seconds = (Date.parse(help!.resolved_at) - Date.parse(help!.opened_at)) / 1000;
    expect(seconds).toBeGreaterThanOrEqual(0.15);
    expect(i.interventions).toEqual([{ reason: 'help', count: 1, resolvedCount: 1, medianSecondsToResolve: seconds }]);
  });

  it("shows each lane's sales, visits, cancellations and the time shoppers were at it", async () => {
    const i = await insights();
    const visits = await t.db.all<{ started_at: string; ended_at: string }>("SELECT started_at, ended_at FROM visits WHERE lane_id = 'lane-1'");
    const busy = visits.reduce((m, v) => m + (Date.parse(v.ended_at) - Date.parse(v.started_at)) / 60_000, 0);
    const [one, two] = i.lanes;
    expect(one).toMatchObject({ laneId: 'lane-1', name: 'Lane 1', sales: 3, total: 10690, visits: 4, cancelled: 1 });
    expect(one!.busyMinutes).toBeCloseTo(busy, 2);
    // Of the range up to now (not its future): the lane was busy for most of this short range.
    const elapsed = (Date.now() - Date.parse(started)) / 60_000;
    expect(one!.utilisation).toBeGreaterThan(0);
    expect(one!.utilisation).toBeLessThanOrEqual(1);
    expect(one!.utilisation).toBeCloseTo(busy / elapsed, 1);
    expect(two).toEqual({ laneId: 'lane-2', name: 'Lane 2', sales: 0, total: 0, visits: 0, cancelled: 0, busyMinutes: 0, utilisation: 0 });
  });

  it("covers today in the store's time zone by default, and takes whole local days", async () => {
    const today = localDay(new Date().toISOString());
    const byDefault = await insights('');
    expect(localDay(byDefault.from)).toBe(today);
    expect(localHour(byDefault.from)).toBe(0);
    expect(byDefault.byHour).toHaveLength(24);
    expect(byDefault.byDay.map((d) => d.day)).toEqual([today]);
    const week = await insights(`?from=2024-03-25&to=2024-03-31`);
    expect([week.from, week.to]).toEqual(['2024-03-24T23:00:00.000Z', '2024-03-31T22:00:00.000Z']);
    expect(week.byDay.map((d) => d.day)).toEqual(['2024-03-25', '2024-03-26', '2024-03-27', '2024-03-28', '2024-03-29', '2024-03-30', '2024-03-31']);
    expect(week.sales).toMatchObject({ count: 0, total: 0, averageBasket: 0 });
  });

  it('exports the same figures as a CSV a spreadsheet opens: a block per section', async () => {
    const i = await insights();
    const res = await fetch(`${t.url}/api/manager/insights.csv${range()}&lang=en`, {
      headers: { authorization: `Bearer ${TOKENS.station}`, 'x-staff-session': session.session, 'x-csrf-token': session.csrf, origin: t.url },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename=insights-${localDay(started)}(_\\d{4}-\\d{2}-\\d{2})?\\.csv$`));
    const bytes = Buffer.from(await res.arrayBuffer());
    // A byte-order mark first, so a spreadsheet reads the file as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    const section = (name: string) => rows.filter((r) => r[0] === name);
    const header = (name: string) => rows[rows.indexOf(section(name)[0]!) - 1];
    expect(header('sales')).toEqual(['section', 'count', 'total', 'discount', 'averageBasket', 'itemsPerBasket']);
    expect(section('sales')).toEqual([['sales', '3', '10690', '1800', String(i.sales.averageBasket), '2.33']]);
    expect(section('byHour')).toHaveLength(24);
    expect(section('topItems')[0]).toEqual(['topItems', '1', 'cola', 'Cola 1.5 l', '4', '0', '5600']);
    expect(section('campaigns')).toEqual([['campaigns', 'c-cola-3for2', 'Cola 3 for 2', '1', '1800']]);
    expect(section('lanes').map((r) => r.slice(0, 7))).toEqual([
      ['lanes', 'lane-1', 'Lane 1', '3', '10690', '4', '1'],
      ['lanes', 'lane-2', 'Lane 2', '0', '0', '0', '0'],
    ]);
    // Blocks are apart by one empty row.
    expect(rows.filter((r) => r.length === 1 && r[0] === '')).toHaveLength(8);
  });

  it('says how far upstream delivery is', async () => {
    await expect.poll(async () => ((await call('/api/manager/upstream')).json.data as UpstreamStatus).backlog, { timeout: 10_000 }).toBe(0);
    const status = (await call('/api/manager/upstream')).json.data as UpstreamStatus;
    expect(status).toMatchObject({ sink: 'file', backlog: 0, oldestPending: null, lastError: null, failures: 0 });
    expect(status.delivered).toBeGreaterThanOrEqual(3);
    expect(status.lastDeliveredAt).not.toBeNull();
  });

  it('refuses bad dates, a reversed range, more than 366 days and unknown parameters', async () => {
    for (const query of ['?from=2024-13-01', '?from=yesterday', '?from=2024-06-02&to=2024-06-01', '?from=2024-01-01&to=2025-01-01', '?days=7', '?from=2024-01-01&from=2024-01-02']) {
      const res = await call(`/api/manager/insights${query}`);
      expect(res, query).toMatchObject({ status: 400, json: { ok: false, error: { code: 'bad-payload' } } });
    }
    expect(await call('/api/manager/insights.csv?from=2024-06-02&to=2024-06-01')).toMatchObject({ status: 400, json: { error: { code: 'bad-payload' } } });
    expect(await call('/api/manager/insights?from=2024-01-01&to=2024-12-31')).toMatchObject({ status: 200 });
    const week = await fetch(`${t.url}/api/manager/insights.csv?from=2024-03-25&to=2024-03-31`, {
      headers: { authorization: `Bearer ${TOKENS.station}`, 'x-staff-session': session.session, 'x-csrf-token': session.csrf, origin: t.url },
    });
    expect(week.headers.get('content-disposition')).toBe('attachment; filename=insights-2024-03-25_2024-03-31.csv');
  });

  it('is for managers only: an attendant or supervisor at the station is refused, and so is a kiosk', async () => {
    for (const role of ['attendant', 'supervisor'] as const) {
      const device = await t.client(TOKENS.station);
      const session: StaffSessionInfo = await signIn(device, await createStaff(t, role));
      const as = managerFetch(t, session, TOKENS.station);
      for (const path of ['/api/manager/insights', '/api/manager/insights.csv', '/api/manager/upstream']) {
        expect(await as(path), `${role} ${path}`).toMatchObject({ status: 403, json: { error: { code: 'unauthorized' } } });
      }
    }
    const kiosk = await t.client(TOKENS.kiosk2);
    const atLane = await signIn(kiosk, await createStaff(t, 'manager'));
    expect(await managerFetch(t, atLane, TOKENS.kiosk2)('/api/manager/insights')).toMatchObject({ status: 401 });
  });
});

describe('the upstream panel refreshing by itself', () => {
  let t: TestHub;
  afterEach(() => t?.close());

  it('neither asks for the PIN again nor keeps the admin window open; insights still do', async () => {
    t = await startTestHub({ config: { staff: { adminReauthSeconds: 1 } } });
    const station = await t.client(TOKENS.station);
    const call = managerFetch(t, await signIn(station, await createStaff(t, 'manager')), TOKENS.station);
    expect(await call('/api/manager/insights')).toMatchObject({ status: 200 });
    await new Promise((r) => setTimeout(r, 700));
    expect(await call('/api/manager/upstream')).toMatchObject({ status: 200 });
    await new Promise((r) => setTimeout(r, 500));
    // The poll above did not count as admin work: the window that the insights call opened has closed.
    expect(await call('/api/manager/upstream')).toMatchObject({ status: 200, json: { ok: true, data: { sink: 'file' } } });
    expect(await call('/api/manager/insights')).toMatchObject({ status: 401, json: { error: { code: 'reauth-required' } } });
  });
});
