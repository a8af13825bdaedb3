// What the shared returns components take from the app around them: its return's store, its words, its ids and its look.
import type { RefundMethod } from '@selfserve/shared';
import { type InjectionKey, type UnwrapNestedRefs, computed, inject, provide } from 'vue';
import type { Refusal, useReturnFlow } from './flow.js';
import type { RefundOutcomeLine } from './outcome.js';

/** The messages the components say, as each app keeps them in its own vue-i18n messages under one root. */
export interface ReturnMessages {
  find: { missing: string };
  sale: Record<'title' | 'paidAt' | 'lane' | 'payment' | 'total' | 'card' | 'cardOf' | 'cash', string>;
  lines: Record<'title' | 'all' | 'none' | 'nothingLeft' | 'deposit' | 'whole' | 'wholeLabel' | 'gone' | 'less' | 'more' | 'count', string>;
  quote: Record<'title' | 'pick' | 'amount' | 'deposit' | 'busy', string>;
  method: Record<RefundMethod | 'legend' | 'cashOnly', string>;
  refund: Record<RefundMethod | 'confirmTitle' | 'confirmCard' | 'confirmCash' | 'confirm' | 'cancel' | 'busy', string>;
  result: Record<RefundOutcomeLine, string>;
  how: Record<RefundMethod, string>;
  next: string;
}

/** Checks an app's messages against what the components say, keeping its own extra ones. */
export const returnMessages = <T extends ReturnMessages>(messages: T): T => messages;

type Group = keyof ReturnMessages;
export type ReturnTextKey = { [G in Group]: ReturnMessages[G] extends string ? G : `${G}.${keyof ReturnMessages[G] & string}` }[Group];

export interface ReturnTexts {
  /** One of the messages, in the app's current language. */
  say(key: ReturnTextKey, params?: Record<string, string | number>): string;
  /** A refusal in the app's words; `typed`: the receipt's code a not-found is about. */
  refusal(r: Refusal, typed?: string): string;
  /** The hub's message to show beneath those words, or null where they say it all. */
  detail(r: Refusal): string | null;
}

/** The store an app makes of useReturnFlow, as its components read it. */
export type ReturnFlow = UnwrapNestedRefs<ReturnType<typeof useReturnFlow>>;

export interface ReturnsUi {
  flow: ReturnFlow;
  texts: ReturnTexts;
  /** The prefix of the components' test and element ids: each app keeps its own. */
  id: string;
  /** The kiosk's large touch screen: a toggle for an item returned whole, larger keys and type; else the station's denser look. */
  touch: boolean;
  /** The level of the components' section headings, below the app's own title of the return. */
  heading: 2 | 3 | 4 | 5;
}

const RETURNS: InjectionKey<ReturnsUi> = Symbol('returns');

/** Called by the app's return view; gives what a screen reader hears when a sale opens. */
export function provideReturns(ui: ReturnsUi) {
  provide(RETURNS, ui);
  return { announce: computed(() => (ui.flow.sale ? ui.texts.say('sale.title', { number: ui.flow.sale.number }) : '')) };
}

export function useReturns(): ReturnsUi {
  const ui = inject(RETURNS);
  if (!ui) throw new Error('a returns component needs provideReturns() in an ancestor component');
  return ui;
}
