// An error code from the hub (or the station's own offline and no-answer) in the staff member's words.
import { useI18n } from 'vue-i18n';

export function useErrorText() {
  const { t, te } = useI18n();
  return (code: string): string => (te(`station.error.${code}`) ? t(`station.error.${code}`) : t('station.error.other', { code }));
}
