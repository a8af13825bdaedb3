// A manager call's error in words: the manager view's own codes (duplicate), else the station's.
import { useI18n } from 'vue-i18n';
import { useErrorText } from '../common/errors.js';
import type { ApiError } from './api.js';

export function useManagerError() {
  const { t, te } = useI18n();
  const station = useErrorText();
  return (e: ApiError): string => {
    if (te(`manager.error.${e.code}`)) return t(`manager.error.${e.code}`);
    // A field the hub's schema refused is named in its message, which is written for people ("a staff number is 1 to 12 digits").
    return e.code === 'bad-payload' ? `${station(e.code)} ${e.message}` : station(e.code);
  };
}
