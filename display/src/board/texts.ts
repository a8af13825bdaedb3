// The board's words in both languages at once: guests read whichever is theirs, from across the room.
import type { Bilingual } from '@selfserve/ui';

export const BOARD_TEXTS = {
  title: { da: 'Ordrestatus', en: 'Order status' },
  preparing: { da: 'Tilberedes', en: 'Preparing' },
  ready: { da: 'Klar', en: 'Ready' },
  none: { da: 'Ingen lige nu', en: 'None right now' },
  connecting: { da: 'Forbinder …', en: 'Connecting …' },
  soundOff: { da: 'Lyd slået fra: tryk for at slå lyden til', en: 'Sound is off: tap to turn it on' },
  wrongKind: { da: 'Denne skærm er parret som {kind}, ikke som ordretavle.', en: 'This screen is paired as a {kind}, not as an order-status board.' },
  refused: { da: 'Hubben vil ikke vise ordrerne her', en: 'The hub will not show the orders here' },
} satisfies Record<string, Bilingual>;

/** "Ordre 42 er klar. Order 42 is ready." for the live region; several numbers in one sentence. */
export function readyAnnouncement(numbers: readonly number[]): string {
  const list = numbers.join(', ');
  return numbers.length === 1 ? `Ordre ${list} er klar. Order ${list} is ready.` : `Ordre ${list} er klar. Orders ${list} are ready.`;
}
