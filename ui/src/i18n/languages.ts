// The languages both apps speak, the default one, and the Intl locale each formats money, numbers and dates in.

export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'da';

/** The Intl locale used to format money, numbers and dates in each language. */
export const INTL_LOCALE: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };

/** The Intl locale for an app's current language (vue-i18n's locale is a plain string), the default one's if unknown. */
export const intlLocale = (language: string): string => INTL_LOCALE[language as Language] ?? INTL_LOCALE[DEFAULT_LANGUAGE];
