// The shared components' texts per language, for each app to spread into its own vue-i18n messages.
import type { Language } from './languages.js';
import { da } from './da.js';
import { en } from './en.js';

export const uiMessages: Record<Language, typeof da> = { da, en };
