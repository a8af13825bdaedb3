/** The range an insights query covers, in instants, from the manager's days or instants and the store's time zone. */
import { INSIGHTS_MAX_DAYS } from '@selfserve/shared';
import { addDays, dayStart, localParts } from './local-time.js';

export class InsightsRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InsightsRangeError';
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
/** A range of whole local days may be an hour longer than its days where summer time ends. */
const DST_SLACK_MS = 3_600_000;

/**
 * A day as `from` starts at its local midnight; a day as `to` includes the whole day (ends at the
 * next local midnight). Instants are taken as they are. Missing bounds mean today, in the store.
 */
export function resolveRange(q: { from?: string | undefined; to?: string | undefined }, timeZone: string, now: Date): { from: Date; to: Date } {
  const today = localParts(now, timeZone).day;
  const from = q.from === undefined ? dayStart(today, timeZone) : DAY.test(q.from) ? dayStart(q.from, timeZone) : new Date(q.from);
  const to = q.to === undefined ? dayStart(addDays(today, 1), timeZone) : DAY.test(q.to) ? dayStart(addDays(q.to, 1), timeZone) : new Date(q.to);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw new InsightsRangeError('from and to must be dates (YYYY-MM-DD) or ISO instants');
  if (to.getTime() <= from.getTime()) throw new InsightsRangeError('to must be after from');
  if (to.getTime() - from.getTime() > INSIGHTS_MAX_DAYS * DAY_MS + DST_SLACK_MS) throw new InsightsRangeError(`a range covers at most ${INSIGHTS_MAX_DAYS} days`);
  return { from, to };
}
