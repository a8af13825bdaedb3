import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from './db.js';
import { inlineStatement, sqlLiteral } from './inline-sql.js';

let dir: string;
let db: Database;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'selfserve-inline-'));
  db = await Database.open(join(dir, 'db.sqlite'));
  await db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v)');
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('inlined SQL literals', () => {
  it('any text without NUL is stored exactly as given, quotes and all', async () => {
    const text = fc.string({ unit: 'binary', maxLength: 200 }).filter((s) => !s.includes('\0'));
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 5 }), async (values) => {
        await db.write([{ sql: 'DELETE FROM t', params: [] }, ...values.map((v, i) => ({ sql: 'INSERT INTO t (id, v) VALUES (?, ?)', params: [i, v] }))]);
        const rows = await db.all<{ v: string }>('SELECT v FROM t ORDER BY id');
        expect(rows.map((r) => r.v)).toEqual(values);
      }),
      { numRuns: 60 },
    );
  });

  it("an attempt to break out of a quoted string stays data", async () => {
    const evil = "x'); DROP TABLE t; --";
    await db.write([{ sql: 'INSERT INTO t (v) VALUES (?)', params: [evil] }]);
    expect(await db.get('SELECT v FROM t WHERE v = ?', [evil])).toEqual({ v: evil });
  });

  it('numbers, nulls and buffers keep their types', async () => {
    await db.write([{ sql: 'INSERT INTO t (id, v) VALUES (?, ?), (?, ?), (?, ?)', params: [100, -12345, 101, null, 102, Buffer.from([0, 255])] }]);
    const rows = await db.all<{ v: unknown }>('SELECT v FROM t WHERE id >= 100 ORDER BY id');
    expect(rows.map((r) => r.v)).toEqual([-12345, null, Buffer.from([0, 255])]);
  });

  it('refuses what it cannot write safely', () => {
    expect(() => sqlLiteral('a\0b')).toThrow(/NUL/);
    expect(() => sqlLiteral(Number.NaN)).toThrow();
    expect(() => inlineStatement({ sql: 'SELECT ?, ?', params: [1] })).toThrow(/too few/);
    expect(() => inlineStatement({ sql: 'SELECT ?', params: [1, 2] })).toThrow(/placeholders/);
  });

  it('a question mark inside quoted SQL text is not a placeholder', () => {
    expect(inlineStatement({ sql: "SELECT '?', ?", params: ['a'] })).toBe("SELECT '?', 'a'");
  });

  it('a failing statement rolls back its whole batch and leaves other writes alone', async () => {
    await db.write([{ sql: 'DELETE FROM t', params: [] }]);
    const good = db.write([{ sql: 'INSERT INTO t (id, v) VALUES (?, ?)', params: [1, 'kept'] }]);
    const bad = db.write([
      { sql: 'INSERT INTO t (id, v) VALUES (?, ?)', params: [2, 'undone'] },
      { sql: 'INSERT INTO t (id, v) VALUES (?, ?)', params: [1, 'duplicate key'] },
    ]);
    await expect(good).resolves.toBeUndefined();
    await expect(bad).rejects.toThrow(/UNIQUE/);
    expect(await db.all('SELECT id, v FROM t ORDER BY id')).toEqual([{ id: 1, v: 'kept' }]);
  });
});
