// What an item's page and a combo's page share: the draft and its running price, the heading focused on arrival, pointing at a missing choice, adding once.
import { computed, nextTick, ref } from 'vue';
import { useOrderStore } from '../stores/order.js';
import { type Draft, unitPrice } from './draft.js';
import { useFocusOnMount } from './focus.js';

/** `page`: the page's own props (its draft); the template binds `heading` to its heading and `body` to what holds the choices. */
export function useDraftPage<D extends Draft>(page: () => { draft: D }) {
  const order = useOrderStore();
  const heading = useFocusOnMount();
  const body = ref<HTMLElement | null>(null);
  /** The guest tried to go on with a choice missing: the groups say which. */
  const showMissing = ref(false);
  const busy = ref(false);
  /** The menu as it stands; these pages only open while there is one. */
  const now = computed(() => order.now!);
  const draft = computed(() => page().draft);
  /** For display while choosing; the basket's price is the hub's. */
  const price = computed(() => unitPrice(now.value, order.openMenu!, draft.value));

  /** Says what is missing, and puts focus on the first choice still to make. */
  async function complain(): Promise<void> {
    showMissing.value = true;
    await nextTick();
    body.value?.querySelector<HTMLElement>('[aria-invalid="true"] input:not(:disabled)')?.focus();
  }

  /** Adds the draft to the order (or saves the edit); the button waits meanwhile, so a double tap adds once. */
  async function submit(): Promise<void> {
    busy.value = true;
    try {
      await order.submit();
    } finally {
      busy.value = false;
    }
  }

  return { order, heading, body, showMissing, busy, now, draft, price, complain, submit };
}
