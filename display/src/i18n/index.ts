// vue-i18n set-up of the displays: Danish by default, or the language asked for with ?lang=.
import { createI18n } from 'vue-i18n';
import { readLang } from '../mode.js';
import { da } from './da.js';
import { en } from './en.js';

export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'da';

/** The Intl locale used to format money and numbers in each language. */
export const INTL_LOCALE: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };

const asked = readLang(window.location.search);
const language: Language = LANGUAGES.find((l) => l === asked) ?? DEFAULT_LANGUAGE;
document.documentElement.lang = language;

export const i18n = createI18n({
  legacy: false,
  locale: language,
  fallbackLocale: DEFAULT_LANGUAGE,
  messages: { da, en },
});
