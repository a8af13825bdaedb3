import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COLA, MILK } from '../helpers/catalog.js';
import { startTestHub, TOKENS, type TestHub } from '../helpers/hub.js';
import { recordReliability } from '../helpers/reliability.js';

let t: TestHub;
let mounted: string | null = null;
afterEach(async () => {
  await t?.close();
  if (mounted) execFileSync('umount', [mounted]);
  if (mounted) rmSync(mounted, { recursive: true, force: true });
  mounted = null;
});

/** A 4 MB filesystem of its own (tmpfs, as root), so the database's disk can really fill up. */
function tinyDisk(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'selfserve-tinydisk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

/** Fills the disk to the last byte with a file; deleting it gives the space back. */
function fill(dir: string): string {
  const file = join(dir, 'filler');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (let size = chunk.length; size >= 1; ) {
      try {
        writeSync(fd, chunk, 0, size);
      } catch {
        size = Math.floor(size / 2);
      }
    }
  } finally {
    closeSync(fd);
  }
  return file;
}
const canMount = process.getuid?.() === 0;

const fingerprint = async () => ({
  lines: await t.db.all('SELECT visit_id, line_id, quantity, removed_at FROM visit_lines ORDER BY visit_id, line_id'),
  lanes: await t.db.all('SELECT id, status, version, visit_id FROM lanes ORDER BY id'),
  acks: (await t.db.all<{ n: number }>('SELECT COUNT(*) AS n FROM idempotency'))[0]!.n,
  sales: (await t.db.all<{ n: number }>('SELECT COUNT(*) AS n FROM sales'))[0]!.n,
});
const health = async () => {
  const res = await fetch(`${t.url}/healthz`);
  return { status: res.status, body: (await res.json()) as { database: string } };
};

describe('a full disk', () => {
  // Mounting a filesystem needs root, which CI has (it installs packages); elsewhere this is skipped, and says so.
  it.runIf(canMount)('stops selling with a clear call-staff answer, writes nothing half, and sells again when space returns', async () => {
    mounted = tinyDisk();
    if (!mounted) throw new Error('could not mount a tmpfs for the full-disk test, though running as root');
    t = await startTestHub({ terminal: true, config: { checkout: { thankYouSeconds: 0.1 }, database: { file: join(mounted, 'hub.sqlite') } } });
    const kiosk = await t.client(TOKENS.kiosk1);
    const other = await t.client(TOKENS.kiosk2);
    expect(await kiosk.emitWithAck('lane:scan', { key: randomUUID(), code: MILK })).toMatchObject({ ok: true });
    const before = await fingerprint();

    // The disk fills up: SQLite cannot append to its write-ahead log (SQLITE_FULL).
    const filler = fill(mounted);
    const during = await fingerprint();
    let faults = 0;
    const key = randomUUID();
    const refused = await kiosk.emitWithAck('lane:scan', { key, code: COLA });
    faults++;
    expect(refused).toMatchObject({ ok: false, error: { code: 'storage-full', message: expect.stringMatching(/call staff/) } });
    expect(await other.emitWithAck('lane:scan', { key: randomUUID(), code: MILK })).toMatchObject({ ok: false, error: { code: 'storage-full' } });
    faults++;
    expect(await kiosk.emitWithAck('lane:pay', { key: randomUUID() })).toMatchObject({ ok: false, error: { code: 'storage-full' } });
    faults++;
    expect(await fingerprint()).toEqual(during);
    expect(await health()).toMatchObject({ status: 503, body: { database: expect.stringMatching(/^full/) } });
    // The lane in memory is what the database holds: the refused scan is nowhere.
    const s = await kiosk.emitWithAck('lane:sync', {});
    expect(s).toMatchObject({ ok: true, data: { lines: [{ productId: 'milk' }], status: 'scanning' } });

    // Space returns: the same request (same key) now goes through once, and selling goes on.
    unlinkSync(filler);
    expect(await kiosk.emitWithAck('lane:scan', { key, code: COLA })).toMatchObject({ ok: true, data: { added: 'line' } });
    expect(await kiosk.emitWithAck('lane:scan', { key, code: COLA })).toMatchObject({ ok: true });
    expect((await fingerprint()).lines).toHaveLength(before.lines.length + 1);
    expect(await health()).toMatchObject({ status: 200, body: { database: 'ok' } });
    const paid = new Promise<void>((resolve) => kiosk.on('lane:snapshot', (x) => x.status === 'finished' && resolve()));
    expect(await kiosk.emitWithAck('lane:pay', { key: randomUUID() })).toMatchObject({ ok: true });
    await paid;
    expect((await fingerprint()).sales).toBe(1);
    recordReliability('disk-full', {
      what: 'the disk of the database (a 4 MB tmpfs) filled to the last byte: scans and a payment refused with storage-full, nothing written, /healthz 503; selling resumes when space returns',
      faultsInjected: faults,
      checked: 2,
      inputsTried: 0,
      violations: 0,
    });
  });
});
