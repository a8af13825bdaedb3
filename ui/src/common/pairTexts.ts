// The pairing screen's words in both languages at once, and its code entry (pure): whoever pairs a screen may read either.
import type { DeviceKind } from '@selfserve/shared';
import { PAIR_CODE_LENGTH, type PairFailure } from '../device/pairing.js';

export interface Bilingual {
  en: string;
  da: string;
}

export const PAIR_TEXTS = {
  title: { en: 'Pair this screen with the hub', da: 'Par denne skærm med hubben' },
  how: {
    en: 'On the manager’s screen, add this screen and type the 6-digit code it shows.',
    da: 'Tilføj skærmen på lederens skærm, og skriv den 6-cifrede kode, der vises.',
  },
  refused: {
    en: 'The hub refused this screen: it is not paired (its token is unknown or was revoked).',
    da: 'Hubben afviste skærmen: den er ikke parret (dens nøgle er ukendt eller tilbagekaldt).',
  },
  trying: { en: 'Pairing …', da: 'Parrer …' },
  code: { en: 'Pairing code', da: 'Parringskode' },
  submit: { en: 'Pair', da: 'Par' },
  back: { en: 'Delete last digit', da: 'Slet sidste ciffer' },
  clear: { en: 'Clear the code', da: 'Ryd koden' },
} satisfies Record<string, Bilingual>;

export const KIND_NAMES: Record<DeviceKind, Bilingual> = {
  kiosk: { en: 'Self-checkout kiosk', da: 'Selvbetjeningskasse' },
  display: { en: 'Display', da: 'Skærm' },
  staff: { en: 'Attendant station', da: 'Personalestation' },
  kitchen: { en: 'Kitchen display', da: 'Køkkenskærm' },
  board: { en: 'Order-status board', da: 'Ordretavle' },
};

export const FAILURE_TEXTS: Record<PairFailure, Bilingual> = {
  'wrong-code': {
    en: 'That code is wrong, used or expired. Check it, or make a new one on the manager’s screen.',
    da: 'Koden er forkert, brugt eller udløbet. Tjek den, eller lav en ny på lederens skærm.',
  },
  'bad-code': { en: 'A pairing code has 6 digits.', da: 'En parringskode har 6 cifre.' },
  'rate-limited': { en: 'Too many tries. Wait a minute, then try again.', da: 'For mange forsøg. Vent et minut, og prøv igen.' },
  unreachable: { en: 'The hub cannot be reached. Check the network, then try again.', da: 'Hubben kan ikke nås. Tjek netværket, og prøv igen.' },
  failed: { en: 'Pairing did not work. Try again.', da: 'Parringen lykkedes ikke. Prøv igen.' },
};

export type CodeKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'back' | 'clear';

/** One key of the on-screen keypad applied to the code typed so far; never longer than a code. */
export function pressCodeKey(draft: string, key: CodeKey): string {
  if (key === 'clear') return '';
  if (key === 'back') return draft.slice(0, -1);
  return draft.length < PAIR_CODE_LENGTH ? draft + key : draft;
}

/** What was typed or pasted into the field, as a code: digits only (a pasted "123 456" too), at most six. */
export const codeFromInput = (text: string): string => text.replace(/\D/g, '').slice(0, PAIR_CODE_LENGTH);
