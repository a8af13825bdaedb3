// The store day's places among the station's #hash routes: the Returns tab, and the manager view's End of day tab.
import { type StationPlace as CounterPlace, formatPlace as formatCounterPlace, homePlace as counterHome, parsePlace as parseCounterPlace } from '../counter/route.js';

export const REPORTS_TAB = 'reports';
export type ReportsTab = typeof REPORTS_TAB;

export type StationPlace = CounterPlace | { kind: 'returns' } | { kind: 'manager'; tab: ReportsTab };

export function parsePlace(hash: string, counterMode: boolean): StationPlace {
  if (/^#\/?returns\b/.test(hash)) return { kind: 'returns' };
  if (/^#\/?manager\/reports\b/.test(hash)) return { kind: 'manager', tab: REPORTS_TAB };
  return parseCounterPlace(hash, counterMode);
}

export function formatPlace(p: StationPlace): string {
  if (p.kind === 'returns') return '#/returns';
  if (p.kind === 'manager' && p.tab === REPORTS_TAB) return `#/manager/${REPORTS_TAB}`;
  return formatCounterPlace(p as CounterPlace);
}

export const homePlace = (counterMode: boolean): StationPlace => counterHome(counterMode);
