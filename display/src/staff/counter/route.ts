// The Counter tab's place among the station's #hash routes (route.ts has the lanes and the manager's); ?mode=counter opens on it.
import { type StationRoute, formatRoute, parseRoute } from '../store/route.js';

export type StationPlace = StationRoute | { kind: 'counter' };

/** The place in the address: #/counter, or the counter itself when the station was opened as ?mode=counter without one. */
export function parsePlace(hash: string, counterMode: boolean): StationPlace {
  if (/^#\/?counter\b/.test(hash)) return { kind: 'counter' };
  if (counterMode && hash.replace(/^#\/?/, '') === '') return { kind: 'counter' };
  return parseRoute(hash);
}

export const formatPlace = (p: StationPlace): string => (p.kind === 'counter' ? '#/counter' : formatRoute(p));

/** Where the station goes after a sign-out: the counter for a counter screen, the lanes otherwise. */
export const homePlace = (counterMode: boolean): StationPlace => (counterMode ? { kind: 'counter' } : { kind: 'lanes' });
