import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { LaneSnapshot } from '@selfserve/shared';
import type { SimulatedPrinterState } from '../../hub/src/devices/printer/simulator.js';
import { MILK } from '../helpers/catalog.js';
import { nextSnapshot, startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';
import { recordReliability } from '../helpers/reliability.js';
import { createStaff, signIn } from '../helpers/staff.js';

let t: TestHub;
afterEach(() => t?.close());
const figures = { faults: 0, checked: 0 };

async function start() {
  t = await startTestHub({ terminal: true, printer: true, config: { checkout: { thankYouSeconds: 30, printRetryMs: 100 } } });
  const kiosk = await t.client(TOKENS.kiosk1);
  const station = await t.client(TOKENS.station);
  await signIn(station, await createStaff(t, 'attendant'));
  await station.emitWithAck('staff:watch', {});
  return { kiosk, station };
}
const until = (c: Client, p: (s: LaneSnapshot) => boolean) => nextSnapshot(c, p, 10_000);

async function pay(kiosk: Client): Promise<LaneSnapshot> {
  await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code: MILK });
  const done = until(kiosk, (s) => s.status === 'finished');
  await kiosk.emitWithAck('lane:pay', { key: randomUUID() });
  return done;
}

describe('the receipt printer fails; the sale stands', () => {
  for (const [state, words] of [
    ['offline', /offline|slukket|ikke forbundet|off/i],
    ['cover-open', /låg|cover/i],
    ['paper-out', /papir|paper/i],
  ] as Array<[SimulatedPrinterState, RegExp]>) {
    it(`${state}: read with DLE EOT, explained on the kiosk and to staff; the receipt prints when the printer is back`, async () => {
      const { kiosk, station } = await start();
      t.printer!.setState(state);
      const atKiosk = until(kiosk, (s) => s.printer?.reason === state);
      const atStation = until(station, (s) => s.laneId === 'lane-1' && s.printer?.reason === state);
      const paid = await pay(kiosk);
      const problem = (await atKiosk).printer!;
      expect(`${problem.message.da} ${problem.message.en}`).toMatch(words);
      expect(problem.queued).toBe(1);
      await atStation;
      // The shopper still has the receipt number to show; the sale is paid whatever the printer does.
      expect(paid.receipt).toMatchObject({ saleId: expect.any(String), number: 1 });
      expect(await t.db.all('SELECT status FROM sales')).toEqual([{ status: 'paid' }]);
      expect(t.printer!.receipts).toHaveLength(0);
      const cleared = until(station, (s) => s.laneId === 'lane-1' && s.printer === null);
      t.printer!.setState('ready');
      await cleared;
      await expect.poll(() => t.printer!.receipts.length, { timeout: 10_000 }).toBe(1);
      expect(t.printer!.receipts[0]!.text).toContain(paid.receipt!.saleId);
      figures.faults++;
      figures.checked++;
    });
  }

  it('a receipt cut off mid-way is printed again whole, and a reprint works', async () => {
    const { kiosk, station } = await start();
    t.printer!.dropNextJob(150);
    const paid = await pay(kiosk);
    const saleId = paid.receipt!.saleId;
    await expect.poll(() => t.printer!.receipts.filter((r) => r.text.includes(saleId)).length, { timeout: 10_000 }).toBe(1);
    const jobs = await t.db.all<{ state: string; attempts: number }>('SELECT state, attempts FROM print_jobs');
    expect(jobs).toEqual([{ state: 'printed', attempts: 2 }]);
    expect(await station.emitWithAck('staff:reprint', { key: randomUUID(), laneId: 'lane-1' })).toMatchObject({ ok: true });
    await expect.poll(() => t.printer!.receipts.filter((r) => r.text.includes(saleId)).length, { timeout: 10_000 }).toBe(2);
    figures.faults++;
    figures.checked++;
    recordReliability('printer', {
      what: 'printer offline, cover open, out of paper, and cut off mid-receipt: explained to shopper and staff, the receipt queued and printed when back, reprint works, every sale paid',
      faultsInjected: figures.faults,
      checked: figures.checked,
      inputsTried: 0,
      violations: 0,
    });
  });
});
