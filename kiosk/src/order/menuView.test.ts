// Rules of what the guest sees of the menu: open categories only, sold-out things hidden, the allergen filter, upsells.
import { describe, expect, it } from 'vitest';
import { categoryEntries, comboAvailable, entrySafe, mainSlot, menuNow, upsellsFor, visibleCategories } from './menuView.js';
import { allOpen, testMenu } from './testMenu.js';

const menu = testMenu();
const ids = (entries: ReturnType<typeof categoryEntries>) => entries.map((e) => (e.kind === 'item' ? e.item.id : e.combo.id));

describe('the menu as the guest sees it', () => {
  it('shows the open categories in their display order, and not one outside its hours', () => {
    expect(visibleCategories(menuNow(menu, allOpen())).map((c) => c.id)).toEqual(['burgers', 'meals', 'sides', 'drinks', 'desserts']);
  });

  it('hides a sold-out item at once, and a category left with nothing', () => {
    const now = menuNow(menu, allOpen({ soldOut: ['item:brownie', 'item:veggie'] }));
    expect(ids(categoryEntries(now, 'burgers'))).toEqual(['burger']);
    expect(visibleCategories(now).map((c) => c.id)).not.toContain('desserts');
  });

  it('lists a category’s meals before its items', () => {
    const now = menuNow(menu, allOpen({ openCategoryIds: ['meals', 'burgers', 'sides', 'drinks'] }));
    expect(ids(categoryEntries(now, 'meals'))).toEqual(['burger-meal']);
  });

  it('a combo whose slot has nothing left, or that is sold out itself, cannot be ordered', () => {
    expect(comboAvailable(menuNow(menu, allOpen()), menu.combos[0]!)).toBe(true);
    expect(comboAvailable(menuNow(menu, allOpen({ soldOut: ['item:cola', 'item:shake'] })), menu.combos[0]!)).toBe(false);
    expect(comboAvailable(menuNow(menu, allOpen({ soldOut: ['combo:burger-meal'] })), menu.combos[0]!)).toBe(false);
  });

  it('"hide items with milk" keeps an item whose milk is only an extra, and a combo with a milk-free choice per slot', () => {
    const now = menuNow(menu, allOpen());
    const avoid = new Set(['milk'] as const);
    const [burger] = categoryEntries(now, 'burgers');
    expect(entrySafe(menu, burger!, avoid)).toBe(true);
    const shake = categoryEntries(now, 'drinks').find((e) => e.kind === 'item' && e.item.id === 'shake')!;
    expect(entrySafe(menu, shake, avoid)).toBe(false);
    expect(entrySafe(menu, categoryEntries(now, 'meals')[0]!, avoid)).toBe(true);
    expect(entrySafe(menu, categoryEntries(now, 'meals')[0]!, new Set(['gluten'] as const))).toBe(false);
  });
});

describe('upsells after an item is added', () => {
  it('offers the meal first, then what its category offers', () => {
    const now = menuNow(menu, allOpen());
    const burger = menu.items.find((i) => i.id === 'burger')!;
    expect(upsellsFor(now, burger).map((u) => u.comboId ?? u.offerItemIds?.join())).toEqual(['burger-meal', 'brownie']);
    expect(mainSlot(menu, menu.combos[0]!, 'burger')?.id).toBe('main');
  });

  it('leaves out an offer that cannot be ordered now', () => {
    const now = menuNow(menu, allOpen({ soldOut: ['combo:burger-meal', 'item:brownie'] }));
    expect(upsellsFor(now, menu.items.find((i) => i.id === 'burger')!)).toEqual([]);
  });
});
