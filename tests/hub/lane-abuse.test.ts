import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MILK } from '../helpers/catalog.js';
import { startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';

let t: TestHub;
beforeEach(async () => {
  t = await startTestHub({ config: { limits: { eventsPerSecond: 5, eventBurst: 10, maxMessageBytes: 4096 } } });
});
afterEach(() => t.close());

describe('hostile input at a lane', () => {
  it('a flood from one device is refused without touching another lane', async () => {
    const flooder = await t.client(TOKENS.kiosk1);
    const other = await t.client(TOKENS.kiosk2);
    const acks = await Promise.all(Array.from({ length: 30 }, () => flooder.emitWithAck('lane:sync', {})));
    expect(acks.filter((a) => !a.ok && a.error.code === 'rate-limited').length).toBeGreaterThan(0);
    expect(await other.emitWithAck('lane:scan', { key: randomUUID(), code: MILK })).toMatchObject({ ok: true });
  });

  it('an oversized message closes only the sender\'s connection', async () => {
    const sender: Client = await t.client(TOKENS.kiosk1);
    const other = await t.client(TOKENS.kiosk2);
    const closed = new Promise<string>((resolve) => sender.once('disconnect', resolve));
    sender.emit('lane:scan', { key: randomUUID(), code: 'x'.repeat(10_000) } as never, () => undefined);
    expect(await closed).toBeTruthy();
    expect(await other.emitWithAck('lane:sync', {})).toMatchObject({ ok: true });
  });

  it('an event without an ack callback changes nothing', async () => {
    const kiosk = await t.client(TOKENS.kiosk1);
    kiosk.emit('lane:scan', { key: randomUUID(), code: MILK } as never, undefined as never);
    const ack = await kiosk.emitWithAck('lane:sync', {});
    expect(ack).toMatchObject({ ok: true, data: { lines: [] } });
  });
});
