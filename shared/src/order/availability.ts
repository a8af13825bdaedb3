/** When a menu's categories, items and choices can be ordered: time-of-day windows and what staff marked sold out. */
import type { Combo, Menu, MenuCategory, MenuItem } from '../catalog/menu.js';

/** Keys of what can be sold out: a whole item, a combo, or one option of a modifier group. */
export const soldOutKey = {
  item: (id: string) => `item:${id}`,
  combo: (id: string) => `combo:${id}`,
  option: (groupId: string, optionId: string) => `option:${groupId}/${optionId}`,
};

/** Minutes since local midnight of "HH:MM". */
const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether a category's window contains the minute of the day (store local time); a window may span midnight. */
export function categoryOpenAt(category: Pick<MenuCategory, 'availableFrom' | 'availableTo'>, minuteOfDay: number): boolean {
  if (category.availableFrom === undefined || category.availableTo === undefined) return true;
  const from = minutesOf(category.availableFrom);
  const to = minutesOf(category.availableTo);
  return from < to ? minuteOfDay >= from && minuteOfDay < to : minuteOfDay >= from || minuteOfDay < to;
}

/** What the guest may order now: the categories open at this minute, and what is sold out. */
export interface MenuMoment {
  minuteOfDay: number;
  soldOut: ReadonlySet<string>;
}

export function openCategoryIds(menu: Pick<Menu, 'categories'>, minuteOfDay: number): string[] {
  return menu.categories.filter((c) => categoryOpenAt(c, minuteOfDay)).map((c) => c.id);
}

const categoryOpen = (menu: Pick<Menu, 'categories'>, categoryId: string | undefined, minuteOfDay: number) => {
  if (categoryId === undefined) return true;
  const category = menu.categories.find((c) => c.id === categoryId);
  return category !== undefined && categoryOpenAt(category, minuteOfDay);
};

export const itemOrderable = (menu: Pick<Menu, 'categories'>, item: MenuItem, at: MenuMoment): boolean =>
  !item.soldOut && !at.soldOut.has(soldOutKey.item(item.id)) && categoryOpen(menu, item.categoryId, at.minuteOfDay);

export const comboOrderable = (menu: Pick<Menu, 'categories'>, combo: Combo, at: MenuMoment): boolean =>
  !combo.soldOut && !at.soldOut.has(soldOutKey.combo(combo.id)) && categoryOpen(menu, combo.categoryId, at.minuteOfDay);
