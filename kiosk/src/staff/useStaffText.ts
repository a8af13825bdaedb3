// Staff-side wording: an error in staff terms, and what an intervention asks of staff, in the kiosk's language.
import type { Intervention } from '@selfserve/shared';
import { useFormat } from '@selfserve/ui';
import { useI18n } from 'vue-i18n';
import type { KioskErrorCode } from '../stores/lane.js';
import { useLaneStore } from '../stores/lane.js';

export function useStaffText() {
  const { t, te } = useI18n();
  const fmt = useFormat();
  const lane = useLaneStore();

  /** Staff get their own words where the shopper's would mislead ("this screen may not" is "your role may not"). */
  const errorText = (code: KioskErrorCode): string => (te(`staff.errors.${code}`) ? t(`staff.errors.${code}`) : t(`errors.${code}`));

  const lineName = (lineId: string | undefined): string => {
    const line = lane.snapshot?.lines.find((l) => l.lineId === lineId);
    return line ? fmt.text(line.name) : t('staff.reason.aLine');
  };

  /** One line saying what staff are asked to decide. */
  function summary(i: Intervention): string {
    const name = lineName(i.lineId);
    switch (i.reason) {
      case 'age-check':
        return i.requiredAge ? t('staff.reason.age-check-age', { age: i.requiredAge }) : t('staff.reason.age-check');
      case 'void-approval':
        return i.quantity ? t('staff.reason.void-approval-quantity', { name, quantity: i.quantity }) : t('staff.reason.void-approval', { name });
      case 'quantity-limit':
        return t('staff.reason.quantity-limit', { name, quantity: i.quantity ?? '?' });
      case 'price-override':
        return t('staff.reason.price-override', { name, price: i.price === undefined ? '?' : fmt.money(i.price) });
      case 'unknown-item':
        return i.code ? t('staff.reason.unknown-item', { code: i.code }) : t('staff.reason.unknown-item-nocode');
      default:
        return t(`staff.reason.${i.reason}`);
    }
  }

  return { errorText, summary, lineName };
}
