// Announces each order that reaches this kitchen screen after it first showed the orders (a recalled one too).
import { type Ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Ticket } from './logic/tickets.js';

/** `loaded`: whether the list is the hub's yet; what was waiting when the screen opened is shown, not announced. */
export function useTicketArrivals(tickets: Readonly<Ref<Ticket[]>>, loaded: () => boolean, say: (text: string) => void): void {
  const { t } = useI18n();
  let seen: Set<string> | null = null;
  watch(
    tickets,
    (list) => {
      if (!loaded()) return;
      const fresh = seen ? list.filter((tk) => !seen?.has(tk.order.id)) : [];
      seen = new Set(list.map((tk) => tk.order.id));
      if (fresh.length > 0) say(t('kitchen.announce.arrived', { numbers: fresh.map((tk) => tk.order.number).join(', ') }));
    },
    { immediate: true },
  );
}
