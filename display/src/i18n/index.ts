// vue-i18n set-up of the displays: Danish by default, or the language asked for with ?lang=.
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '@selfserve/ui';
import { createI18n } from 'vue-i18n';
import { readLang } from '../mode.js';
import { da } from './da.js';
import { en } from './en.js';

const asked = readLang(window.location.search);
const language: Language = LANGUAGES.find((l) => l === asked) ?? DEFAULT_LANGUAGE;
document.documentElement.lang = language;

export const i18n = createI18n({
  legacy: false,
  locale: language,
  fallbackLocale: DEFAULT_LANGUAGE,
  messages: { da, en },
});
