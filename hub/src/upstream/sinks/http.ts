/** The http sink: a batch as one POST of a JSON array (CloudEvents batched mode) to head office, bearer-authenticated. */
import type { OutboxEvent, Sink } from '../sink.js';
import { SinkError } from '../sink.js';

export interface HttpSinkOptions {
  url: string;
  token?: string | undefined;
  timeoutMs: number;
}

export function createHttpSink(o: HttpSinkOptions): Sink {
  return {
    name: 'http',
    async send(batch: readonly OutboxEvent[]) {
      let res: Response;
      try {
        res = await fetch(o.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/cloudevents-batch+json; charset=utf-8',
            ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
          },
          body: `[${batch.map((e) => e.json).join(',')}]`,
          signal: AbortSignal.timeout(o.timeoutMs),
        });
      } catch (err) {
        throw new SinkError(`head office could not be reached: ${(err as Error).message}`);
      }
      // Read the body so the connection can be reused; its content does not matter.
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) throw new SinkError(`head office answered ${res.status}`);
    },
    async close() {},
  };
}
