// Dates and times from the hub (ISO) in the station's language, at render time only.
import { useI18n } from 'vue-i18n';

// The same locales as @selfserve/ui's INTL_LOCALE, which its index does not export.
const INTL: Record<string, string> = { da: 'da-DK', en: 'en-GB' };

export function useDateTime() {
  const { locale } = useI18n();
  const format = (iso: string, options: Intl.DateTimeFormatOptions) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(INTL[locale.value] ?? 'da-DK', options).format(d);
  };
  return {
    dateTime: (iso: string) => format(iso, { dateStyle: 'short', timeStyle: 'short' }),
    time: (iso: string) => format(iso, { timeStyle: 'medium' }),
  };
}
