import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase, integrityProblems, restoreDatabase, RestoreError } from '../../hub/src/storage/backup.js';
import { Database } from '../../hub/src/storage/db.js';
import { CHIPS, COLA, MILK } from '../helpers/catalog.js';
import { nextSnapshot, startTestHub, TOKENS, type Client, type TestHub } from '../helpers/hub.js';

let t: TestHub | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'selfserve-backup-'));
  dirs.push(d);
  return d;
};

async function sell(kiosk: Client, codes: string[]) {
  await nextSnapshot(kiosk, (s) => s.status === 'idle' || s.status === 'scanning', 5000).catch(() => undefined);
  for (const code of codes) expect(await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code })).toMatchObject({ ok: true });
  const done = nextSnapshot(kiosk, (s) => s.status === 'finished', 10_000);
  expect(await kiosk.emitWithAck('lane:pay', { key: randomUUID() })).toMatchObject({ ok: true });
  await done;
}

async function tableOf(file: string, sql: string) {
  const db = await Database.open(file);
  try {
    return await db.all<Record<string, unknown>>(sql);
  } finally {
    await db.close();
  }
}

describe('online backup and restore', () => {
  it('a backup taken while the hub goes on selling, restored into a new file, holds the identical sales table and passes integrity_check', async () => {
    t = await startTestHub({ terminal: true, config: { checkout: { thankYouSeconds: 0.1 } } });
    const kiosk = await t.client(TOKENS.kiosk1);
    await sell(kiosk, [COLA, MILK]);

    // One page per step, and a whole sale between steps: pages already copied change under the backup.
    let soldDuringBackup = 0;
    const backup = join(t.dir, 'backups', 'hub.sqlite');
    const result = await backupDatabase(t.db, backup, {
      pagesPerStep: 1,
      onStep: async () => {
        if (soldDuringBackup >= 4) return;
        await sell(kiosk, soldDuringBackup % 2 ? [COLA, CHIPS] : [MILK, MILK, COLA]);
        soldDuringBackup++;
      },
    });
    expect(soldDuringBackup).toBe(4);
    expect(result.steps).toBeGreaterThan(4);
    expect(existsSync(`${backup}.partial`)).toBe(false);

    const restored = join(tempDir(), 'restored.sqlite');
    expect(await restoreDatabase(backup, restored)).toMatchObject({ asideFile: null });
    expect(await integrityProblems(restored)).toEqual([]);

    const live = await t.db.all<Record<string, unknown>>('SELECT * FROM sales ORDER BY number');
    expect(live).toHaveLength(5);
    expect(live.every((s) => s.status === 'paid')).toBe(true);
    expect(await tableOf(restored, 'SELECT * FROM sales ORDER BY number')).toEqual(live);
    expect(await tableOf(restored, 'SELECT * FROM payments ORDER BY service_id')).toEqual(await t.db.all('SELECT * FROM payments ORDER BY service_id'));
  });

  it('a restore refuses while the hub holds the database, and changes nothing', async () => {
    t = await startTestHub();
    const backup = join(t.dir, 'b.sqlite');
    await backupDatabase(t.db, backup);
    await expect(restoreDatabase(backup, t.db.file)).rejects.toThrow(RestoreError);
    await expect(restoreDatabase(backup, t.db.file)).rejects.toThrow(/in use/);
    expect(existsSync(`${t.db.file}.before-restore`)).toBe(false);
  });

  it('a restore refuses a backup that is not a sound database, and keeps the current one', async () => {
    const dir = tempDir();
    const file = join(dir, 'hub.sqlite');
    const db = await Database.open(file);
    await db.run("INSERT INTO lanes (id, name, status, version, updated_at) VALUES ('lane-1', 'Lane 1', 'idle', 1, '2025-01-01T00:00:00Z')");
    await db.close();
    const bad = join(dir, 'bad.sqlite');
    writeFileSync(bad, 'SQLite format 3\0 but then nothing a database holds'.repeat(200));
    await expect(restoreDatabase(bad, file)).rejects.toThrow(/not a sound database/);
    expect(await tableOf(file, 'SELECT id FROM lanes')).toEqual([{ id: 'lane-1' }]);
  });

  it('a restore keeps the current database aside as <db>.before-restore, and the restored one opens with the backup rows', async () => {
    const dir = tempDir();
    const file = join(dir, 'hub.sqlite');
    const db = await Database.open(file);
    await db.run("INSERT INTO lanes (id, name, status, version, updated_at) VALUES ('lane-1', 'Lane 1', 'idle', 1, '2025-01-01T00:00:00Z')");
    await backupDatabase(db, join(dir, 'backup.sqlite'));
    await db.run("INSERT INTO lanes (id, name, status, version, updated_at) VALUES ('lane-2', 'Lane 2', 'idle', 1, '2025-01-01T00:00:00Z')");
    await db.close();

    const { asideFile } = await restoreDatabase(join(dir, 'backup.sqlite'), file);
    expect(asideFile).toBe(`${file}.before-restore`);
    expect(await tableOf(file, 'SELECT id FROM lanes ORDER BY id')).toEqual([{ id: 'lane-1' }]);
    expect(await tableOf(`${file}.before-restore`, 'SELECT id FROM lanes ORDER BY id')).toEqual([{ id: 'lane-1' }, { id: 'lane-2' }]);
  });
});
