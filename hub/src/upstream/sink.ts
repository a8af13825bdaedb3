/** Where the outbox goes: a sink takes a batch of events in order and resolves only once all are safely accepted. */

/** One outbox event ready to leave: its order, its stable id, its type and the CloudEvent as JSON. */
export interface OutboxEvent {
  /** Position in the outbox; rises with every event the store writes. */
  seq: number;
  /** The CloudEvent id: stable across retries, so a consumer can de-duplicate. */
  id: string;
  /** Versioned type, e.g. sale.completed.v1. */
  type: string;
  /** The whole CloudEvent 1.0 as JSON text. */
  json: string;
}

export interface Sink {
  /** For logs and /healthz: file, http or nats. */
  readonly name: string;
  /**
   * Delivers the batch in order. Resolves when every event is accepted for good (written and flushed,
   * answered 2xx, acknowledged by the stream); rejects otherwise, and the relay sends the batch again.
   * A sink may see an event twice; consumers de-duplicate by id.
   */
  send(batch: readonly OutboxEvent[]): Promise<void>;
  close(): Promise<void>;
}

export class SinkError extends Error {
  override name = 'SinkError';
}
