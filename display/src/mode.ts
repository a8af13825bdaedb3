// Which surface this page shows (?mode=) and in which language (?lang=), read once from the address.

/** counter: the attendant station opened on its Counter tab, where staff take restaurant orders' payments. */
export const MODES = ['lane', 'board', 'kitchen', 'staff', 'counter'] as const;
export type Mode = (typeof MODES)[number];

const isMode = (v: string | null): v is Mode => MODES.some((m) => m === v);

/** The mode asked for, or lane (the customer-facing display) when none or an unknown one is given. */
export function readMode(search: string): Mode {
  const mode = new URLSearchParams(search).get('mode');
  return isMode(mode) ? mode : 'lane';
}

/** The ?lang= value, if any; the i18n set-up decides whether it is one we speak. */
export function readLang(search: string): string | null {
  return new URLSearchParams(search).get('lang');
}
