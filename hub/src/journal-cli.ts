#!/usr/bin/env node
/** The electronic journal's command line: verify the hash chain of a database (read-only), export a range. */
import { realpathSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sqlite3 from 'sqlite3';
import { journalCsv, parsed, verifyChain } from './services/journal/journal.service.js';
import { toRecord, type JournalRow } from './storage/journal.repository.js';
import type { Output } from './backup-cli.js';

const USAGE = `usage: selfserve-journal verify --db FILE
       selfserve-journal export --db FILE --from ISO --to ISO [--format json|csv] [--out FILE]
  verify  walks the chain from record 1: numbers without gaps, each record linked to the one before,
          each hash matching what it covers; exits 1 at the first break, naming it
  export  the records written from --from until --to (ISO dates or instants), as JSON (default) or CSV`;

function all(db: sqlite3.Database, sql: string, params: unknown[]): Promise<JournalRow[]> {
  return new Promise((resolve, reject) => db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as JournalRow[]))));
}

export async function journalCli(argv: string[], out: Output = console): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { db: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string', default: 'json' }, out: { type: 'string' }, help: { type: 'boolean', default: false } },
  });
  if (values.help) return (out.log(USAGE), 0);
  const command = positionals[0];
  const ok = positionals.length === 1 && values.db && (command === 'verify' || (command === 'export' && values.from && values.to && ['json', 'csv'].includes(values.format!)));
  if (!ok) return (out.error(USAGE), 2);
  const db = new sqlite3.Database(values.db!, sqlite3.OPEN_READONLY);
  try {
    if (command === 'verify') {
      const result = await verifyChain(async (after) => (await all(db, 'SELECT * FROM journal WHERE seq > ? ORDER BY seq LIMIT 2000', [after])).map(toRecord));
      if (result.ok) {
        out.log(`journal ok: ${result.records} records, the last number ${result.lastSeq ?? '(none)'}`);
        return 0;
      }
      out.error(`journal BROKEN at record ${result.broken!.seq}: ${result.broken!.reason} (${result.records} records before it are intact)`);
      return 1;
    }
    const rows = (await all(db, 'SELECT * FROM journal WHERE at >= ? AND at < ? ORDER BY seq', [values.from, values.to])).map((r) => parsed(toRecord(r)));
    const text = values.format === 'csv' ? journalCsv(rows) : JSON.stringify({ from: values.from, to: values.to, records: rows }, null, 1);
    if (values.out) writeFileSync(values.out, text);
    else out.log(text);
    return 0;
  } finally {
    db.close();
  }
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  journalCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
