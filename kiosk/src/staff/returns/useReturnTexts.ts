// A return's words at the kiosk for @selfserve/ui's returns components: its staff.returns messages, and a refusal in staff terms.
import type { ReturnTexts } from '@selfserve/ui';
import { useI18n } from 'vue-i18n';
import type { KioskErrorCode } from '../../device/send.js';
import { useStaffText } from '../useStaffText.js';

/** Codes the kiosk finds out by itself: their message is ours, not the hub's, and adds nothing to the words. */
const LOCAL: ReadonlySet<string> = new Set<KioskErrorCode>(['timeout', 'offline']);

export function useReturnTexts(): ReturnTexts {
  const { t, te } = useI18n();
  const { errorText } = useStaffText();
  return {
    say: (key, params) => t(`staff.returns.${key}`, params ?? {}),
    // The return's own meaning of not-found, not-allowed, unauthorized and timeout, else the staff menu's.
    refusal: (r, typed = '') => (te(`staff.returns.errors.${r.code}`) ? t(`staff.returns.errors.${r.code}`, { code: typed }) : errorText(r.code as KioskErrorCode)),
    detail: (r) => (LOCAL.has(r.code) || r.code === 'not-found' || !r.message ? null : r.message),
  };
}
