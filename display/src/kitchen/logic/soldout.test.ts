// The sold-out panel lists items by category, the meals and the options, each marked by what the hub says is sold out.
import type { Menu } from '@selfserve/shared';
import { describe, expect, it } from 'vitest';
import { soldOutSections } from './soldout.js';

const menu = {
  currency: 'DKK',
  categories: [
    { id: 'sides', name: { da: 'Tilbehør', en: 'Sides' }, sort: 20 },
    { id: 'burgers', name: { da: 'Burgere', en: 'Burgers' }, sort: 10 },
  ],
  items: [
    { id: 'cheese', categoryId: 'burgers', name: { da: 'Cheeseburger' }, soldOut: false },
    { id: 'fries', categoryId: 'sides', name: { da: 'Pommes frites', en: 'Fries' }, soldOut: false },
    { id: 'rings', categoryId: 'sides', name: { da: 'Løgringe', en: 'Onion rings' }, soldOut: true },
  ],
  combos: [{ id: 'meal', name: { da: 'Burgermenu' }, soldOut: false }],
  modifierGroups: [{ id: 'extra', name: { da: 'Ekstra' }, options: [{ id: 'bacon', name: { da: 'Bacon' } }] }],
  upsells: [],
} as unknown as Menu;

describe('the sold-out panel', () => {
  it('lists categories in menu order, then meals, then each group’s options, with what is sold out', () => {
    const sections = soldOutSections(menu, new Set(['item:fries', 'option:extra/bacon']));
    expect(sections.map((s) => s.id)).toEqual(['category:burgers', 'category:sides', 'combos', 'group:extra']);
    const sides = sections[1]!.entries;
    expect(sides.map((e) => [e.key, e.soldOut, e.fixed])).toEqual([['item:fries', true, false], ['item:rings', true, true]]);
    expect(sections[3]!.entries[0]).toMatchObject({ key: 'option:extra/bacon', soldOut: true });
  });

  it('finds by name in either language, and leaves out sections with nothing found', () => {
    expect(soldOutSections(menu, new Set(), 'FRIES').map((s) => s.entries.map((e) => e.key))).toEqual([['item:fries']]);
    expect(soldOutSections(menu, new Set(), 'zzz')).toEqual([]);
  });
});
