// vue-i18n set-up of the kiosk: Danish by default, English on request; the Intl locale of each language.
import { createI18n } from 'vue-i18n';
import { da } from './da.js';
import { en } from './en.js';

export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'da';

/** The Intl locale used to format money and numbers in each language. */
export const INTL_LOCALE: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };

export const i18n = createI18n({
  legacy: false,
  locale: DEFAULT_LANGUAGE,
  fallbackLocale: DEFAULT_LANGUAGE,
  messages: { da, en },
});

export function setLanguage(language: Language): void {
  i18n.global.locale.value = language;
  document.documentElement.lang = language;
}

export const currentLanguage = (): Language => i18n.global.locale.value as Language;
