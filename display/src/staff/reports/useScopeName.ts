// A report's scope in words: a lane by its name, or the whole store.
import { useI18n } from 'vue-i18n';
import { useStationStore } from '../store/station.js';

export function useScopeName() {
  const { t } = useI18n();
  const station = useStationStore();
  return (laneId: string | null): string => (laneId === null ? t('reports.scope.store') : (station.lanes[laneId]?.name ?? laneId));
}
