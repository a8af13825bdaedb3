// What the guest sees of the menu now: open categories, nothing sold out, the allergen filter, the upsells after an item (pure).
import type { Allergen, Combo, ComboSlot, Menu, MenuAvailability, MenuCategory, MenuItem, Upsell } from '@selfserve/shared';
import { comboSafe, itemSafe, slotChoices, soldOutKey } from '@selfserve/shared/pure';

/** The menu with the hub's word on what can be ordered now. */
export interface MenuNow {
  menu: Menu;
  soldOut: ReadonlySet<string>;
  openCategoryIds: ReadonlySet<string>;
}

export type MenuEntry = { kind: 'combo'; combo: Combo } | { kind: 'item'; item: MenuItem };

export const menuNow = (menu: Menu, availability: MenuAvailability): MenuNow => ({
  menu,
  soldOut: new Set(availability.soldOut),
  openCategoryIds: new Set(availability.openCategoryIds),
});

const categoryOpen = (now: MenuNow, categoryId: string | undefined) => categoryId === undefined || now.openCategoryIds.has(categoryId);

/** An item the guest can order now: not sold out, its category open. */
export function itemAvailable(now: MenuNow, item: MenuItem): boolean {
  return !item.soldOut && !now.soldOut.has(soldOutKey.item(item.id)) && categoryOpen(now, item.categoryId);
}

export const findItem = (menu: Pick<Menu, 'items'>, id: string): MenuItem | undefined => menu.items.find((it) => it.id === id);

/** The items a slot offers that can be ordered now. */
export function slotItems(now: MenuNow, slot: ComboSlot): MenuItem[] {
  return slotChoices(now.menu, slot)
    .map((id) => findItem(now.menu, id))
    .filter((it): it is MenuItem => it !== undefined && itemAvailable(now, it));
}

/** A combo the guest can order now: not sold out, its category open, and each slot still offers something. */
export function comboAvailable(now: MenuNow, combo: Combo): boolean {
  if (combo.soldOut || now.soldOut.has(soldOutKey.combo(combo.id)) || !categoryOpen(now, combo.categoryId)) return false;
  return combo.slots.every((slot) => slotItems(now, slot).length > 0);
}

export const optionSoldOut = (now: MenuNow, groupId: string, optionId: string): boolean => now.soldOut.has(soldOutKey.option(groupId, optionId));

/** Everything of a category that can be ordered now (combos first, as menu boards show meals first), before the allergen filter. */
export function categoryEntries(now: MenuNow, categoryId: string): MenuEntry[] {
  const combos = now.menu.combos.filter((c) => c.categoryId === categoryId && comboAvailable(now, c)).map((combo) => ({ kind: 'combo', combo }) as const);
  const items = now.menu.items.filter((it) => it.categoryId === categoryId && itemAvailable(now, it)).map((item) => ({ kind: 'item', item }) as const);
  return [...combos, ...items];
}

/** Whether an entry suits a guest avoiding these allergens (as served by default; a combo: some choice per slot). */
export function entrySafe(menu: Menu, entry: MenuEntry, avoid: ReadonlySet<Allergen>): boolean {
  if (avoid.size === 0) return true;
  return entry.kind === 'item' ? itemSafe(menu, entry.item, avoid) : comboSafe(menu, entry.combo, avoid);
}

/** The categories open now with something to order, in the menu's display order. */
export function visibleCategories(now: MenuNow): MenuCategory[] {
  return now.menu.categories
    .map((category, index) => ({ category, index }))
    .filter(({ category }) => now.openCategoryIds.has(category.id) && categoryEntries(now, category.id).length > 0)
    .sort((a, b) => a.category.sort - b.category.sort || a.index - b.index)
    .map(({ category }) => category);
}

/** The upsells to offer after this item was added, "make it a meal" first; only those the guest can order now. */
export function upsellsFor(now: MenuNow, item: MenuItem): Upsell[] {
  const matching = now.menu.upsells.filter((u) => u.fromItemId === item.id || u.fromCategoryId === item.categoryId);
  const orderable = matching.filter((u) => {
    if (u.comboId !== undefined) {
      const combo = now.menu.combos.find((c) => c.id === u.comboId);
      return combo !== undefined && comboAvailable(now, combo) && mainSlot(now.menu, combo, item.id) !== undefined;
    }
    return offeredItems(now, u).length > 0;
  });
  return [...orderable.filter((u) => u.comboId !== undefined), ...orderable.filter((u) => u.comboId === undefined)];
}

/** The items an "add a dessert?" upsell offers that can be ordered now. */
export function offeredItems(now: MenuNow, upsell: Upsell): MenuItem[] {
  return (upsell.offerItemIds ?? []).map((id) => findItem(now.menu, id)).filter((it): it is MenuItem => it !== undefined && itemAvailable(now, it));
}

/** The slot of a combo the item fills when a lone item becomes a meal: the first one offering it. */
export function mainSlot(menu: Menu, combo: Combo, itemId: string): ComboSlot | undefined {
  return combo.slots.find((slot) => slotChoices(menu, slot).includes(itemId));
}

/** The allergens of `list` the guest asked to avoid, for a warning beside a choice. */
export const avoidedIn = (list: readonly Allergen[], avoid: ReadonlySet<Allergen>): Allergen[] => list.filter((a) => avoid.has(a));
