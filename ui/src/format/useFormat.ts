// Formatting in the current language and the lane's currency, for components below useDeviceLane.
import type { LocalizedText } from '@selfserve/shared';
import { useI18n } from 'vue-i18n';
import { useLaneState } from '../device/laneState.js';
import { intlLocale } from '../i18n/languages.js';
import { formatDiscount, formatMoney, formatRate, formatWeight } from './number.js';

export function useFormat() {
  const { locale } = useI18n();
  const lane = useLaneState();
  const intl = () => intlLocale(locale.value);
  const currency = () => lane.snapshot?.totals.currency ?? lane.hello?.store.currency ?? 'DKK';
  return {
    money: (minor: number) => formatMoney(minor, currency(), intl()),
    discount: (minor: number) => formatDiscount(minor, currency(), intl()),
    weight: (grams: number) => formatWeight(grams, intl()),
    rate: (basisPoints: number) => formatRate(basisPoints, intl()),
    /** A date and time from the hub (ISO), short; the text as it came when it is no date. */
    dateTime: (iso: string) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat(intl(), { dateStyle: 'short', timeStyle: 'short' }).format(d);
    },
    /** A catalog text in the current language, falling back to Danish, which is always there. */
    text: (t: LocalizedText) => (t as Record<string, string | undefined>)[locale.value] ?? t.da,
  };
}
