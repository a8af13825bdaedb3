/** Makes sure a JetStream stream takes the subjects the hub uses: creates it, or checks the one that exists. */
import { nanos } from '@nats-io/transport-node';
import { JetStreamApiCodes, JetStreamApiError, RetentionPolicy, StorageType, type JetStreamManager, type StreamConfig, type StreamSource } from '@nats-io/jetstream';
import { subjectCovers } from './nats-subjects.js';
import type { NatsLog } from './nats-link.js';

export interface StreamWanted {
  name: string;
  /** Subjects the stream must take, e.g. sales.demo-store.> */
  subjects: string[];
  /** How long JetStream remembers a Nats-Msg-Id to drop a repeat; used only when creating the stream. */
  duplicateWindowMs: number;
  /** Only read from: a stream filled by sources or a mirror (a store's copy of head office's) is fine too. */
  readOnly?: boolean;
  /** Create it as a copy of these streams (e.g. head office's, in another JetStream domain) instead of taking the subjects. */
  sources?: StreamSource[];
}

export function isNotFound(err: unknown, code: number): boolean {
  return err instanceof JetStreamApiError && err.code === code;
}

/**
 * Creates the stream when it is missing. An existing stream is used as it is (an installer or head
 * office may have set limits, replicas or sources on it) as long as it takes every wanted subject.
 */
export async function ensureStream(jsm: JetStreamManager, wanted: StreamWanted, log: NatsLog): Promise<void> {
  let config: StreamConfig;
  try {
    config = (await jsm.streams.info(wanted.name)).config;
  } catch (err) {
    if (!isNotFound(err, JetStreamApiCodes.StreamNotFound)) throw err;
    await jsm.streams
      .add({
        name: wanted.name,
        ...(wanted.sources ? { sources: wanted.sources } : { subjects: wanted.subjects }),
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        duplicate_window: nanos(wanted.duplicateWindowMs),
      })
      .catch((cause: Error) => {
        throw new Error(`cannot create stream ${wanted.name} for ${wanted.subjects.join(', ')}: ${cause.message}`, { cause });
      });
    log.info({ stream: wanted.name, subjects: wanted.subjects, sources: wanted.sources?.map((x) => x.name) }, 'nats: stream created');
    return;
  }
  if (wanted.readOnly && (config.mirror || config.sources?.length)) return;
  const subjects = config.subjects ?? [];
  const missing = wanted.subjects.filter((s) => !subjects.some((f) => subjectCovers(f, s)));
  if (missing.length > 0) {
    throw new Error(
      `stream ${wanted.name} exists but does not take ${missing.join(', ')} (it takes ${subjects.join(', ') || 'no subjects'}): add them to it or configure another stream`,
    );
  }
}
