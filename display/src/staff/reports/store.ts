// The End of day tab's calls to the hub: an X report, a Z report (sent again with its key when unanswered), the Z reports so far.
import type { DayReport, ZReportSummary } from '@selfserve/shared';
import { newIdempotencyKey } from '@selfserve/ui';
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { Outcome } from '../store/outcome.js';
import { useStationStore } from '../store/station.js';
import { newestFirst, scopePayload } from './logic.js';

export const useReportsStore = defineStore('station-reports', () => {
  const station = useStationStore();
  /** The report on screen, X or Z. */
  const report = shallowRef<DayReport | null>(null);
  const zReports = shallowRef<ZReportSummary[]>([]);
  /** A Z the hub did not answer: the same key again, so the day is closed at most once. */
  let unanswered: { scope: string; key: string } | null = null;

  async function x(scope: string): Promise<Outcome<DayReport>> {
    const r = await station.send('reports:x', scopePayload(scope));
    if (r.ok) report.value = r.data;
    return r;
  }

  async function z(scope: string): Promise<Outcome<DayReport>> {
    const key = unanswered?.scope === scope ? unanswered.key : newIdempotencyKey();
    const r = await station.send('reports:z', { key, ...scopePayload(scope) });
    unanswered = !r.ok && (r.code === 'no-answer' || r.code === 'offline') ? { scope, key } : null;
    if (r.ok) report.value = r.data;
    // Taken or refused as already taken: either way the list shows today's Z.
    if (r.ok || r.code === 'not-allowed') await list();
    return r;
  }

  async function list(): Promise<void> {
    const r = await station.send('reports:list', {});
    if (r.ok) zReports.value = newestFirst(r.data.reports);
  }

  return { report, zReports, x, z, list };
});
