// A question before what cannot be undone (cancel the basket, start the order over): the first tap asks, focus lands on "no".
import { nextTick, ref } from 'vue';

/** `act` runs with the answer once given; the template binds `no` as the ref of its "no" button. */
export function useAskFirst(act: (yes: boolean) => unknown) {
  const asking = ref(false);
  // A stray second tap or Enter lands on "no", so it never empties a basket.
  const no = ref<HTMLButtonElement | null>(null);

  async function ask(): Promise<void> {
    asking.value = true;
    await nextTick();
    no.value?.focus();
  }

  async function answer(yes: boolean): Promise<void> {
    asking.value = false;
    await act(yes);
  }

  return { asking, no, ask, answer };
}
