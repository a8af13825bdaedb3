// Finding a sale by its receipt's code, as each app's finder form does it: what went wrong, in words that follow a change of language.
import { computed, ref, shallowRef } from 'vue';
import { useReturns } from './context.js';
import type { Refusal } from './flow.js';

export function useReceiptFinder() {
  const { flow, texts } = useReturns();
  /** What is in the code field. */
  const code = ref('');
  const busy = ref(false);
  /** Kept as the code (and what was typed), so its words follow a change of language. */
  const problem = shallowRef<{ missing: true } | { refusal: Refusal; typed: string } | null>(null);
  const problemText = computed(() => {
    const p = problem.value;
    if (!p) return null;
    return 'missing' in p ? texts.say('find.missing') : texts.refusal(p.refusal, p.typed);
  });
  /** The hub's words, beneath ours; "no sale has this code" is ours already, with the code typed in it. */
  const detail = computed(() => {
    const p = problem.value;
    return p && 'refusal' in p && p.refusal.code !== 'not-found' ? texts.detail(p.refusal) : null;
  });

  /** Looks the sale up; true when it opened. The field is emptied for the next receipt: a scan replaces what is in it. */
  async function find(typed: string): Promise<boolean> {
    if (typed === '') {
      problem.value = { missing: true };
      return false;
    }
    busy.value = true;
    const r = await flow.find(typed);
    busy.value = false;
    problem.value = r.ok ? null : { refusal: r.error, typed };
    if (r.ok) code.value = '';
    return r.ok;
  }

  return { code, busy, problem, problemText, detail, find };
}
