/** Rules of the allergen filter: what a guest avoiding some allergens may still order. */
import { describe, expect, it } from 'vitest';
import demoMenuJson from '../../../hub/demo/burger-menu.json' with { type: 'json' };
import { menuSchema } from '../catalog/menu.js';
import { comboSafe, itemSafe } from './allergen-filter.js';
import type { Allergen } from './allergens.js';

const t = (da: string) => ({ da, en: da });
const avoid = (...list: Allergen[]) => new Set(list);

const menu = menuSchema.parse({
  categories: [{ id: 'mad', name: t('Mad') }, { id: 'drikke', name: t('Drikke') }],
  items: [
    { id: 'burger', categoryId: 'mad', name: t('Burger'), price: 7900, station: 'grill', allergens: ['gluten', 'sesame'], modifierGroupIds: ['saucer'] },
    { id: 'salat', categoryId: 'mad', name: t('Salat'), price: 6900, station: 'cold', modifierGroupIds: ['dressing'] },
    { id: 'fritter', categoryId: 'mad', name: t('Fritter'), price: 2900, station: 'fryer' },
    { id: 'milkshake', categoryId: 'drikke', name: t('Milkshake'), price: 4500, station: 'drinks', allergens: ['milk'] },
    { id: 'cola', categoryId: 'drikke', name: t('Cola'), price: 2900, station: 'drinks' },
  ],
  modifierGroups: [
    { id: 'saucer', name: t('Saucer'), max: 2, options: [{ id: 'ketchup', name: t('Ketchup'), default: true }, { id: 'mayo', name: t('Mayo'), allergens: ['eggs', 'mustard'] }] },
    { id: 'dressing', name: t('Dressing'), min: 1, max: 1, options: [{ id: 'yoghurt', name: t('Yoghurt'), default: true, allergens: ['milk'] }, { id: 'olie', name: t('Olie') }] },
  ],
  combos: [
    { id: 'burgermenu', name: t('Burgermenu'), price: 10900, slots: [{ id: 'main', name: t('Hovedret'), itemIds: ['burger'] }, { id: 'side', name: t('Tilbehør'), itemIds: ['fritter'] }, { id: 'drink', name: t('Drik'), categoryId: 'drikke' }] },
    { id: 'salatmenu', name: t('Salatmenu'), price: 8900, slots: [{ id: 'main', name: t('Hovedret'), itemIds: ['salat'] }, { id: 'drink', name: t('Drik'), itemIds: ['milkshake'] }] },
  ],
});
const item = (id: string) => menu.items.find((i) => i.id === id)!;
const combo = (id: string) => menu.combos.find((c) => c.id === id)!;

describe('safe items', () => {
  it('an item containing an avoided allergen is not safe', () => {
    expect(itemSafe(menu, item('burger'), avoid('gluten'))).toBe(false);
    expect(itemSafe(menu, item('burger'), avoid('milk'))).toBe(true);
  });

  it("a default option's allergens count as part of the item", () => {
    expect(itemSafe(menu, item('salat'), avoid('milk'))).toBe(false); // yoghurt dressing unless changed
  });

  it("an option not chosen by default does not make the item unsafe", () => {
    expect(itemSafe(menu, item('burger'), avoid('eggs', 'mustard'))).toBe(true); // mayo is only on request
  });

  it('avoiding nothing keeps every item', () => {
    expect(menu.items.every((i) => itemSafe(menu, i, avoid()))).toBe(true);
  });
});

describe('safe combos', () => {
  it('a combo is safe when each of its slots keeps a safe choice', () => {
    // The drink slot offers milkshake and cola by category; cola is still safe without milk.
    expect(comboSafe(menu, combo('burgermenu'), avoid('milk'))).toBe(true);
  });

  it('a combo is not safe when one of its slots has no safe choice', () => {
    expect(comboSafe(menu, combo('burgermenu'), avoid('gluten'))).toBe(false);
    expect(comboSafe(menu, combo('salatmenu'), avoid('milk'))).toBe(false);
    expect(comboSafe(menu, combo('salatmenu'), avoid('gluten'))).toBe(true);
  });

  it('in the demo menu, the veggie meal keeps a choice without milk or eggs in every slot and the classic meal does not', () => {
    const demo = menuSchema.parse(demoMenuJson);
    const demoCombo = (id: string) => demo.combos.find((c) => c.id === id)!;
    expect(comboSafe(demo, demoCombo('veggie-menu'), avoid('milk', 'eggs'))).toBe(true);
    expect(comboSafe(demo, demoCombo('classic-menu'), avoid('eggs'))).toBe(false);
    expect(comboSafe(demo, demoCombo('classic-menu'), avoid('milk'))).toBe(true);
    const safe = (a: Allergen[]) => demo.items.filter((i) => itemSafe(demo, i, avoid(...a))).map((i) => i.id);
    expect(safe(['gluten'])).toContain('pommes-frites');
    expect(safe(['gluten'])).not.toContain('fadoel');
    expect(safe(['milk'])).not.toContain('milkshake');
  });
});
