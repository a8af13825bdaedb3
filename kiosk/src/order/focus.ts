// Moves keyboard and screen-reader focus to a page's heading when the page opens, so the guest hears where they are.
import { type Ref, nextTick, onMounted, ref } from 'vue';

export function useFocusOnMount<T extends HTMLElement = HTMLElement>(): Ref<T | null> {
  const el = ref<T | null>(null) as Ref<T | null>;
  onMounted(() => void nextTick(() => el.value?.focus()));
  return el;
}
