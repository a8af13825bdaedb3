// The ordering kiosk's store: the hub's menu and what is sold out live, the guest's way through it, and the order intents sent to the hub.
import type { Allergen, Combo, DiningOption, LocalizedText, Menu, MenuAvailability, MenuItem, SnapshotLine, Upsell } from '@selfserve/shared';
import { request } from '@selfserve/ui';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import { type ComboDraft, type Draft, type ItemDraft, comboDraft, draftFromSelection, draftKeys, itemDraft, pruneSoldOut, slotDraft, toSelection, withoutWindows } from '../order/draft.js';
import { type MenuEntry, type MenuNow, findItem, mainSlot, menuNow, upsellsFor, visibleCategories } from '../order/menuView.js';
import { storeLanguage } from '../i18n/index.js';
import { useLaneStore } from './lane.js';
import { useVisitStore } from './visit.js';

/** After an item was added: what it was, to offer a meal with it or something more. */
export interface UpsellContext {
  item: MenuItem;
  lineId: string;
  draft: ItemDraft;
  /** The offers still to show, the current one first. */
  queue: Upsell[];
}

export type OrderPage =
  | { name: 'menu' }
  | { name: 'item'; draft: ItemDraft; lineId: string | null; after: UpsellContext | null }
  | { name: 'combo'; draft: ComboDraft; step: number; lineId: string | null; after: UpsellContext | null }
  | { name: 'upsell'; context: UpsellContext }
  | { name: 'basket' };

/** What the screen reader hears after a change the guest did not look at (the basket bar, the menu). */
export type OrderNotice = { kind: 'added' | 'changed'; name: LocalizedText; seq: number } | { kind: 'sold-out'; names: LocalizedText[]; seq: number };

export const useOrderStore = defineStore('order', () => {
  const lane = useLaneStore();
  const visit = useVisitStore();
  const menu = shallowRef<Menu | null>(null);
  const availability = shallowRef<MenuAvailability | null>(null);
  const menuState = ref<'loading' | 'ready' | 'failed'>('loading');
  const page = ref<OrderPage>({ name: 'menu' });
  const chosenCategory = ref<string | null>(null);
  const avoid = ref<Allergen[]>([]);
  /** The guest chose eat in or take away in this visit. */
  const choseDining = ref(false);
  const notice = shallowRef<OrderNotice | null>(null);
  let seq = 0;

  const now = computed<MenuNow | null>(() => (menu.value && availability.value ? menuNow(menu.value, availability.value) : null));
  const openMenu = computed(() => (menu.value ? withoutWindows(menu.value) : null));
  const avoidSet = computed(() => new Set(avoid.value));
  const categories = computed(() => (now.value ? visibleCategories(now.value) : []));
  /** The chosen category while it is open, else the first one. */
  const categoryId = computed(() => categories.value.find((c) => c.id === chosenCategory.value)?.id ?? categories.value[0]?.id ?? null);
  const lines = computed<SnapshotLine[]>(() => lane.snapshot?.lines ?? []);

  function acceptAvailability(next: MenuAvailability): void {
    if (availability.value && next.version < availability.value.version) return;
    const before = now.value;
    availability.value = next;
    if (before && now.value) onAvailabilityChange(before, now.value);
  }

  async function loadMenu(): Promise<void> {
    const s = lane.socket;
    if (!s?.connected) return;
    if (!menu.value) menuState.value = 'loading';
    try {
      const ack = await request(s, 'menu:get', {});
      if (!ack.ok) throw new Error(ack.error.message);
      // The hub's word as it is now, whatever version it had (a restarted hub counts again).
      const before = now.value;
      menu.value = ack.data.menu;
      availability.value = ack.data.availability;
      if (before && now.value) onAvailabilityChange(before, now.value);
      menuState.value = 'ready';
    } catch {
      if (!menu.value) menuState.value = 'failed';
    }
  }

  // Every (re)connect fetches the menu: what sold out while we were away came without us.
  watch(() => lane.status, (status) => status === 'connected' && void loadMenu(), { immediate: true });
  watch(() => lane.socket, (s, old) => {
    old?.off('menu:availability', acceptAvailability);
    s?.on('menu:availability', acceptAvailability);
  }, { immediate: true });

  /** Something the guest is choosing sold out: it is dropped from the page's choices, and said. */
  function onAvailabilityChange(before: MenuNow, after: MenuNow): void {
    const p = page.value;
    if (p.name !== 'item' && p.name !== 'combo') return;
    const mine = draftKeys(p.draft);
    const gone = [...after.soldOut].filter((k) => !before.soldOut.has(k) && mine.has(k));
    if (gone.length === 0) return;
    p.draft = pruneSoldOut(after, p.draft);
    const names = gone.map((key) => nameOfKey(after.menu, key)).filter((n): n is LocalizedText => n !== null);
    if (names.length > 0) notice.value = { kind: 'sold-out', names, seq: ++seq };
  }

  // ---- The guest's way through the menu. ----

  function start(): void {
    visit.start();
  }

  async function chooseDining(dining: DiningOption): Promise<boolean> {
    const done = await lane.applied(await lane.send((s, key) => request(s, 'order:setDining', { key, dining })));
    if (done) {
      choseDining.value = true;
      page.value = { name: 'menu' };
    }
    return done;
  }

  function open(entry: MenuEntry): void {
    if (!now.value) return;
    if (entry.kind === 'item') page.value = { name: 'item', draft: itemDraft(now.value, entry.item), lineId: null, after: null };
    else page.value = { name: 'combo', draft: comboDraft(now.value, entry.combo), step: 0, lineId: null, after: null };
  }

  /** The basket's Edit: the line's page with its choices, saved back into the same line. */
  function editLine(line: SnapshotLine): void {
    if (!now.value || !line.order) return;
    const draft: Draft = draftFromSelection(now.value, line.order.selection, line.quantity);
    page.value = draft.kind === 'item' ? { name: 'item', draft, lineId: line.lineId, after: null } : { name: 'combo', draft, step: 0, lineId: line.lineId, after: null };
  }

  /** Sends the page's draft: a new line, or the edited one. */
  async function submit(): Promise<boolean> {
    const p = page.value;
    if (p.name !== 'item' && p.name !== 'combo') return false;
    const name = entryName(p.draft);
    const item = toSelection(p.draft);
    if (p.lineId !== null) {
      const lineId = p.lineId;
      if (!(await lane.applied(await lane.send((s, key) => request(s, 'order:replaceLine', { key, lineId, item }))))) return refused();
      const line = lines.value.find((l) => l.lineId === lineId);
      if (line && line.quantity !== p.draft.quantity) await lane.setQuantity(lineId, p.draft.quantity);
      say('changed', name);
      page.value = { name: 'basket' };
      return true;
    }
    const quantity = p.draft.quantity;
    const added = await lane.send((s, key) => request(s, 'order:add', { key, item, quantity }));
    if (!(await lane.applied(added)) || !added) return refused();
    say('added', name);
    // A meal made of the item just added takes its place in the basket.
    if (p.name === 'combo' && p.after) await lane.removeLine(p.after.lineId);
    afterAdd(p, added.lineId);
    return true;
  }

  function afterAdd(p: Extract<OrderPage, { name: 'item' | 'combo' }>, lineId: string): void {
    if (p.after) return nextOffer(p.after);
    const item = p.draft.kind === 'item' ? findItem(menu.value!, p.draft.itemId) : undefined;
    const queue = item && now.value ? upsellsFor(now.value, item) : [];
    if (item && p.draft.kind === 'item' && queue.length > 0) page.value = { name: 'upsell', context: { item, lineId, draft: p.draft, queue } };
    else page.value = { name: 'menu' };
  }

  /** A refusal: anything sold out or gone out of its hours shows once the menu is fetched again. */
  function refused(): false {
    const code = lane.lastError?.code;
    if (code === 'sold-out' || code === 'unavailable') void loadMenu();
    return false;
  }

  /** The offer after this one, or back to the menu. */
  function nextOffer(context: UpsellContext): void {
    const queue = context.queue.slice(1);
    page.value = queue.length > 0 ? { name: 'upsell', context: { ...context, queue } } : { name: 'menu' };
  }

  /** "Make it a meal": the combo's page with the item just added (and its choices) in its slot. */
  function makeItAMeal(context: UpsellContext, combo: Combo): void {
    const slot = now.value ? mainSlot(now.value.menu, combo, context.item.id) : undefined;
    if (!now.value || !slot) return nextOffer(context);
    const choice = { ...slotDraft(now.value, combo, slot.id, context.item), modifiers: { ...context.draft.modifiers } };
    const draft = comboDraft(now.value, combo, { slotId: slot.id, choice, note: context.draft.note }, context.draft.quantity);
    // The guest chose the main already: start at the first other slot.
    const step = Math.max(0, combo.slots.findIndex((s) => s.id !== slot.id));
    page.value = { name: 'combo', draft, step, lineId: null, after: context };
  }

  /** "Add a dessert?": the offered item's page; once added, the offers go on. */
  function takeOffer(context: UpsellContext, item: MenuItem): void {
    if (!now.value) return;
    page.value = { name: 'item', draft: itemDraft(now.value, item), lineId: null, after: context };
  }

  /** Back from an item or combo page without adding it: to the offer it came from, the basket it was edited from, or the menu. */
  function leavePage(): void {
    const p = page.value;
    if (p.name !== 'item' && p.name !== 'combo') page.value = { name: 'menu' };
    else if (p.after) page.value = { name: 'upsell', context: p.after };
    else page.value = p.lineId !== null ? { name: 'basket' } : { name: 'menu' };
  }

  function showMenu(categoryId?: string): void {
    if (categoryId !== undefined) chosenCategory.value = categoryId;
    page.value = { name: 'menu' };
  }

  const showBasket = () => (page.value = { name: 'basket' });

  async function payAtCounter(): Promise<boolean> {
    return lane.applied(await lane.send((s, key) => request(s, 'order:payAtCounter', { key })));
  }

  /** Start over: the hub's basket is cancelled (its idle snapshot then resets the visit); a visit it never saw is reset here. */
  async function startOver(): Promise<void> {
    const status = lane.snapshot?.status;
    if (status === 'scanning') await lane.cancel();
    else visit.reset(storeLanguage(lane.hello?.store.locale));
  }

  function say(kind: 'added' | 'changed', name: LocalizedText | null): void {
    if (name) notice.value = { kind, name, seq: ++seq };
  }

  function entryName(draft: Draft): LocalizedText | null {
    if (!menu.value) return null;
    return draft.kind === 'item' ? (findItem(menu.value, draft.itemId)?.name ?? null) : (menu.value.combos.find((c) => c.id === draft.comboId)?.name ?? null);
  }

  // A new item page starts without the last word; a sold-out warning belongs to the page it was said on.
  watch(() => page.value.name, (name) => {
    if (name === 'item' || name === 'combo' || notice.value?.kind === 'sold-out') notice.value = null;
  });

  // Paying or paid: what was said about the basket is old news.
  watch(() => lane.snapshot?.status, (status) => {
    if (status !== 'scanning' && status !== 'idle') notice.value = null;
  });

  // The next guest starts with the whole menu, no filter and nothing half-chosen.
  watch(() => visit.started, (started) => {
    if (started) return;
    page.value = { name: 'menu' };
    chosenCategory.value = null;
    avoid.value = [];
    choseDining.value = false;
    notice.value = null;
  });

  return {
    menu,
    menuState,
    now,
    openMenu,
    categories,
    categoryId,
    avoid,
    avoidSet,
    page,
    choseDining,
    notice,
    lines,
    loadMenu,
    start,
    chooseDining,
    open,
    editLine,
    submit,
    nextOffer,
    makeItAMeal,
    takeOffer,
    leavePage,
    showMenu,
    showBasket,
    payAtCounter,
    startOver,
  };
});

/** The guest-facing name of a sold-out key: the item, the combo or the option. */
function nameOfKey(menu: Menu, key: string): LocalizedText | null {
  const [kind, rest = ''] = key.split(/:(.*)/s);
  if (kind === 'item') return findItem(menu, rest)?.name ?? null;
  if (kind === 'combo') return menu.combos.find((c) => c.id === rest)?.name ?? null;
  const [groupId, optionId] = rest.split('/');
  return menu.modifierGroups.find((g) => g.id === groupId)?.options.find((o) => o.id === optionId)?.name ?? null;
}
