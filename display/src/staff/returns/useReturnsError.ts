// A returns request's error in words: the tab's own meaning of not-found, not-allowed and unauthorized, else the station's.
import { useI18n } from 'vue-i18n';
import { useErrorText } from '../common/errors.js';

export function useReturnsError() {
  const { t } = useI18n();
  const station = useErrorText();
  return (code: string, typed?: string): string => {
    if (code === 'not-found') return t('returns.find.notFound', { code: typed ?? '' });
    if (code === 'not-allowed' || code === 'unauthorized') return t(`returns.error.${code}`);
    return station(code);
  };
}
