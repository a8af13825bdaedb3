// The Returns tab's words for @selfserve/ui's returns components: its returns messages, and a refusal in the station's terms.
import type { ReturnTexts } from '@selfserve/ui';
import { useI18n } from 'vue-i18n';
import { useErrorText } from '../common/errors.js';

export function useReturnsTexts(): ReturnTexts {
  const { t } = useI18n();
  const station = useErrorText();
  return {
    say: (key, params) => t(`returns.${key}`, params ?? {}),
    // The tab's own meaning of not-found, not-allowed and unauthorized, else the station's.
    refusal: (r, typed = '') => {
      if (r.code === 'not-found') return t('returns.find.notFound', { code: typed });
      if (r.code === 'not-allowed' || r.code === 'unauthorized') return t(`returns.error.${r.code}`);
      return station(r.code);
    },
    // The station's own codes (offline, no-answer) come without one.
    detail: (r) => r.message ?? null,
  };
}
