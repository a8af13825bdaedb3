#!/usr/bin/env node
/** The backup command line: an online backup of a running hub's database, a restore with the hub stopped, a check. */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { backupDatabase, backupFileName, integrityProblems, pruneBackups, restoreDatabase, RestoreError, schemaVersionOf } from './storage/backup.js';
import { LATEST_SCHEMA } from './storage/migrations.js';

const USAGE = `usage: selfserve-backup backup --db FILE (--to FILE | --dir DIR [--keep-days N])
       selfserve-backup restore --from FILE --db FILE
       selfserve-backup check --db FILE
  backup   an online copy (SQLite's backup API; safe while the hub runs), integrity-checked;
           --dir names it hub-YYYYMMDD-HHMMSS.sqlite and deletes ones older than --keep-days (default 14)
  restore  stop the hub first: checks the backup, keeps the current file as FILE.before-restore,
           puts the backup in its place
  check    integrity_check and the schema version of a database or a backup`;

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

export async function backupCli(argv: string[], out: Output = console): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      to: { type: 'string' },
      dir: { type: 'string' },
      'keep-days': { type: 'string' },
      from: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    out.log(USAGE);
    return 0;
  }
  const command = positionals[0];
  const keepDays = values['keep-days'] === undefined ? 14 : Number(values['keep-days']);
  const valid =
    positionals.length === 1 &&
    values.db !== undefined &&
    ((command === 'backup' && (values.to === undefined) !== (values.dir === undefined) && keepDays > 0) ||
      (command === 'restore' && values.from !== undefined) ||
      command === 'check');
  if (!valid) {
    out.error(USAGE);
    return 2;
  }
  const db = values.db!;

  if (command === 'backup') {
    const target = values.to ?? join(values.dir!, backupFileName(new Date()));
    const result = await backupDatabase(db, target);
    out.log(`backup written: ${result.file} (${result.pages} pages, ${result.ms} ms, integrity ok)`);
    if (values.dir !== undefined) for (const file of pruneBackups(values.dir, keepDays)) out.log(`deleted (older than ${keepDays} days): ${file}`);
    return 0;
  }

  if (command === 'restore') {
    try {
      const { asideFile, schemaVersion } = await restoreDatabase(values.from!, db);
      if (asideFile) out.log(`the database it replaced is kept as ${asideFile}`);
      out.log(`restored ${values.from} to ${db} (schema version ${schemaVersion}; this code runs ${LATEST_SCHEMA})`);
      if (schemaVersion < LATEST_SCHEMA) out.log('this code migrates it forward when the hub starts; for a rollback start the earlier version instead');
      if (schemaVersion > LATEST_SCHEMA) out.log('it is newer than this code: start the version it came from');
      return 0;
    } catch (err) {
      if (!(err instanceof RestoreError)) throw err;
      out.error(err.message);
      return 1;
    }
  }

  const problems = await integrityProblems(db);
  if (problems.length > 0) {
    out.error(`${db}: integrity_check failed:\n  ${problems.slice(0, 20).join('\n  ')}`);
    return 1;
  }
  out.log(`${db}: integrity ok, schema version ${await schemaVersionOf(db)} (this code runs ${LATEST_SCHEMA})`);
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  backupCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
