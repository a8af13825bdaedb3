/** Which business events the electronic journal keeps, and as what: the event's whole data, so the journal alone can be summed. */
import type { JournalEntry } from '../../storage/journal.repository.js';
import type { PendingEvent } from '../../upstream/envelope.js';

const KEPT: Partial<Record<PendingEvent['type'], string>> = {
  'sale.completed.v1': 'sale',
  'basket.cancelled.v1': 'basket-cancelled',
  'line.voided.v1': 'void',
  'refund.completed.v1': 'refund',
};

export function journalOf(e: PendingEvent, laneId: string): JournalEntry[] {
  const type = KEPT[e.type];
  if (!type) return [];
  const data = e.data as Record<string, unknown>;
  const staffId = typeof data.approvedBy === 'string' ? data.approvedBy : typeof data.staffId === 'string' ? data.staffId : null;
  return [{ type, laneId: typeof data.laneId === 'string' ? data.laneId : laneId, staffId, data }];
}
