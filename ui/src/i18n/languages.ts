// The languages both apps speak, the default one, and the Intl locale each formats money and numbers in.

export const LANGUAGES = ['da', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'da';

/** The Intl locale used to format money and numbers in each language. */
export const INTL_LOCALE: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };
