import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import demoMenu from '../../../hub/demo/burger-menu.json' with { type: 'json' };
import { menuSchema, modifierGroupSchema, type MenuInput } from './menu.js';

const t = (da: string) => ({ da, en: da });

/** A small valid menu to break one thing at a time. */
function tiny(): MenuInput {
  return {
    categories: [
      { id: 'burgere', name: t('Burgere') },
      { id: 'drikke', name: t('Drikkevarer') },
      { id: 'morgenmad', name: t('Morgenmad'), availableFrom: '07:00', availableTo: '10:30' },
    ],
    items: [
      { id: 'burger', categoryId: 'burgere', name: t('Burger'), price: 7900, station: 'grill', modifierGroupIds: ['stegning', 'ekstra'] },
      { id: 'fritter', categoryId: 'burgere', name: t('Pommes frites'), price: 2900, station: 'fryer' },
      { id: 'cola', categoryId: 'drikke', name: t('Cola'), price: 2900, station: 'drinks' },
      { id: 'oel', categoryId: 'drikke', name: t('Fadøl'), price: 5500, station: 'drinks', ageCategory: 'alcohol', abv: 46 },
    ],
    modifierGroups: [
      { id: 'stegning', name: t('Stegning'), min: 1, max: 1, options: [{ id: 'medium', name: t('Medium') }, { id: 'well', name: t('Gennemstegt') }] },
      { id: 'ekstra', name: t('Ekstra'), max: 5, options: [{ id: 'ost', name: t('Ost'), price: 800 }, { id: 'bacon', name: t('Bacon'), price: 1200 }] },
    ],
    combos: [
      {
        id: 'burger-menu',
        name: t('Burgermenu'),
        price: 10900,
        slots: [
          { id: 'main', name: t('Hovedret'), itemIds: ['burger'] },
          { id: 'side', name: t('Tilbehør'), itemIds: ['fritter'], sizes: [{ id: 'normal', name: t('Normal'), priceDelta: 0 }, { id: 'stor', name: t('Stor'), priceDelta: 1000 }] },
          { id: 'drink', name: t('Drik'), categoryId: 'drikke', defaultItemId: 'cola' },
        ],
      },
    ],
    upsells: [{ fromItemId: 'burger', comboId: 'burger-menu' }],
  };
}

/** Messages of a failed parse, with their paths, for readable assertions. */
function problems(input: unknown): string[] {
  const r = menuSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('menu schema', () => {
  it('accepts the demo burger menu', () => {
    const r = menuSchema.safeParse(demoMenu);
    expect(r.success ? [] : r.error.issues).toEqual([]);
    const menu = menuSchema.parse(demoMenu);
    expect(menu.items.length).toBeGreaterThanOrEqual(20);
    expect(menu.categories.find((c) => c.id === 'morgenmad')).toMatchObject({ availableFrom: '07:00', availableTo: '10:30' });
    expect(menu.items.some((i) => i.ageCategory === 'alcohol' && i.abv !== undefined)).toBe(true);
    expect(menu.modifierGroups.find((g) => g.id === 'stegning')).toMatchObject({ min: 1, max: 1 });
    expect(menu.modifierGroups.find((g) => g.id === 'ekstra')?.options.find((o) => o.id === 'ekstra-ost')?.price).toBe(800);
    expect(menu.upsells.length).toBeGreaterThan(0);
  });

  it('accepts the tiny menu and fills defaults', () => {
    const menu = menuSchema.parse(tiny());
    expect(menu.currency).toBe('DKK');
    expect(menu.items[1]).toMatchObject({ vatRate: 2500, soldOut: false, modifierGroupIds: [] });
    expect(menu.modifierGroups[1]).toMatchObject({ min: 0 });
    expect(menu.modifierGroups[1]!.options[0]).toMatchObject({ default: false });
  });

  it('refuses a modifier group with min above max', () => {
    const r = modifierGroupSchema.safeParse({ id: 'g', name: t('G'), min: 3, max: 2, options: [{ id: 'a', name: t('A') }, { id: 'b', name: t('B') }, { id: 'c', name: t('C') }] });
    expect(r.success).toBe(false);
    const m = tiny();
    m.modifierGroups![0]!.min = 2;
    expect(problems(m).join('\n')).toMatch(/modifierGroups\.0\.min: min \(2\) is above max \(1\)/);
  });

  it('refuses more default options than max, a required group with too few options, and duplicate option ids', () => {
    const opts = [{ id: 'a', name: t('A'), default: true }, { id: 'b', name: t('B'), default: true }];
    expect(modifierGroupSchema.safeParse({ id: 'g', name: t('G'), max: 1, options: opts }).success).toBe(false);
    expect(modifierGroupSchema.safeParse({ id: 'g', name: t('G'), min: 3, max: 3, options: opts }).success).toBe(false);
    expect(modifierGroupSchema.safeParse({ id: 'g', name: t('G'), max: 2, options: [opts[0], opts[0]] }).success).toBe(false);
    expect(modifierGroupSchema.safeParse({ id: 'g', name: t('G'), max: 2, options: opts }).success).toBe(true);
  });

  it('refuses a negative extra price', () => {
    const m = tiny();
    m.modifierGroups![1]!.options[0]!.price = -800;
    expect(problems(m).join('\n')).toMatch(/modifierGroups\.1\.options\.0\.price/);
  });

  it('refuses an item naming an unknown modifier group or category', () => {
    const m = tiny();
    m.items[0]!.modifierGroupIds = ['stegning', 'saucer'];
    m.items[1]!.categoryId = 'desserter';
    expect(problems(m)).toEqual(['items.0.modifierGroupIds.1: unknown modifier group "saucer"', 'items.1.categoryId: unknown category "desserter"']);
  });

  it('refuses combos and upsells that name unknown things', () => {
    const m = tiny();
    m.combos![0]!.slots[0]!.itemIds = ['burger', 'hotdog'];
    m.combos![0]!.slots[2]!.defaultItemId = 'burger'; // not a drink
    m.upsells = [{ fromItemId: 'cola', comboId: 'burger-menu' }, { fromItemId: 'burger', comboId: 'hotdog-menu' }];
    expect(problems(m)).toEqual([
      'combos.0.slots.0.itemIds.1: unknown item "hotdog"',
      'combos.0.slots.2.defaultItemId: default item "burger" is not a choice of this slot',
      'upsells.1.comboId: unknown combo "hotdog-menu"',
    ]);
    // cola is offered by the drink slot (by category), so that upsell is consistent; fritter is in no slot of a combo it upsells to:
    m.upsells = [{ fromItemId: 'oel', comboId: 'burger-menu' }];
    m.combos![0]!.slots[2] = { id: 'drink', name: t('Drik'), itemIds: ['cola'] };
    m.combos![0]!.slots[0]!.itemIds = ['burger'];
    expect(problems(m)).toEqual(['upsells.0.comboId: combo "burger-menu" has no slot offering "oel"']);
  });

  it('refuses a slot with both or neither of itemIds and categoryId, and a negative size delta', () => {
    const m = tiny();
    m.combos![0]!.slots[0] = { id: 'main', name: t('Hovedret'), itemIds: ['burger'], categoryId: 'burgere' };
    expect(problems(m)).toEqual(['combos.0.slots.0: a slot has either itemIds or categoryId']);
    m.combos![0]!.slots[0] = { id: 'main', name: t('Hovedret') };
    expect(problems(m)).toContain('combos.0.slots.0: a slot has either itemIds or categoryId');
    const n = tiny();
    n.combos![0]!.slots[1]!.sizes![1]!.priceDelta = -500;
    expect(problems(n).join('\n')).toMatch(/combos\.0\.slots\.1\.sizes\.1\.priceDelta/);
  });

  it('refuses duplicate ids, an id shared by an item and a combo, and bad time windows', () => {
    const m = tiny();
    m.items[1]!.id = 'burger';
    m.combos![0]!.id = 'cola';
    expect(problems(m)).toEqual(expect.arrayContaining(['items.1.id: duplicate item id "burger"', 'combos.0.id: duplicate item or combo id "cola"']));
    for (const window of [{ availableFrom: '7:00', availableTo: '10:30' }, { availableFrom: '07:00', availableTo: '24:00' }, { availableFrom: '07:00' }, { availableFrom: '07:00', availableTo: '07:00' }]) {
      const w = tiny();
      w.categories[2] = { id: 'morgenmad', name: t('Morgenmad'), ...window };
      expect(problems(w), JSON.stringify(window)).not.toEqual([]);
    }
    const late = tiny();
    late.categories[2] = { id: 'nat', name: t('Natmenu'), availableFrom: '22:00', availableTo: '03:00' }; // spans midnight
    expect(problems(late)).toEqual([]);
  });

  it('refuses unknown keys and unknown stations', () => {
    const m = tiny() as unknown as { items: Record<string, unknown>[] };
    m.items[0]!.colour = 'red';
    expect(problems(m)).not.toEqual([]);
    const s = tiny();
    (s.items[0] as { station: string }).station = 'oven';
    expect(problems(s).join('\n')).toMatch(/items\.0\.station/);
  });
});

describe('menu schema: allergens, nutrition, notes, slot extras and upsells', () => {
  it('fills allergens with none and notes with not allowed', () => {
    const menu = menuSchema.parse(tiny());
    expect(menu.items[0]).toMatchObject({ allergens: [], allowNote: false });
    expect(menu.modifierGroups[1]!.options[0]).toMatchObject({ allergens: [] });
  });

  it('refuses an allergen that is not one of the EU 14, on an item or an option', () => {
    const m = tiny() as unknown as { items: Record<string, unknown>[]; modifierGroups: { options: Record<string, unknown>[] }[] };
    m.items[0]!.allergens = ['gluten', 'tomato'];
    m.modifierGroups[1]!.options[0]!.allergens = ['Milk'];
    expect(problems(m).map((p) => p.split(':')[0])).toEqual(['items.0.allergens.1', 'modifierGroups.1.options.0.allergens.0']);
    const ok = tiny();
    ok.items[0]!.allergens = ['gluten', 'sesame'];
    ok.modifierGroups![1]!.options[0]!.allergens = ['milk'];
    expect(problems(ok)).toEqual([]);
  });

  it('refuses nutrition with a negative or fractional kcal, or an unknown key', () => {
    for (const nutrition of [{ kcal: -1 }, { kcal: 512.5 }, { kcal: 500, sugarGrams: 3 }]) {
      const m = tiny() as unknown as { items: Record<string, unknown>[] };
      m.items[0]!.nutrition = nutrition;
      expect(problems(m).join('\n'), JSON.stringify(nutrition)).toMatch(/^items\.0\.nutrition/);
    }
    const ok = tiny();
    ok.items[0]!.nutrition = { kcal: 650, fatGrams: 30, carbsGrams: 48, proteinGrams: 34, saltGrams: 2.4 };
    expect(problems(ok)).toEqual([]);
  });

  it('refuses slot extras for an item that is not a choice of the slot', () => {
    const m = tiny();
    m.combos![0]!.slots[1]!.extras = { fritter: 500, cola: 500 };
    m.combos![0]!.slots[2]!.extras = { oel: 2000, burger: 100 }; // the drink slot offers every drink by category
    expect(problems(m)).toEqual([
      'combos.0.slots.1.extras.cola: extra for "cola", which is not a choice of this slot',
      'combos.0.slots.2.extras.burger: extra for "burger", which is not a choice of this slot',
    ]);
    m.combos![0]!.slots[1]!.extras = { fritter: -500 };
    m.combos![0]!.slots[2]!.extras = { oel: 2000 };
    expect(problems(m).join('\n')).toMatch(/combos\.0\.slots\.1\.extras\.fritter/);
  });

  it('refuses an upsell without exactly one of fromItemId and fromCategoryId', () => {
    const m = tiny();
    m.upsells = [{ fromItemId: 'burger', fromCategoryId: 'burgere', offerItemIds: ['cola'] }, { offerItemIds: ['cola'] }];
    expect(problems(m)).toEqual(['upsells.0: an upsell has either fromItemId or fromCategoryId', 'upsells.1: an upsell has either fromItemId or fromCategoryId']);
  });

  it('refuses an upsell without exactly one of comboId and offerItemIds, or with an empty offer', () => {
    const m = tiny();
    m.upsells = [{ fromItemId: 'burger', comboId: 'burger-menu', offerItemIds: ['cola'] }, { fromItemId: 'burger' }];
    expect(problems(m)).toEqual(['upsells.0: an upsell offers either a comboId or offerItemIds', 'upsells.1: an upsell offers either a comboId or offerItemIds']);
    m.upsells = [{ fromItemId: 'burger', offerItemIds: [] }];
    expect(problems(m).join('\n')).toMatch(/upsells\.0\.offerItemIds/);
  });

  it('accepts an "add a dessert?" upsell from a category or an item, and refuses one offering unknown items', () => {
    const m = tiny();
    m.upsells = [{ fromCategoryId: 'burgere', offerItemIds: ['cola', 'oel'] }, { fromItemId: 'fritter', offerItemIds: ['cola'], prompt: t('Noget at drikke?') }];
    expect(problems(m)).toEqual([]);
    m.upsells = [{ fromCategoryId: 'desserter', offerItemIds: ['cola', 'is'] }];
    expect(problems(m)).toEqual(['upsells.0.fromCategoryId: unknown category "desserter"', 'upsells.0.offerItemIds.1: unknown item "is"']);
  });

  it('refuses a "make it a meal" upsell that starts from a category', () => {
    const m = tiny();
    m.upsells = [{ fromCategoryId: 'burgere', comboId: 'burger-menu' }];
    expect(problems(m)).toEqual(['upsells.0.fromItemId: a "make it a meal" upsell starts from one item (fromItemId)']);
  });
});

describe('the demo burger menu', () => {
  const menu = menuSchema.parse(demoMenu);
  const option = (group: string, id: string) => menu.modifierGroups.find((g) => g.id === group)!.options.find((o) => o.id === id)!;
  const item = (id: string) => menu.items.find((i) => i.id === id)!;

  it('declares allergens on items and options as served', () => {
    expect(option('ekstra', 'ekstra-ost').allergens).toEqual(['milk']);
    expect(option('saucer', 'mayo').allergens).toContain('eggs');
    expect(item('cheeseburger').allergens).toEqual(expect.arrayContaining(['gluten', 'milk', 'sesame']));
    expect(item('pommes-frites').allergens).toEqual([]);
    expect(item('milkshake').allergens).toContain('milk');
    expect(item('fadoel').allergens).toContain('gluten');
    expect(menu.items.filter((i) => i.allergens.length > 0).length).toBeGreaterThan(menu.items.length / 2);
  });

  it('gives every item its kcal and lets burgers take a note for the kitchen', () => {
    expect(menu.items.filter((i) => i.nutrition?.kcal === undefined).map((i) => i.id)).toEqual([]);
    expect(menu.items.filter((i) => i.categoryId === 'burgere').every((i) => i.allowNote)).toBe(true);
    expect(menu.items.some((i) => !i.allowNote)).toBe(true);
  });

  it('charges extra for onion rings or sweet potato fries in a meal, and keeps milkshakes out of meals', () => {
    const meal = menu.combos.find((c) => c.id === 'classic-menu')!;
    expect(meal.slots.find((s) => s.id === 'tilbehoer')!.extras).toEqual({ 'soede-kartoffelfritter': 500, loegringe: 500 });
    expect(menu.combos.flatMap((c) => c.slots.flatMap((s) => s.itemIds ?? []))).not.toContain('milkshake');
  });

  it('offers a dessert after a burger as well as "make it a meal"', () => {
    const dessert = menu.upsells.find((u) => u.fromCategoryId === 'burgere')!;
    expect(dessert.offerItemIds!.every((id) => item(id).categoryId === 'desserter')).toBe(true);
    expect(menu.upsells.some((u) => u.fromItemId === 'classic-burger' && u.comboId === 'classic-menu')).toBe(true);
  });

  it('has a small square picture of its own for every item and combo, with no text, links or scripts', () => {
    const folder = new URL('../../../hub/demo/menu-images/', import.meta.url);
    const ids = [...menu.items.map((i) => i.id), ...menu.combos.map((c) => c.id)];
    expect([...menu.items, ...menu.combos].filter((x) => x.image !== `/menu-images/${x.id}.svg`).map((x) => x.id)).toEqual([]);
    expect(readdirSync(folder).sort()).toEqual(ids.map((id) => `${id}.svg`).sort());
    for (const id of ids) {
      const svg = readFileSync(new URL(`${id}.svg`, folder), 'utf8');
      expect(Buffer.byteLength(svg), id).toBeLessThanOrEqual(2048);
      expect(svg, id).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 120 120">/);
      expect(svg, id).not.toMatch(/<script|<text|<image|<foreignObject|href|url\(|@import|\bon[a-z]+=/i);
    }
    for (const c of menu.categories) expect(ids.map((id) => `/menu-images/${id}.svg`), c.id).toContain(c.image);
  });
});
