/** Wraps an event's data in its CloudEvents 1.0 envelope, as an outbox insert for the change's own commit. */
import { randomUUID } from 'node:crypto';
import type { CloudEvent, EventData, EventType } from '@selfserve/shared';
import type { Statement } from '../storage/db.js';
import { outboxRepository } from '../storage/outbox.repository.js';

/** An event a change will write, before it has an id. */
export interface PendingEvent<T extends EventType = EventType> {
  type: T;
  /** What it is about: a sale id, visit id or intervention id. */
  subject: string;
  /** The data but the store id, which the envelope adds. */
  data: Omit<EventData<T>, 'storeId'>;
}

export const eventSource = (storeId: string) => `urn:selfserve:store:${storeId}`;

export function outboxInsert(e: PendingEvent, storeId: string, now: string): Statement {
  const event: CloudEvent = {
    specversion: '1.0',
    id: randomUUID(),
    source: eventSource(storeId),
    type: e.type,
    time: now,
    datacontenttype: 'application/json',
    subject: e.subject,
    data: { storeId, ...e.data } as EventData<EventType>,
  };
  return outboxRepository.insert({ id: event.id, type: e.type, event: JSON.stringify(event), at: now });
}
