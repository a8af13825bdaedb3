// The insights' numbers in the station's language: money, shares, durations, hours and days.
import { intlLocale, useFormat } from '@selfserve/ui';
import { useI18n } from 'vue-i18n';
import { durationParts } from './duration.js';

export function useInsightsFormat() {
  const { t, locale } = useI18n();
  const fmt = useFormat();
  const intl = () => intlLocale(locale.value);
  const duration = (seconds: number) => {
    const p = durationParts(seconds);
    return t(`insights.duration.${p.unit}`, { h: p.h, m: p.m, s: p.s });
  };
  return {
    money: fmt.money,
    text: fmt.text,
    weight: fmt.weight,
    number: (n: number) => new Intl.NumberFormat(intl(), { maximumFractionDigits: 2 }).format(n),
    percent: (share: number) => new Intl.NumberFormat(intl(), { style: 'percent', maximumFractionDigits: 1 }).format(share),
    duration,
    minutes: (minutes: number) => duration(minutes * 60),
    hour: (h: number) => `${String(h).padStart(2, '0')}:00`,
    /** A local day of the store, written as that calendar day wherever the browser is. */
    day: (day: string, style: 'short' | 'long' = 'short') =>
      new Intl.DateTimeFormat(intl(), style === 'short' ? { day: 'numeric', month: 'numeric', timeZone: 'UTC' } : { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${day}T00:00:00Z`),
      ),
  };
}
