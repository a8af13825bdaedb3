// Rules of the item and combo pages' choices: defaults, radio and checkbox toggling, completeness, the running price.
import { describe, expect, it } from 'vitest';
import { comboDraft, draftAllergens, draftComplete, draftFromSelection, itemDraft, pruneSoldOut, toSelection, toggleOption, unitPrice, withoutWindows } from './draft.js';
import { menuNow } from './menuView.js';
import { allOpen, testMenu } from './testMenu.js';

const menu = testMenu();
const open = withoutWindows(menu);
const now = menuNow(menu, allOpen());
const item = (id: string) => menu.items.find((i) => i.id === id)!;
const group = (id: string) => menu.modifierGroups.find((g) => g.id === id)!;

describe('choosing options', () => {
  it('a single-choice group swaps its choice and keeps a required one chosen', () => {
    expect(toggleOption(group('doneness'), [], 'medium')).toEqual(['medium']);
    expect(toggleOption(group('doneness'), ['medium'], 'well')).toEqual(['well']);
    expect(toggleOption(group('doneness'), ['well'], 'well')).toEqual(['well']);
  });

  it('a multi-choice group adds up to its max and takes off again', () => {
    expect(toggleOption(group('extras'), ['cheese'], 'bacon')).toEqual(['cheese', 'bacon']);
    expect(toggleOption(group('extras'), ['cheese', 'bacon'], 'egg')).toEqual(['cheese', 'bacon']);
    expect(toggleOption(group('extras'), ['cheese', 'bacon'], 'cheese')).toEqual(['bacon']);
  });

  it('an item opens with its defaults, leaving out a default sold out now', () => {
    expect(itemDraft(now, item('shake')).modifiers).toEqual({ flavour: ['vanilla'] });
    expect(itemDraft(menuNow(menu, allOpen({ soldOut: ['option:flavour/vanilla'] })), item('shake')).modifiers).toEqual({ flavour: [] });
  });

  it('a required group without a choice keeps the item from being added', () => {
    const d = itemDraft(now, item('burger'));
    expect(draftComplete(menu, d)).toBe(false);
    d.modifiers.doneness = ['medium'];
    expect(draftComplete(menu, d)).toBe(true);
  });
});

describe('the running price (display only: configure() on the same menu)', () => {
  it('adds the extras, and prices a missing required choice at its cheapest', () => {
    const d = itemDraft(now, item('burger'));
    expect(unitPrice(now, open, d)).toBe(7900);
    d.modifiers.extras = ['cheese', 'bacon'];
    expect(unitPrice(now, open, d)).toBe(7900 + 800 + 1200);
  });

  it('a combo adds sizes and per-choice extras', () => {
    const d = comboDraft(now, menu.combos[0]!);
    expect(unitPrice(now, open, d)).toBe(10900);
    d.slots.side = { itemId: 'rings', sizeId: 'large', modifiers: {} };
    expect(unitPrice(now, open, d)).toBe(10900 + 1000 + 500);
  });

  it('a category outside its hours on this screen’s clock does not stop the price: the hub said what is open', () => {
    const d = itemDraft(menuNow(menu, allOpen({ openCategoryIds: ['breakfast'] })), item('pancakes'));
    expect(unitPrice(menuNow(menu, allOpen({ openCategoryIds: ['breakfast'] })), open, d)).toBe(4900);
  });
});

describe('a meal from the item just added, and editing a line', () => {
  it('the meal keeps the burger and its choices in the main slot, defaults elsewhere', () => {
    const d = comboDraft(now, menu.combos[0]!, { slotId: 'main', choice: { itemId: 'burger', modifiers: { doneness: ['well'], extras: ['bacon'] } }, note: 'no salt' });
    expect(d.slots.main).toEqual({ itemId: 'burger', modifiers: { doneness: ['well'], extras: ['bacon'] } });
    expect(d.slots.side).toEqual({ itemId: 'fries', sizeId: 'regular', modifiers: {} });
    expect(toSelection(d)).toMatchObject({ kind: 'combo', comboId: 'burger-meal', note: 'no salt' });
  });

  it('a line’s selection opens with its choices; what sold out since must be chosen again', () => {
    const later = menuNow(menu, allOpen({ soldOut: ['option:extras/bacon', 'item:shake'] }));
    const item = draftFromSelection(later, { kind: 'item', itemId: 'burger', modifiers: { doneness: ['well'], extras: ['bacon', 'cheese'] }, note: 'x' }, 2);
    expect(item).toMatchObject({ modifiers: { doneness: ['well'], extras: ['cheese'] }, note: 'x', quantity: 2 });
    const combo = pruneSoldOut(later, comboDraft(now, menu.combos[0]!, { slotId: 'drink', choice: { itemId: 'shake', modifiers: { flavour: ['vanilla'] } } }));
    expect(combo.slots.drink).toBeNull();
    expect(draftComplete(menu, combo)).toBe(false);
  });

  it('sends a trimmed note, or none', () => {
    const d = itemDraft(now, item('burger'));
    d.note = '   ';
    expect(toSelection(d)).not.toHaveProperty('note');
    d.note = '  no   onion ';
    expect(toSelection(d)).toMatchObject({ note: 'no onion' });
  });

  it('names the allergens of what is chosen, extras included', () => {
    const d = itemDraft(now, item('burger'));
    expect(draftAllergens(menu, d)).toEqual(['gluten']);
    d.modifiers.extras = ['cheese', 'egg'];
    expect(draftAllergens(menu, d)).toEqual(['gluten', 'eggs', 'milk']);
  });
});
