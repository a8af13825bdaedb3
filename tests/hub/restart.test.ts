import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHub } from '../../hub/src/app.js';
import { createLogger } from '../../hub/src/log.js';
import { Database } from '../../hub/src/storage/db.js';
import { MILK } from '../helpers/catalog.js';
import { startTestHub, testConfig, TOKENS } from '../helpers/hub.js';
import { io } from 'socket.io-client';

describe('a restarted hub', () => {
  it('comes back to the lane\'s basket and still refuses a replayed scan', async () => {
    const t = await startTestHub();
    const kiosk = await t.client(TOKENS.kiosk1);
    const key = randomUUID();
    await kiosk.emitWithAck('lane:scan', { key, code: MILK });
    kiosk.disconnect();
    await t.hub.stop();
    await t.db.close();

    const db = await Database.open(t.dir + '/hub.sqlite');
    const hub = createHub({ config: testConfig(t.dir), db, log: createLogger('silent') });
    await hub.catalog.load();
    const { url } = await hub.start();
    const again = io(url, { auth: { token: TOKENS.kiosk1 }, transports: ['websocket'], reconnection: false });
    try {
      const replay = await again.emitWithAck('lane:scan', { key, code: MILK });
      expect(replay).toMatchObject({ ok: true, data: { line: { lineId: 'L1', quantity: 1 } } });
      const snap = await again.emitWithAck('lane:sync', {});
      expect(snap).toMatchObject({ ok: true, data: { lines: [{ productId: 'milk', quantity: 1 }] } });
    } finally {
      again.disconnect();
      await hub.stop();
      await db.close();
    }
  });
});
