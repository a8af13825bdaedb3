// A report's scope in words: a lane by its name, or the whole store.
import { useI18n } from 'vue-i18n';
import { useStationStore } from '../store/station.js';

export function useScopeName() {
  const { t } = useI18n();
  const station = useStationStore();
  /** inText: inside a sentence ("close the day for the whole store?"), not as a label of its own. */
  return (laneId: string | null, inText = false): string =>
    laneId === null ? t(inText ? 'reports.scope.storeInText' : 'reports.scope.store') : (station.lanes[laneId]?.name ?? laneId);
}
