// The current time as a ref that ticks, for waiting times and countdowns that count on by themselves.
import { onBeforeUnmount, ref } from 'vue';

export function useNow(everyMs: number) {
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), everyMs);
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}
