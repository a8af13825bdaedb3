// The guest's choices on an item or combo page before they go to the hub: defaults, toggling, completeness, the running price (pure).
import type { Allergen, Combo, ComboSlotChoice, Menu, MenuItem, ModifierChoices, ModifierGroup, OrderSelection } from '@selfserve/shared';
import { ALLERGENS, configure, MAX_ORDER_QUANTITY, soldOutKey } from '@selfserve/shared/pure';
import { type MenuNow, findItem, itemAvailable, optionSoldOut, slotItems } from './menuView.js';

/** The most of one selection a line may hold, as the hub enforces it. */
export const MAX_QUANTITY = MAX_ORDER_QUANTITY;

export interface ItemDraft {
  kind: 'item';
  itemId: string;
  modifiers: ModifierChoices;
  note: string;
  quantity: number;
}

/** One slot of a combo: null until the guest chooses (or when the chosen item sold out). */
export interface SlotDraft {
  itemId: string;
  sizeId?: string;
  modifiers: ModifierChoices;
}

export interface ComboDraft {
  kind: 'combo';
  comboId: string;
  slots: Record<string, SlotDraft | null>;
  note: string;
  quantity: number;
}

export type Draft = ItemDraft | ComboDraft;

export const groupsOf = (menu: Menu, item: MenuItem): ModifierGroup[] =>
  item.modifierGroupIds.map((id) => menu.modifierGroups.find((g) => g.id === id)).filter((g): g is ModifierGroup => g !== undefined);

/** Each group's default options, leaving out any sold out now. */
export function defaultModifiers(now: MenuNow, item: MenuItem): ModifierChoices {
  const out: ModifierChoices = {};
  for (const g of groupsOf(now.menu, item)) out[g.id] = g.options.filter((o) => o.default && !optionSoldOut(now, g.id, o.id)).map((o) => o.id);
  return out;
}

export const itemDraft = (now: MenuNow, item: MenuItem, quantity = 1): ItemDraft => ({
  kind: 'item',
  itemId: item.id,
  modifiers: defaultModifiers(now, item),
  note: '',
  quantity,
});

/** A slot's item with its defaults (first size, default options). */
export function slotDraft(now: MenuNow, combo: Combo, slotId: string, item: MenuItem): SlotDraft {
  const size = combo.slots.find((s) => s.id === slotId)?.sizes?.[0];
  return { itemId: item.id, ...(size ? { sizeId: size.id } : {}), modifiers: defaultModifiers(now, item) };
}

/** A combo with each slot's default item (or its first available one); `preset` fills one slot, e.g. the burger just added. */
export function comboDraft(now: MenuNow, combo: Combo, preset?: { slotId: string; choice: SlotDraft; note?: string }, quantity = 1): ComboDraft {
  const slots: Record<string, SlotDraft | null> = {};
  for (const slot of combo.slots) {
    if (preset?.slotId === slot.id) {
      slots[slot.id] = preset.choice;
      continue;
    }
    const offered = slotItems(now, slot);
    const pick = offered.find((it) => it.id === slot.defaultItemId) ?? offered[0];
    slots[slot.id] = pick ? slotDraft(now, combo, slot.id, pick) : null;
  }
  return { kind: 'combo', comboId: combo.id, slots, note: preset?.note ?? '', quantity };
}

/** The choices a basket line was made with, ready to edit; anything sold out since is left unchosen. */
export function draftFromSelection(now: MenuNow, selection: OrderSelection, quantity: number): Draft {
  if (selection.kind === 'item') {
    return pruneSoldOut(now, { kind: 'item', itemId: selection.itemId, modifiers: { ...selection.modifiers }, note: selection.note ?? '', quantity });
  }
  const slots: Record<string, SlotDraft | null> = {};
  for (const [slotId, c] of Object.entries(selection.slots ?? {})) slots[slotId] = { ...c, modifiers: { ...c.modifiers } };
  return pruneSoldOut(now, { kind: 'combo', comboId: selection.comboId, slots, note: selection.note ?? '', quantity });
}

const pruneModifiers = (now: MenuNow, m: ModifierChoices): ModifierChoices =>
  Object.fromEntries(Object.entries(m).map(([g, ids]) => [g, ids.filter((id) => !optionSoldOut(now, g, id))]));

/** Drops what sold out since it was chosen (an option, or a slot's item), so the guest sees it must be chosen again. */
export function pruneSoldOut<D extends Draft>(now: MenuNow, draft: D): D {
  if (draft.kind === 'item') return { ...draft, modifiers: pruneModifiers(now, draft.modifiers) };
  const slots: Record<string, SlotDraft | null> = {};
  for (const [id, s] of Object.entries(draft.slots)) {
    const item = s ? findItem(now.menu, s.itemId) : undefined;
    slots[id] = s && item && itemAvailable(now, item) ? { ...s, modifiers: pruneModifiers(now, s.modifiers) } : null;
  }
  return { ...draft, slots };
}

const optionKeys = (m: ModifierChoices) => Object.entries(m).flatMap(([g, ids]) => ids.map((id) => soldOutKey.option(g, id)));

/** The sold-out keys of everything the draft holds: its item or combo, each slot's item, each chosen option. */
export function draftKeys(draft: Draft): Set<string> {
  if (draft.kind === 'item') return new Set([soldOutKey.item(draft.itemId), ...optionKeys(draft.modifiers)]);
  const slots = Object.values(draft.slots).filter((s): s is SlotDraft => s !== null);
  return new Set([soldOutKey.combo(draft.comboId), ...slots.flatMap((s) => [soldOutKey.item(s.itemId), ...optionKeys(s.modifiers)])]);
}

/** A tap on an option: a single-choice group swaps; a multi-choice one adds (up to max) or removes. */
export function toggleOption(group: ModifierGroup, chosen: readonly string[], optionId: string): string[] {
  if (chosen.includes(optionId)) return group.max === 1 && group.min >= 1 ? [...chosen] : chosen.filter((id) => id !== optionId);
  if (group.max === 1) return [optionId];
  return chosen.length >= group.max ? [...chosen] : [...chosen, optionId];
}

/** How many more the group needs before it is complete. */
export const missingIn = (group: ModifierGroup, chosen: readonly string[] | undefined): number => Math.max(0, group.min - (chosen?.length ?? 0));

function modifiersComplete(menu: Menu, item: MenuItem, m: ModifierChoices): boolean {
  return groupsOf(menu, item).every((g) => missingIn(g, m[g.id]) === 0);
}

/** Whether the draft can be sent: every required choice made, every slot chosen. */
export function draftComplete(menu: Menu, draft: Draft): boolean {
  if (draft.kind === 'item') {
    const item = findItem(menu, draft.itemId);
    return item !== undefined && modifiersComplete(menu, item, draft.modifiers);
  }
  return Object.values(draft.slots).every((s) => {
    const item = s ? findItem(menu, s.itemId) : undefined;
    return item !== undefined && modifiersComplete(menu, item, s!.modifiers);
  });
}

/** What goes to the hub; the note trimmed, left out when empty. */
export function toSelection(draft: Draft): OrderSelection {
  const note = draft.note.replace(/\s+/g, ' ').trim();
  const withNote = note ? { note } : {};
  if (draft.kind === 'item') return { kind: 'item', itemId: draft.itemId, modifiers: draft.modifiers, ...withNote };
  const slots: Record<string, ComboSlotChoice> = {};
  for (const [id, s] of Object.entries(draft.slots)) if (s) slots[id] = s;
  return { kind: 'combo', comboId: draft.comboId, slots, ...withNote };
}

/** The menu with every time window open: the hub's openCategoryIds, not this screen's clock, say what is served now. */
export const withoutWindows = (menu: Menu): Menu => ({ ...menu, categories: menu.categories.map(({ availableFrom: _f, availableTo: _t, ...c }) => c) });

/** A required group not yet chosen counts with its cheapest options, so the price shows from the first tap. */
function padded(now: MenuNow, item: MenuItem, m: ModifierChoices): ModifierChoices {
  const out: ModifierChoices = { ...m };
  for (const g of groupsOf(now.menu, item)) {
    const chosen = out[g.id] ?? [];
    const spare = g.options.filter((o) => !chosen.includes(o.id) && !optionSoldOut(now, g.id, o.id)).sort((a, b) => a.price - b.price);
    out[g.id] = [...chosen, ...spare.slice(0, missingIn(g, chosen)).map((o) => o.id)];
  }
  return out;
}

/**
 * Price of one, as the hub will price it (configure() on the same menu), for display only; what is charged
 * is the basket line's price in the hub's snapshot. Null when it cannot be priced (something sold out).
 * `openMenu` is withoutWindows(menu).
 */
export function unitPrice(now: MenuNow, openMenu: Menu, draft: Draft): number | null {
  const at = { minuteOfDay: 0, soldOut: now.soldOut };
  try {
    if (draft.kind === 'item') {
      const item = findItem(now.menu, draft.itemId);
      if (!item) return null;
      return configure(openMenu, { kind: 'item', itemId: item.id, modifiers: padded(now, item, draft.modifiers) }, at).unitPrice;
    }
    const combo = now.menu.combos.find((c) => c.id === draft.comboId);
    if (!combo) return null;
    const slots: Record<string, ComboSlotChoice> = {};
    for (const slot of combo.slots) {
      const s = draft.slots[slot.id];
      const offered = slotItems(now, slot);
      const item = s ? findItem(now.menu, s.itemId) : (offered.find((it) => it.id === slot.defaultItemId) ?? offered[0]);
      if (!item) return null;
      slots[slot.id] = s ? { ...s, modifiers: padded(now, item, s.modifiers) } : { itemId: item.id, modifiers: padded(now, item, {}) };
    }
    return configure(openMenu, { kind: 'combo', comboId: combo.id, slots }, at).unitPrice;
  } catch {
    return null;
  }
}

/** The allergens of what the guest has chosen so far (items and options), in the regulation's order. */
export function draftAllergens(menu: Menu, draft: Draft): Allergen[] {
  const found = new Set<Allergen>();
  const add = (item: MenuItem | undefined, m: ModifierChoices) => {
    if (!item) return;
    item.allergens.forEach((a) => found.add(a));
    for (const g of groupsOf(menu, item)) for (const id of m[g.id] ?? []) g.options.find((o) => o.id === id)?.allergens.forEach((a) => found.add(a));
  };
  if (draft.kind === 'item') add(findItem(menu, draft.itemId), draft.modifiers);
  else for (const s of Object.values(draft.slots)) if (s) add(findItem(menu, s.itemId), s.modifiers);
  return ALLERGENS.filter((a) => found.has(a));
}
