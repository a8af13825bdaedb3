/** The sink the configuration names. */
import { dirname, join } from 'node:path';
import type { Config } from '../../config.js';
import type { Logger } from '../../log.js';
import type { Sink } from '../sink.js';
import { createFileSink } from './file.js';
import { createHttpSink } from './http.js';
import { createNatsSink } from './nats.js';

export function sinkFromConfig(config: Config, log: Logger): Sink {
  const sink = config.upstream.sink;
  switch (sink.kind) {
    case 'file':
      // Beside the database by default: one folder to back up.
      return createFileSink({ dir: sink.dir ?? join(dirname(config.database.file), 'upstream'), timeZone: config.store.timeZone });
    case 'http':
      return createHttpSink({ url: sink.url, token: sink.token, timeoutMs: sink.timeoutMs });
    case 'nats': {
      const { kind: _kind, ...options } = sink;
      return createNatsSink({ ...options, storeId: config.store.id, name: `selfserve-hub ${config.store.id}` }, log);
    }
  }
}
