// What a cook's bump or recall does on screen: the request, an announcement for screen readers, and any refusal in words.
import type { KitchenItem, KitchenStation } from '@selfserve/shared';
import { useFormat } from '@selfserve/ui';
import { nextTick, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { type Ticket, bumpTargets } from './logic/tickets.js';
import type { Answer } from './orders/request.js';
import { useKitchenStore } from './store.js';

export function useKitchenActions(station: KitchenStation | null) {
  const { t, te } = useI18n();
  const fmt = useFormat();
  const kitchen = useKitchenStore();
  /** The live region's text; emptied first so the same words are read out again. */
  const announcement = ref('');
  /** The last refusal, shown until the next action works. */
  const problem = ref<string | null>(null);

  function say(text: string): void {
    problem.value = null;
    announcement.value = '';
    void nextTick(() => (announcement.value = text));
  }

  function failed(r: Extract<Answer<unknown>, { ok: false }>): void {
    problem.value = te(`kitchen.error.${r.code}`) ? t(`kitchen.error.${r.code}`) : t('kitchen.error.other', { code: r.code });
  }

  /** The whole order from the all-stations screen; this station's open items from a station's screen. */
  async function bumpOrder(ticket: Ticket): Promise<void> {
    for (const itemId of bumpTargets(ticket, station)) {
      const r = await kitchen.bump(ticket.order.id, itemId);
      if (!r.ok) return failed(r);
    }
    say(t('kitchen.announce.bumped', { number: ticket.order.number }));
  }

  async function bumpItem(ticket: Ticket, item: KitchenItem): Promise<void> {
    if (item.bumpedAt !== null) return;
    const r = await kitchen.bump(ticket.order.id, item.id);
    if (!r.ok) return failed(r);
    say(t('kitchen.announce.itemBumped', { item: fmt.text(item.name), number: ticket.order.number }));
  }

  async function recall(): Promise<void> {
    const r = await kitchen.recall();
    if (r === null) problem.value = t('kitchen.recallNone');
    else if (!r.ok) failed(r);
    else say(t('kitchen.announce.recalled', { number: r.data.number }));
  }

  return { announcement, problem, say, bumpOrder, bumpItem, recall };
}
