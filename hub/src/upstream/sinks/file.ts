/** The file sink: NDJSON, one file per day (in the store's time zone), appended and fsynced per batch. */
import { mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { OutboxEvent, Sink } from '../sink.js';

export interface FileSinkOptions {
  dir: string;
  timeZone: string;
  now?: () => Date;
}

const dayOf = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);

export function createFileSink(o: FileSinkOptions): Sink {
  const now = o.now ?? (() => new Date());
  let ready: Promise<unknown> | null = null;
  return {
    name: 'file',
    async send(batch: readonly OutboxEvent[]) {
      ready ??= mkdir(o.dir, { recursive: true });
      await ready;
      const file = await open(join(o.dir, `events-${dayOf(now(), o.timeZone)}.ndjson`), 'a');
      try {
        await file.appendFile(batch.map((e) => `${e.json}\n`).join(''), 'utf8');
        await file.sync();
      } finally {
        await file.close();
      }
    },
    async close() {},
  };
}
