// The words of the store's last notice (an item added or changed, something chosen sold out), in the guest's language.
import type { LocalizedText } from '@selfserve/shared';
import { useFormat } from '@selfserve/ui';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useOrderStore } from '../stores/order.js';

export function useNoticeText() {
  const { t } = useI18n();
  const fmt = useFormat();
  const order = useOrderStore();
  const names = (list: LocalizedText[]) => list.map(fmt.text).join(', ');
  return computed(() => {
    const n = order.notice;
    if (!n) return '';
    return n.kind === 'sold-out' ? t('order.notice.soldOut', { names: names(n.names) }) : t(`order.notice.${n.kind}`, { name: fmt.text(n.name) });
  });
}
