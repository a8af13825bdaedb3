// A manager call's error in words: the manager view's own codes (duplicate), else the station's.
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { useErrorText } from '../common/errors.js';
import type { ApiError, ApiResult } from './api.js';

export function useManagerError() {
  const { t, te } = useI18n();
  const station = useErrorText();
  return (e: ApiError): string => {
    if (te(`manager.error.${e.code}`)) return t(`manager.error.${e.code}`);
    // A field the hub's schema refused is named in its message, which is written for people ("a staff number is 1 to 12 digits").
    return e.code === 'bad-payload' ? `${station(e.code)} ${e.message}` : station(e.code);
  };
}

/** A screen's manager calls: each answer's data, or null with the error in words for the screen to show. */
export function useManagerCall() {
  const errorText = useManagerError();
  const error = ref<string | null>(null);
  async function call<T>(r: Promise<ApiResult<T>>): Promise<T | null> {
    const answer = await r;
    error.value = answer.ok ? null : errorText(answer.error);
    return answer.ok ? answer.data : null;
  }
  return { error, call };
}
