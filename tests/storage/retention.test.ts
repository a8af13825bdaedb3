import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { backupFileName, pruneBackups, schemaVersionOf, startBackups } from '../../hub/src/storage/backup.js';
import { Database } from '../../hub/src/storage/db.js';
import { LATEST_SCHEMA } from '../../hub/src/storage/migrations.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'selfserve-retention-'));
  dirs.push(d);
  return d;
};
const DAY = 86_400_000;
const NOW = new Date(2025, 5, 15, 3, 0, 0);
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

describe('backup retention', () => {
  it('deletes scheduled backups older than keepDays and nothing else', () => {
    const dir = tempDir();
    for (const n of [30, 15, 13, 1, 0]) writeFileSync(join(dir, backupFileName(daysAgo(n))), '');
    const other = ['pre-upgrade-v3-to-v7-20240101-000000.sqlite', 'hub.sqlite', 'notes.txt'];
    for (const f of other) writeFileSync(join(dir, f), '');

    const deleted = pruneBackups(dir, 14, NOW);
    expect(deleted.sort()).toEqual([join(dir, backupFileName(daysAgo(30))), join(dir, backupFileName(daysAgo(15)))].sort());
    expect(readdirSync(dir).sort()).toEqual([...other, ...[13, 1, 0].map((n) => backupFileName(daysAgo(n)))].sort());
  });

  it('keeps the newest backup even when it is older than keepDays (the hub was off for weeks)', () => {
    const dir = tempDir();
    for (const n of [40, 20]) writeFileSync(join(dir, backupFileName(daysAgo(n))), '');
    expect(pruneBackups(dir, 14, NOW)).toEqual([join(dir, backupFileName(daysAgo(40)))]);
    expect(existsSync(join(dir, backupFileName(daysAgo(20))))).toBe(true);
  });

  it('a scheduled run writes hub-YYYYMMDD-HHMMSS.sqlite, logs it, and deletes the backups older than keepDays', async () => {
    const dir = tempDir();
    const backups = join(dir, 'backups');
    const db = await Database.open(join(dir, 'hub.sqlite'));
    const logged: Array<Record<string, unknown>> = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line) as Record<string, unknown>) });
    try {
      mkdirSync(backups);
      writeFileSync(join(backups, backupFileName(daysAgo(20))), '');
      writeFileSync(join(backups, backupFileName(new Date(NOW.getTime() - 3_600_000))), '');
      const schedule = startBackups({ db, dir: backups, everyHours: 24, keepDays: 14, log, now: () => NOW });
      const result = await schedule.runNow();
      await schedule.stop();

      expect(result?.file).toBe(join(backups, 'hub-20250615-030000.sqlite'));
      expect(await schemaVersionOf(result!.file)).toBe(LATEST_SCHEMA);
      expect(readdirSync(backups).sort()).toEqual([backupFileName(new Date(NOW.getTime() - 3_600_000)), 'hub-20250615-030000.sqlite'].sort());
      expect(logged.map((l) => l.msg)).toEqual(['database backed up', 'old backups deleted']);
    } finally {
      await db.close();
    }
  });
});
