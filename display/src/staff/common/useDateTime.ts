// Dates and times from the hub (ISO) in the station's language, at render time only.
import { intlLocale } from '@selfserve/ui';
import { useI18n } from 'vue-i18n';

export function useDateTime() {
  const { locale } = useI18n();
  const format = (iso: string, options: Intl.DateTimeFormatOptions) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(intlLocale(locale.value), options).format(d);
  };
  return {
    dateTime: (iso: string) => format(iso, { dateStyle: 'short', timeStyle: 'short' }),
    time: (iso: string) => format(iso, { timeStyle: 'medium' }),
  };
}
