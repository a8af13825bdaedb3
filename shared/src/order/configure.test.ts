/** Rules of configuring and pricing a guest's selection: options, combos, sold out, time of day, notes, allergens, age. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import demoMenuJson from '../../../hub/demo/burger-menu.json' with { type: 'json' };
import { menuSchema, type Menu, type MenuItem } from '../catalog/menu.js';
import { DomainError } from '../protocol/errors.js';
import { soldOutKey, type MenuMoment } from './availability.js';
import { configure, MAX_NOTE_LENGTH, slotChoices } from './configure.js';
import type { ComboSelection, ItemSelection, ModifierChoices, OrderSelection } from './selection.js';

const t = (da: string) => ({ da, en: da });
const minute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
const at = (hhmm = '12:00', soldOut: string[] = []): MenuMoment => ({ minuteOfDay: minute(hhmm), soldOut: new Set(soldOut) });

/** A small menu with one of everything configure looks at. */
function small(change: (m: Menu) => void = () => {}): Menu {
  const menu = menuSchema.parse({
    categories: [
      { id: 'burgere', name: t('Burgere') },
      { id: 'menuer', name: t('Menuer') },
      { id: 'drikke', name: t('Drikke') },
      { id: 'morgenmad', name: t('Morgenmad'), availableFrom: '07:00', availableTo: '10:30' },
      { id: 'nat', name: t('Natmenu'), availableFrom: '22:00', availableTo: '03:00' },
    ],
    items: [
      { id: 'burger', categoryId: 'burgere', name: t('Burger'), price: 7900, station: 'grill', modifierGroupIds: ['stegning', 'saucer', 'ekstra'], allergens: ['sesame', 'gluten'], allowNote: true },
      { id: 'fritter', categoryId: 'burgere', name: t('Fritter'), price: 2900, station: 'fryer', modifierGroupIds: ['saucer'] },
      { id: 'loegringe', categoryId: 'burgere', name: t('Løgringe'), price: 3500, station: 'fryer', allergens: ['gluten'] },
      { id: 'cola', categoryId: 'drikke', name: t('Cola'), price: 2900, station: 'drinks' },
      { id: 'milkshake', categoryId: 'drikke', name: t('Milkshake'), price: 4500, station: 'drinks', allergens: ['milk'] },
      { id: 'oel', categoryId: 'drikke', name: t('Fadøl'), price: 5500, station: 'drinks', ageCategory: 'alcohol', abv: 46, allergens: ['gluten'] },
      { id: 'staerk-oel', categoryId: 'drikke', name: t('Stærk øl'), price: 6500, station: 'drinks', ageCategory: 'alcohol', abv: 72, allergens: ['gluten'] },
      { id: 'morgenbolle', categoryId: 'morgenmad', name: t('Morgenbolle'), price: 3900, station: 'cold', allergens: ['gluten', 'milk'] },
      { id: 'natburger', categoryId: 'nat', name: t('Natburger'), price: 6900, station: 'grill' },
    ],
    modifierGroups: [
      { id: 'stegning', name: t('Stegning'), min: 1, max: 1, options: [{ id: 'medium', name: t('Medium'), default: true }, { id: 'gennemstegt', name: t('Gennemstegt') }] },
      {
        id: 'saucer',
        name: t('Saucer'),
        max: 2,
        options: [
          { id: 'ketchup', name: t('Ketchup'), default: true },
          { id: 'mayo', name: t('Mayo'), allergens: ['mustard', 'eggs'] },
          { id: 'bearnaise', name: t('Bearnaise'), price: 500, allergens: ['eggs', 'milk'] },
        ],
      },
      {
        id: 'ekstra',
        name: t('Ekstra'),
        max: 3,
        options: [
          { id: 'ost', name: t('Ost'), price: 800, allergens: ['milk'] },
          { id: 'bacon', name: t('Bacon'), price: 1200 },
          { id: 'aeg', name: t('Spejlæg'), price: 1000, allergens: ['eggs'] },
        ],
      },
    ],
    combos: [
      {
        id: 'burger-menu',
        name: t('Burgermenu'),
        categoryId: 'menuer',
        price: 10900,
        slots: [
          { id: 'main', name: t('Hovedret'), itemIds: ['burger'] },
          { id: 'side', name: t('Tilbehør'), itemIds: ['fritter', 'loegringe'], defaultItemId: 'fritter', sizes: [{ id: 'normal', name: t('Normal'), priceDelta: 0 }, { id: 'stor', name: t('Stor'), priceDelta: 1000 }], extras: { loegringe: 500 } },
          { id: 'drink', name: t('Drik'), categoryId: 'drikke', defaultItemId: 'cola', sizes: [{ id: '04l', name: t('0,4 l'), priceDelta: 0 }, { id: '05l', name: t('0,5 l'), priceDelta: 800 }] },
        ],
      },
      { id: 'oelsmagning', name: t('Ølsmagning'), price: 9900, slots: [{ id: 'a', name: t('Første'), itemIds: ['oel'] }, { id: 'b', name: t('Anden'), itemIds: ['staerk-oel'] }] },
      { id: 'morgenmenu', name: t('Morgenmenu'), categoryId: 'morgenmad', price: 5900, slots: [{ id: 'main', name: t('Hovedret'), itemIds: ['morgenbolle'] }, { id: 'drink', name: t('Drik'), itemIds: ['cola'] }] },
    ],
  });
  change(menu);
  return menu;
}

const item = (itemId: string, modifiers?: ModifierChoices, note?: string): ItemSelection => ({ kind: 'item', itemId, ...(modifiers ? { modifiers } : {}), ...(note !== undefined ? { note } : {}) });
const combo = (comboId: string, slots?: ComboSelection['slots'], note?: string): ComboSelection => ({ kind: 'combo', comboId, ...(slots ? { slots } : {}), ...(note !== undefined ? { note } : {}) });

/** The DomainError configure throws, for asserting its code and detail. */
function refusal(menu: Menu, selection: OrderSelection, moment = at()): DomainError {
  try {
    configure(menu, selection, moment);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(selection)} to be refused`);
}

describe('configuring an item', () => {
  it('an item costs its price plus the prices of its chosen options', () => {
    const line = configure(small(), item('burger', { ekstra: ['ost', 'bacon'], saucer: ['bearnaise'] }), at());
    expect(line.unitPrice).toBe(7900 + 800 + 1200 + 500);
    expect(line).toMatchObject({ kind: 'item', id: 'burger', categoryId: 'burgere', vatRate: 2500, note: null });
    expect(line.parts).toEqual([{ itemId: 'burger', name: t('Burger'), station: 'grill', slot: null, size: null, modifiers: [t('Medium'), t('Bearnaise'), t('Ost'), t('Bacon')] }]);
  });

  it('a group left out takes its default options', () => {
    const line = configure(small(), item('burger', { ekstra: ['bacon'] }), at());
    expect(line.selection).toEqual(item('burger', { stegning: ['medium'], saucer: ['ketchup'], ekstra: ['bacon'] }));
    expect(line.details).toEqual([t('Medium'), t('Ketchup'), t('Bacon')]);
    expect(line.unitPrice).toBe(7900 + 1200);
  });

  it('a group given as an empty list means none of it, not its defaults', () => {
    const line = configure(small(), item('burger', { saucer: [] }), at());
    expect(line.selection).toEqual(item('burger', { stegning: ['medium'], saucer: [], ekstra: [] }));
  });

  it('a required modifier group with no choice is refused', () => {
    const e = refusal(small(), item('burger', { stegning: [] }));
    expect(e).toMatchObject({ code: 'bad-choice', detail: { group: 'stegning' } });
    // A required group without a default must be chosen outright.
    const noDefault = small((m) => m.modifierGroups[0]!.options.forEach((o) => (o.default = false)));
    expect(refusal(noDefault, item('burger'))).toMatchObject({ code: 'bad-choice', detail: { group: 'stegning' } });
  });

  it('more options than a group allows are refused', () => {
    expect(refusal(small(), item('burger', { stegning: ['medium', 'gennemstegt'] }))).toMatchObject({ code: 'bad-choice', detail: { group: 'stegning' } });
    expect(refusal(small(), item('burger', { saucer: ['ketchup', 'mayo', 'bearnaise'] }))).toMatchObject({ code: 'bad-choice', detail: { group: 'saucer' } });
  });

  it('an option twice in one group is refused', () => {
    expect(refusal(small(), item('burger', { ekstra: ['bacon', 'bacon'] }))).toMatchObject({ code: 'bad-choice', detail: { group: 'ekstra' } });
  });

  it('an option the group does not have is refused', () => {
    expect(refusal(small(), item('burger', { ekstra: ['ananas'] }))).toMatchObject({ code: 'bad-choice', detail: { group: 'ekstra' } });
    // An option of another group is no option of this one.
    expect(refusal(small(), item('burger', { saucer: ['bacon'] }))).toMatchObject({ code: 'bad-choice', detail: { group: 'saucer' } });
  });

  it('a group the item does not offer is refused', () => {
    expect(refusal(small(), item('fritter', { stegning: ['medium'] }))).toMatchObject({ code: 'bad-choice', detail: { group: 'stegning' } });
    expect(refusal(small(), item('burger', { dip: ['bbq'] }))).toMatchObject({ code: 'bad-choice', detail: { group: 'dip' } });
  });

  it('an item not on the menu is refused as not found', () => {
    expect(refusal(small(), item('hotdog')).code).toBe('not-found');
  });
});

describe('configuring a combo', () => {
  it('a combo costs its price plus size deltas, slot extras and the options of the chosen items', () => {
    const line = configure(
      small(),
      combo('burger-menu', {
        main: { itemId: 'burger', modifiers: { ekstra: ['ost', 'bacon'], saucer: ['bearnaise'] } },
        side: { itemId: 'loegringe', sizeId: 'stor' },
        drink: { itemId: 'milkshake', sizeId: '05l' },
      }),
      at(),
    );
    expect(line.unitPrice).toBe(10900 + (800 + 1200 + 500) + (1000 + 500) + 800);
    expect(line.parts.map((p) => [p.itemId, p.slot?.da, p.size?.da ?? null, p.station])).toEqual([
      ['burger', 'Hovedret', null, 'grill'],
      ['loegringe', 'Tilbehør', 'Stor', 'fryer'],
      ['milkshake', 'Drik', '0,5 l', 'drinks'],
    ]);
    expect(line.details.map((d) => d.da)).toEqual(['Burger, Medium, Bearnaise, Ost, Bacon', 'Løgringe, Stor', 'Milkshake, 0,5 l']);
  });

  it('a slot extra is added only for the choice it names', () => {
    const fries = configure(small(), combo('burger-menu', { side: { itemId: 'fritter' } }), at());
    const rings = configure(small(), combo('burger-menu', { side: { itemId: 'loegringe' } }), at());
    expect(rings.unitPrice - fries.unitPrice).toBe(500);
  });

  it('a slot left out takes its default item and its first size', () => {
    const line = configure(small(), combo('burger-menu'), at());
    expect(line.unitPrice).toBe(10900);
    expect(line.selection).toEqual(
      combo('burger-menu', {
        main: { itemId: 'burger', modifiers: { stegning: ['medium'], saucer: ['ketchup'], ekstra: [] } },
        side: { itemId: 'fritter', sizeId: 'normal', modifiers: { saucer: ['ketchup'] } },
        drink: { itemId: 'cola', sizeId: '04l', modifiers: {} },
      }),
    );
  });

  it('a slot without a default item takes its first choice', () => {
    const line = configure(small((m) => delete m.combos[0]!.slots[2]!.defaultItemId), combo('burger-menu'), at());
    expect(line.parts[2]!.itemId).toBe('cola'); // the first item of the drinks category
    expect(line.parts[0]!.itemId).toBe('burger');
  });

  it('a choice the slot does not offer is refused', () => {
    expect(refusal(small(), combo('burger-menu', { side: { itemId: 'cola' } }))).toMatchObject({ code: 'bad-choice', detail: { slot: 'side' } });
    expect(refusal(small(), combo('burger-menu', { drink: { itemId: 'fritter' } }))).toMatchObject({ code: 'bad-choice', detail: { slot: 'drink' } });
    expect(refusal(small(), combo('burger-menu', { side: { itemId: 'hotdog' } }))).toMatchObject({ code: 'bad-choice', detail: { slot: 'side' } });
  });

  it('a size the slot does not have, or any size for a slot in one size, is refused', () => {
    expect(refusal(small(), combo('burger-menu', { side: { itemId: 'fritter', sizeId: 'kaempe' } }))).toMatchObject({ code: 'bad-choice', detail: { slot: 'side' } });
    expect(refusal(small(), combo('burger-menu', { main: { itemId: 'burger', sizeId: 'stor' } }))).toMatchObject({ code: 'bad-choice', detail: { slot: 'main' } });
  });

  it('a slot the combo does not have is refused', () => {
    expect(refusal(small(), combo('burger-menu', { dessert: { itemId: 'milkshake' } }))).toMatchObject({ code: 'bad-choice', detail: { slot: 'dessert' } });
  });

  it('the options of a combo item follow the same rules as a lone item', () => {
    expect(refusal(small(), combo('burger-menu', { main: { itemId: 'burger', modifiers: { stegning: [] } } }))).toMatchObject({ code: 'bad-choice', detail: { group: 'stegning' } });
    expect(refusal(small(), combo('burger-menu', { drink: { itemId: 'cola', modifiers: { saucer: ['ketchup'] } } }))).toMatchObject({ code: 'bad-choice', detail: { group: 'saucer' } });
  });

  it('a combo not on the menu is refused as not found', () => {
    expect(refusal(small(), combo('hotdog-menu')).code).toBe('not-found');
  });
});

describe('sold out and time of day', () => {
  it('a sold-out item is refused with sold-out, naming the item', () => {
    expect(refusal(small(), item('fritter'), at('12:00', [soldOutKey.item('fritter')]))).toMatchObject({ code: 'sold-out', detail: { id: 'fritter' } });
    expect(refusal(small((m) => (m.items[1]!.soldOut = true)), item('fritter'))).toMatchObject({ code: 'sold-out', detail: { id: 'fritter' } });
  });

  it('a sold-out combo is refused with sold-out, naming the combo', () => {
    expect(refusal(small(), combo('burger-menu'), at('12:00', [soldOutKey.combo('burger-menu')]))).toMatchObject({ code: 'sold-out', detail: { id: 'burger-menu' } });
    expect(refusal(small((m) => (m.combos[0]!.soldOut = true)), combo('burger-menu'))).toMatchObject({ code: 'sold-out', detail: { id: 'burger-menu' } });
  });

  it('a combo is refused when the item chosen for a slot is sold out, and not when another is chosen', () => {
    const moment = at('12:00', [soldOutKey.item('loegringe')]);
    expect(refusal(small(), combo('burger-menu', { side: { itemId: 'loegringe' } }), moment)).toMatchObject({ code: 'sold-out', detail: { id: 'loegringe' } });
    expect(configure(small(), combo('burger-menu', { side: { itemId: 'fritter' } }), moment).unitPrice).toBe(10900);
  });

  it('a sold-out option is refused with sold-out, naming the option by its key', () => {
    const moment = at('12:00', [soldOutKey.option('ekstra', 'bacon')]);
    expect(refusal(small(), item('burger', { ekstra: ['ost', 'bacon'] }), moment)).toMatchObject({ code: 'sold-out', detail: { id: 'option:ekstra/bacon' } });
    expect(refusal(small(), combo('burger-menu', { main: { itemId: 'burger', modifiers: { ekstra: ['bacon'] } } }), moment)).toMatchObject({ code: 'sold-out', detail: { id: 'option:ekstra/bacon' } });
    expect(configure(small(), item('burger', { ekstra: ['ost'] }), moment).unitPrice).toBe(7900 + 800);
  });

  it('an item outside its category window is refused as unavailable, from its start until its end', () => {
    expect(refusal(small(), item('morgenbolle'), at('11:00'))).toMatchObject({ code: 'unavailable', detail: { id: 'morgenbolle' } });
    expect(refusal(small(), item('morgenbolle'), at('06:59')).code).toBe('unavailable');
    expect(refusal(small(), item('morgenbolle'), at('10:30')).code).toBe('unavailable');
    expect(configure(small(), item('morgenbolle'), at('07:00')).unitPrice).toBe(3900);
    expect(configure(small(), item('morgenbolle'), at('10:29')).unitPrice).toBe(3900);
  });

  it('a window spanning midnight is open late in the evening and early in the night', () => {
    for (const open of ['22:00', '23:59', '00:00', '02:59']) expect(configure(small(), item('natburger'), at(open)).id, open).toBe('natburger');
    for (const closed of ['21:59', '03:00', '12:00']) expect(refusal(small(), item('natburger'), at(closed)), closed).toMatchObject({ code: 'unavailable', detail: { id: 'natburger' } });
  });

  it("a combo follows its own category's window", () => {
    expect(refusal(small(), combo('morgenmenu'), at('12:00'))).toMatchObject({ code: 'unavailable', detail: { id: 'morgenmenu' } });
    expect(configure(small(), combo('morgenmenu'), at('08:00')).unitPrice).toBe(5900);
  });

  it('sold out is said before out of hours', () => {
    expect(refusal(small(), item('morgenbolle'), at('12:00', [soldOutKey.item('morgenbolle')])).code).toBe('sold-out');
  });
});

describe('notes for the kitchen', () => {
  it('a note is kept trimmed, its runs of spaces made one, where the item allows notes', () => {
    const line = configure(small(), item('burger', undefined, '  uden   salt\n tak '), at());
    expect(line.note).toBe('uden salt tak');
    expect(line.selection).toMatchObject({ note: 'uden salt tak' });
  });

  it('a blank note is no note', () => {
    const line = configure(small(), item('burger', undefined, ' \n '), at());
    expect(line.note).toBeNull();
    expect(line.selection).not.toHaveProperty('note');
    expect(configure(small(), item('fritter', undefined, '   '), at()).note).toBeNull();
  });

  it('a note on an item that takes none is refused', () => {
    expect(refusal(small(), item('fritter', undefined, 'ekstra salt')).code).toBe('bad-choice');
  });

  it(`a note is at most ${MAX_NOTE_LENGTH} characters`, () => {
    expect(configure(small(), item('burger', undefined, ` ${'a'.repeat(MAX_NOTE_LENGTH)} `), at()).note).toHaveLength(MAX_NOTE_LENGTH);
    expect(refusal(small(), item('burger', undefined, 'a'.repeat(MAX_NOTE_LENGTH + 1))).code).toBe('bad-choice');
  });

  it('a combo takes a note when one of its items does', () => {
    expect(configure(small(), combo('burger-menu', undefined, 'skær burgeren over'), at()).note).toBe('skær burgeren over');
    expect(refusal(small(), combo('morgenmenu', undefined, 'varm bollen'), at('08:00')).code).toBe('bad-choice');
  });
});

describe('allergens and age', () => {
  it("allergens are the union of the item's and its chosen options', in the EU list's order", () => {
    const line = configure(small(), item('burger', { saucer: ['mayo', 'bearnaise'], ekstra: ['ost', 'aeg'] }), at());
    expect(line.allergens).toEqual(['gluten', 'eggs', 'milk', 'mustard', 'sesame']);
    expect(configure(small(), item('cola'), at()).allergens).toEqual([]);
  });

  it('an option left unchosen adds no allergen', () => {
    expect(configure(small(), item('burger'), at()).allergens).toEqual(['gluten', 'sesame']);
  });

  it("a combo's allergens are those of every part and its chosen options", () => {
    const line = configure(small(), combo('burger-menu', { side: { itemId: 'fritter', modifiers: { saucer: ['mayo'] } }, drink: { itemId: 'milkshake' } }), at());
    expect(line.allergens).toEqual(['gluten', 'eggs', 'milk', 'mustard', 'sesame']);
  });

  it('an alcoholic item carries its age category and abv; others carry neither', () => {
    expect(configure(small(), item('oel'), at())).toMatchObject({ ageCategory: 'alcohol', abv: 46 });
    const cola = configure(small(), item('cola'), at());
    expect(cola).not.toHaveProperty('ageCategory');
    expect(cola).not.toHaveProperty('abv');
  });

  it('a combo carries the age category of its strongest drink', () => {
    expect(configure(small(), combo('oelsmagning'), at())).toMatchObject({ ageCategory: 'alcohol', abv: 72 });
    expect(configure(small(), combo('burger-menu', { drink: { itemId: 'oel' } }), at())).toMatchObject({ ageCategory: 'alcohol', abv: 46 });
    expect(configure(small(), combo('burger-menu'), at())).not.toHaveProperty('ageCategory');
  });
});

describe('the stored selection', () => {
  const demo = menuSchema.parse(demoMenuJson);
  const breakfast = at('08:00'); // every demo category is open

  /** The options a guest who touches nothing gets, with a required group lacking defaults given its first options. */
  const defaultsOf = (menu: Menu, it: MenuItem): ModifierChoices =>
    Object.fromEntries(
      it.modifierGroupIds.map((gid) => {
        const g = menu.modifierGroups.find((x) => x.id === gid)!;
        const defaults = g.options.filter((o) => o.default).map((o) => o.id);
        return [gid, defaults.length >= g.min ? defaults : g.options.slice(0, g.min).map((o) => o.id)];
      }),
    );

  it('configuring the selection that comes back gives the same line again, for every demo item and combo', () => {
    const selections: OrderSelection[] = [
      ...demo.items.map((it) => item(it.id, defaultsOf(demo, it))),
      ...demo.combos.map((c) =>
        combo(c.id, Object.fromEntries(c.slots.map((s) => {
          const id = s.defaultItemId ?? slotChoices(demo, s)[0]!;
          return [s.id, { itemId: id, modifiers: defaultsOf(demo, demo.items.find((x) => x.id === id)!) }];
        }))),
      ),
    ];
    expect(selections).toHaveLength(demo.items.length + demo.combos.length);
    for (const selection of selections) {
      const first = configure(demo, selection, breakfast);
      const again = configure(demo, first.selection, breakfast);
      expect(again, JSON.stringify(selection)).toEqual(first);
    }
  });

  it('a demo item with its defaults costs its price plus its default options', () => {
    for (const it of demo.items) {
      const choices = defaultsOf(demo, it);
      const extra = Object.entries(choices).reduce((sum, [gid, ids]) => sum + ids.reduce((s, id) => s + demo.modifierGroups.find((g) => g.id === gid)!.options.find((o) => o.id === id)!.price, 0), 0);
      expect(configure(demo, item(it.id, choices), breakfast).unitPrice, it.id).toBe(it.price + extra);
    }
  });

  it('any valid choice in the demo menu is priced by the rule, and its selection prices the same again', () => {
    const optionPrice = (gid: string, id: string) => demo.modifierGroups.find((g) => g.id === gid)!.options.find((o) => o.id === id)!.price;
    const choicesOf = (it: MenuItem) =>
      fc.record(
        Object.fromEntries(
          it.modifierGroupIds.map((gid) => {
            const g = demo.modifierGroups.find((x) => x.id === gid)!;
            return [gid, fc.shuffledSubarray(g.options.map((o) => o.id), { minLength: g.min, maxLength: g.max })];
          }),
        ),
      );
    const modifiersPrice = (m: ModifierChoices) => Object.entries(m).reduce((sum, [gid, ids]) => sum + ids.reduce((s, id) => s + optionPrice(gid, id), 0), 0);
    const itemCase = fc.constantFrom(...demo.items).chain((it) => choicesOf(it).map((modifiers) => ({ selection: item(it.id, modifiers), price: it.price + modifiersPrice(modifiers) })));
    const comboCase = fc.constantFrom(...demo.combos).chain((c) =>
      fc
        .tuple(
          ...c.slots.map((s) =>
            fc.constantFrom(...slotChoices(demo, s)).chain((id) => {
              const it = demo.items.find((x) => x.id === id)!;
              return fc.tuple(fc.constantFrom(...(s.sizes ?? [undefined])), choicesOf(it)).map(([size, modifiers]) => ({
                slot: s.id,
                choice: { itemId: id, ...(size ? { sizeId: size.id } : {}), modifiers },
                price: (size?.priceDelta ?? 0) + (s.extras?.[id] ?? 0) + modifiersPrice(modifiers),
              }));
            }),
          ),
        )
        .map((picks) => ({ selection: combo(c.id, Object.fromEntries(picks.map((p) => [p.slot, p.choice]))), price: c.price + picks.reduce((s, p) => s + p.price, 0) })),
    );
    fc.assert(
      fc.property(fc.oneof(itemCase, comboCase), ({ selection, price }) => {
        const line = configure(demo, selection, breakfast);
        expect(line.unitPrice).toBe(price);
        expect(line.selection).toEqual(selection);
        expect(configure(demo, line.selection, breakfast).unitPrice).toBe(price);
      }),
      { numRuns: 300 },
    );
  });
});
