import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupCli } from '../../hub/src/backup-cli.js';
import { schemaVersionOf } from '../../hub/src/storage/backup.js';
import { Database } from '../../hub/src/storage/db.js';
import { LATEST_SCHEMA } from '../../hub/src/storage/migrations.js';
import { startHubProcess, writeConfig, type HubProcess } from '../helpers/process.js';

let hub: HubProcess | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await hub?.kill();
  hub = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const AT = '2025-03-01T10:00:00.000Z';
const OLD = 3;

/** The database a store running the release with schema version 3 has: two lanes, a paid sale. */
async function olderStore(file: string) {
  const db = await Database.open(file, { schemaVersion: OLD });
  await db.exec(`
    INSERT INTO lanes (id, name, status, version, updated_at) VALUES ('lane-1', 'Lane 1', 'idle', 3, '${AT}'), ('lane-2', 'Lane 2', 'idle', 0, '${AT}');
    INSERT INTO visits (id, lane_id, status, started_at) VALUES ('v1', 'lane-1', 'completed', '${AT}');
    INSERT INTO sales (id, number, lane_id, visit_id, status, total, currency, basket, created_at, paid_at) VALUES ('s1', 1, 'lane-1', 'v1', 'paid', 1295, 'DKK', '{}', '${AT}', '${AT}');`);
  await db.close();
}

const quiet = () => {
  const lines: string[] = [];
  return { lines, out: { log: (l: string) => void lines.push(l), error: (l: string) => void lines.push(l) } };
};

describe('upgrade and rollback', () => {
  it('the hub backs an older database up before migrating it, and a rollback (restore that backup, run the earlier version) finds the store as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfserve-upgrade-'));
    dirs.push(dir);
    const file = join(dir, 'hub.sqlite');
    await olderStore(file);

    hub = await startHubProcess(writeConfig(dir, { http: { host: '127.0.0.1', port: 0 }, database: { file }, log: { level: 'silent' }, backup: { everyHours: 24 } }));
    const backups = join(dir, 'backups');
    const preUpgrade = readdirSync(backups).filter((f) => f.startsWith(`pre-upgrade-v${OLD}-to-v${LATEST_SCHEMA}-`) && f.endsWith('.sqlite'));
    expect(preUpgrade).toHaveLength(1);
    const preUpgradeFile = join(backups, preUpgrade[0]!);
    expect(await schemaVersionOf(preUpgradeFile)).toBe(OLD);
    // With no backup yet, the first scheduled one is taken at once.
    await expect.poll(() => readdirSync(backups).filter((f) => /^hub-\d{8}-\d{6}\.sqlite$/.test(f)).length, { timeout: 10_000 }).toBe(1);

    // The hub ran the new version (and sold on it); then the upgrade is rolled back.
    await hub.kill();
    hub = undefined;
    expect(await schemaVersionOf(file)).toBe(LATEST_SCHEMA);
    const { lines, out } = quiet();
    expect(await backupCli(['restore', '--from', preUpgradeFile, '--db', file], out)).toBe(0);
    expect(lines.join('\n')).toContain(`schema version ${OLD}`);
    expect(existsSync(`${file}.before-restore`)).toBe(true);

    // The earlier version's code (its migrations end at OLD) opens the restored file as its own.
    const earlier = await Database.open(file, { schemaVersion: OLD });
    try {
      expect(await earlier.schemaVersion()).toBe(OLD);
      expect(await earlier.all('SELECT id, status, total FROM sales')).toEqual([{ id: 's1', status: 'paid', total: 1295 }]);
      expect((await earlier.all<{ name: string }>("SELECT name FROM sqlite_master WHERE name = 'staff'")).length).toBe(0);
    } finally {
      await earlier.close();
    }
    // The earlier version cannot open what the later one left: migrations only go forward.
    await expect(Database.open(`${file}.before-restore`, { schemaVersion: OLD })).rejects.toThrow(/newer than this code/);
  });

  it('a current database is opened without a pre-upgrade backup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfserve-upgrade-'));
    dirs.push(dir);
    const file = join(dir, 'hub.sqlite');
    await (await Database.open(file)).close();
    hub = await startHubProcess(writeConfig(dir, { http: { host: '127.0.0.1', port: 0 }, database: { file }, log: { level: 'silent' }, backup: { everyHours: 0 } }));
    expect(existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')) : []).toEqual([]);
  });

  it('the backup CLI copies a database, checks it, and names and prunes scheduled backups in a directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfserve-upgrade-'));
    dirs.push(dir);
    const file = join(dir, 'hub.sqlite');
    await olderStore(file);
    const { lines, out } = quiet();
    expect(await backupCli(['backup', '--db', file, '--to', join(dir, 'copy.sqlite')], out)).toBe(0);
    expect(await backupCli(['check', '--db', join(dir, 'copy.sqlite')], out)).toBe(0);
    expect(lines.at(-1)).toContain(`integrity ok, schema version ${OLD}`);
    expect(await backupCli(['backup', '--db', file, '--dir', join(dir, 'b'), '--keep-days', '7'], out)).toBe(0);
    expect(readdirSync(join(dir, 'b'))).toEqual([expect.stringMatching(/^hub-\d{8}-\d{6}\.sqlite$/)]);
    expect(await backupCli(['backup', '--db', file], out)).toBe(2);
  });
});
