// A return's refusal in words: the return's own meaning of not-found, not-allowed, unauthorized and timeout, else the staff menu's.
import { useI18n } from 'vue-i18n';
import type { KioskErrorCode } from '../../device/send.js';
import { useStaffText } from '../useStaffText.js';
import type { Refusal } from './store.js';

/** Codes the kiosk finds out by itself: their message is ours, not the hub's, and adds nothing to the words. */
const LOCAL: ReadonlySet<KioskErrorCode> = new Set(['timeout', 'offline']);

export function useReturnError() {
  const { t, te } = useI18n();
  const { errorText } = useStaffText();
  /** `typed`: the receipt's code a not-found refers to. */
  const text = (r: Refusal, typed = ''): string => (te(`staff.returns.errors.${r.code}`) ? t(`staff.returns.errors.${r.code}`, { code: typed }) : errorText(r.code));
  /** The hub's own message, shown beneath in English; none where the kiosk's words already say it all. */
  const detail = (r: Refusal): string | null => (LOCAL.has(r.code) || r.code === 'not-found' || !r.message ? null : r.message);
  return { text, detail };
}
