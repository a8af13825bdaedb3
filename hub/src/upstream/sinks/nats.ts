/** Upstream sink to NATS JetStream: each event on <prefix>.<storeId>.<type>, its id as Nats-Msg-Id, done when all are acked. */
import { headers, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import { SinkError, type OutboxEvent, type Sink } from '../sink.js';
import { openNatsLink, type NatsLog, type NatsServerOptions } from './nats-link.js';
import { ensureStream } from './nats-stream.js';
import { assertToken, eventSubject } from './nats-subjects.js';

export interface NatsSinkOptions extends NatsServerOptions {
  /** The stream that stores the events; created when missing. */
  stream: string;
  /** First subject token; default 'sales'. */
  subjectPrefix?: string;
  storeId: string;
  /** Upper bound on one send, from waiting for the connection to the last PubAck; default 5 s. */
  timeoutMs?: number;
  /** De-duplication window of a stream this sink creates; default 2 min. */
  duplicateWindowMs?: number;
}

export function createNatsSink(options: NatsSinkOptions, log: NatsLog): Sink {
  const prefix = options.subjectPrefix ?? 'sales';
  assertToken('store id', options.storeId);
  assertToken('subject prefix', prefix);
  const timeoutMs = options.timeoutMs ?? 5000;
  const link = openNatsLink(options, log);
  // The stream is checked once per connection, and again after a publish found no stream.
  let ready: { nc: NatsConnection; js: JetStreamClient } | undefined;

  async function client(deadline: number): Promise<JetStreamClient> {
    const nc = await link.connection(deadline - Date.now());
    if (ready?.nc !== nc) {
      const jsm = await jetstreamManager(nc, { timeout: Math.max(1, deadline - Date.now()) });
      const wanted = { name: options.stream, subjects: [`${prefix}.${options.storeId}.>`], duplicateWindowMs: options.duplicateWindowMs ?? 120_000 };
      await ensureStream(jsm, wanted, log);
      ready = { nc, js: jetstream(nc, { timeout: timeoutMs }) };
    }
    return ready.js;
  }

  function publish(js: JetStreamClient, event: OutboxEvent, subject: string, timeout: number) {
    const h = headers();
    // CloudEvents NATS binding, structured mode: the payload is the whole event.
    h.set('Content-Type', 'application/cloudevents+json; charset=utf-8');
    return js.publish(subject, event.json, { msgID: event.id, headers: h, timeout });
  }

  return {
    name: 'nats',
    async send(batch) {
      if (batch.length === 0) return;
      const deadline = Date.now() + timeoutMs;
      let subjects: string[];
      let js: JetStreamClient;
      try {
        subjects = batch.map((e) => eventSubject(prefix, options.storeId, e.type));
        js = await client(deadline);
      } catch (err) {
        throw new SinkError(`nats: ${(err as Error).message}`, { cause: err });
      }
      // One connection keeps the order: all go out at once, then every PubAck is awaited.
      const timeout = Math.max(1, deadline - Date.now());
      const results = await Promise.allSettled(batch.map((e, i) => publish(js, e, subjects[i]!, timeout)));
      const failed = results.filter((r) => r.status === 'rejected').map((r) => r.reason as Error);
      if (failed.length === 0) return;
      // The client's name for "no responders" on a JetStream subject: nothing stores it.
      const noStream = failed.some((err) => err.name === 'JetStreamNotEnabled');
      if (noStream) ready = undefined;
      const why = noStream ? `no stream answered on ${prefix}.${options.storeId}.> (stream deleted, or JetStream off)` : failed[0]!.message;
      throw new SinkError(`nats: ${failed.length} of ${batch.length} events not acknowledged: ${why}`, { cause: failed[0] });
    },
    close: () => link.close(),
  };
}
