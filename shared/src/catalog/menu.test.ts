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
