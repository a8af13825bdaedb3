// The shopper's side of a visit that the hub does not know: started, language and display preferences.
import type { Language } from '@selfserve/ui';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { setLanguage } from '../i18n/index.js';

export type TextSize = 'normal' | 'large';

export const useVisitStore = defineStore('visit', () => {
  /** The shopper pressed Start or scanned: the checkout shows even before the hub has a basket. */
  const started = ref(false);
  const highContrast = ref(false);
  const textSize = ref<TextSize>('normal');
  /** Controls in the lower half; null follows the screen (on for portrait screens). */
  const lowReach = ref<boolean | null>(null);

  function start(): void {
    started.value = true;
  }

  /** Back to attract for the next shopper: the store's language and the default look. */
  function reset(language: Language): void {
    started.value = false;
    highContrast.value = false;
    textSize.value = 'normal';
    lowReach.value = null;
    setLanguage(language);
  }

  return { started, highContrast, textSize, lowReach, start, reset };
});
