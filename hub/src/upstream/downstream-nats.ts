/** Head office → store over NATS JetStream: a durable consumer on hq.<storeId>.> that applies each message, in order, once acked. */
import { nanos } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, JetStreamApiCodes, jetstream, jetstreamManager, type ConsumerConfig, type ConsumerMessages, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { openNatsLink, type NatsLog, type NatsServerOptions } from './sinks/nats-link.js';
import { ensureStream, isNotFound } from './sinks/nats-stream.js';
import { assertToken } from './sinks/nats-subjects.js';

export interface NatsDownstreamOptions extends NatsServerOptions {
  storeId: string;
  /** The stream holding head office's messages for this store; default 'HQ'. Created (taking hq.<storeId>.>) when missing; at a store leaf it is a stream sourcing head office's. */
  stream?: string;
  /** First subject token; default 'hq' (the consumer takes hq.<storeId>.>). */
  subjectPrefix?: string;
  /**
   * At a store leaf node: head office's JetStream domain (and stream, default 'HQ'). A missing stream is
   * then created as a copy of head office's, filtered to this store, which keeps filling after outages.
   */
  headOffice?: { domain: string; stream?: string };
  /** Durable consumer name; default hub-<storeId>. */
  durable?: string;
  /** Bound on each JetStream API call and on waiting for the connection; default 5 s. */
  timeoutMs?: number;
  /** How long the server waits for an ack before it sends a message again; default 60 s (kept alive while apply runs). */
  ackWaitMs?: number;
  /** Delay before a message whose apply failed comes again, and pause after a broken setup; default 5 s. */
  retryDelayMs?: number;
}

/** Validates and applies one message from head office; rejects with InvalidMessageError when it can never apply. */
export type ApplyDownstream = (message: unknown) => Promise<void>;

/** Thrown by apply for a message that is wrong, not just unlucky: it is terminated, not retried. A ZodError counts too. */
export class InvalidMessageError extends Error {
  override name = 'InvalidMessageError';
}

const isInvalid = (err: unknown) => err instanceof InvalidMessageError || (err instanceof Error && err.name === 'ZodError');

async function ensureConsumer(jsm: JetStreamManager, stream: string, config: Partial<ConsumerConfig> & { durable_name: string }) {
  try {
    const { config: now } = await jsm.consumers.info(stream, config.durable_name);
    if (now.filter_subject !== config.filter_subject || now.max_ack_pending !== config.max_ack_pending || now.ack_wait !== config.ack_wait) {
      await jsm.consumers.update(stream, config.durable_name, { filter_subject: config.filter_subject, max_ack_pending: config.max_ack_pending, ack_wait: config.ack_wait });
    }
  } catch (err) {
    if (!isNotFound(err, JetStreamApiCodes.ConsumerNotFound)) throw err;
    await jsm.consumers.add(stream, config);
  }
}

export async function startNatsDownstream(options: NatsDownstreamOptions, apply: ApplyDownstream, log: NatsLog): Promise<{ stop(): Promise<void> }> {
  const prefix = options.subjectPrefix ?? 'hq';
  assertToken('store id', options.storeId);
  assertToken('subject prefix', prefix);
  const stream = options.stream ?? 'HQ';
  const durable = options.durable ?? `hub-${options.storeId}`;
  const subject = `${prefix}.${options.storeId}.>`;
  const timeoutMs = options.timeoutMs ?? 5000;
  const ackWaitMs = options.ackWaitMs ?? 60_000;
  const retryDelayMs = options.retryDelayMs ?? 5000;
  const link = openNatsLink({ name: 'selfserve-hub-downstream', ...options }, log);
  let stopping = false;
  let stopNow!: () => void;
  const stopped = new Promise<void>((resolve) => (stopNow = resolve));
  let messages: ConsumerMessages | undefined;
  // Start-up waits for the first attempt only: the hub starts whether head office is reachable or not.
  let firstAttempt!: () => void;
  const attempted = new Promise<void>((resolve) => (firstAttempt = resolve));

  async function handle(m: JsMsg) {
    const where = { subject: m.subject, seq: m.seq, deliveries: m.info.deliveryCount };
    let body: unknown;
    try {
      body = m.json();
    } catch (err) {
      log.error({ ...where, err }, 'downstream: message is not JSON; terminated');
      return m.term();
    }
    // Long applies (a whole catalog) tell the server they are still working, so it does not send the message again.
    const keepAlive = setInterval(() => m.working(), ackWaitMs / 2);
    try {
      await apply(body);
    } catch (err) {
      if (isInvalid(err)) {
        log.error({ ...where, err }, 'downstream: invalid message; terminated');
        return m.term();
      }
      log.warn({ ...where, err }, 'downstream: apply failed; the message comes again');
      return m.nak(retryDelayMs);
    } finally {
      clearInterval(keepAlive);
    }
    await m.ackAck({ timeout: timeoutMs });
  }

  async function consumeOnce() {
    const nc = await Promise.race([link.connection(timeoutMs), stopped]);
    if (!nc || stopping) return;
    const jsm = await jetstreamManager(nc, { timeout: timeoutMs });
    const ho = options.headOffice;
    const sources = ho && [{ name: ho.stream ?? 'HQ', filter_subject: subject, external: { api: `$JS.${ho.domain}.API`, deliver: '' } }];
    await ensureStream(jsm, { name: stream, subjects: [subject], duplicateWindowMs: 120_000, readOnly: true, sources }, log);
    await ensureConsumer(jsm, stream, {
      durable_name: durable,
      filter_subject: subject,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      // One message at a time: a failed apply holds back the next, so head office's order is kept.
      max_ack_pending: 1,
      ack_wait: nanos(ackWaitMs),
    });
    const consumer = await jetstream(nc, { timeout: timeoutMs }).consumers.get(stream, durable);
    messages = await consumer.consume({ max_messages: 16, abort_on_missing_resource: true });
    firstAttempt();
    if (stopping) messages.stop();
    for await (const m of messages) {
      // Received but not begun when stop came: back to the server at once rather than after ack_wait.
      if (stopping) m.nak();
      else await handle(m);
    }
  }

  const running = (async () => {
    let lastError = '';
    while (!stopping) {
      try {
        await consumeOnce();
        lastError = '';
      } catch (err) {
        // Once per kind of failure, not every few seconds of an outage.
        const text = (err as Error).message;
        if (!stopping && text !== lastError) log.warn({ err, stream, durable }, 'downstream: consumer stopped; starting again');
        lastError = text;
      }
      firstAttempt();
      if (!stopping) await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, retryDelayMs).unref())]);
    }
  })();

  await attempted;
  return {
    async stop() {
      stopping = true;
      stopNow();
      messages?.stop();
      await running;
      await link.close();
    },
  };
}
