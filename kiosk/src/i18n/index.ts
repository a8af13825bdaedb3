// vue-i18n set-up of the kiosk: Danish by default, English on request.
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '@selfserve/ui';
import { createI18n } from 'vue-i18n';
import { da } from './da.js';
import { en } from './en.js';

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

/** The store's own language from its locale ("da-DK" → da); the default one for a locale we do not speak. */
export function storeLanguage(locale: string | undefined): Language {
  const lang = locale?.split(/[-_]/)[0]?.toLowerCase();
  return (LANGUAGES as readonly string[]).includes(lang ?? '') ? (lang as Language) : DEFAULT_LANGUAGE;
}
