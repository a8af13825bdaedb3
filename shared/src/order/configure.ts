/**
 * Checks a guest's selection against the menu (min/max per group, slot choices, sold out, time of day)
 * and prices it. Only the hub calls this for the price; the kiosk may call it to show a running price.
 */
import { DomainError } from '../protocol/errors.js';
import type { LocalizedText } from '../catalog/schema.js';
import type { ComboSlot, Menu, MenuItem, ModifierGroup } from '../catalog/menu.js';
import { ALLERGENS, type Allergen } from './allergens.js';
import { comboOrderable, itemOrderable, soldOutKey, type MenuMoment } from './availability.js';
import type { ComboSelection, ConfiguredItem, ConfiguredPart, ItemSelection, ModifierChoices, OrderSelection } from './selection.js';

/** The longest kitchen note a guest may write. */
export const MAX_NOTE_LENGTH = 140;

/** How many of one selection a line may hold. */
export const MAX_ORDER_QUANTITY = 20;

const refuse = (message: string, detail?: Record<string, string>): never => {
  throw new DomainError('bad-choice', message, detail);
};

export function configure(menu: Menu, selection: OrderSelection, at: MenuMoment): ConfiguredItem {
  return selection.kind === 'item' ? configureItem(menu, selection, at) : configureCombo(menu, selection, at);
}

function configureItem(menu: Menu, s: ItemSelection, at: MenuMoment): ConfiguredItem {
  const item = findItem(menu, s.itemId);
  checkOrderable(menu, item, at);
  const chosen = chooseModifiers(menu, item, s.modifiers, at);
  const note = checkNote(s.note, [item]);
  const part: ConfiguredPart = { itemId: item.id, name: item.name, station: item.station, slot: null, size: null, modifiers: chosen.names };
  return {
    kind: 'item',
    id: item.id,
    name: item.name,
    categoryId: item.categoryId,
    unitPrice: item.price + chosen.price,
    vatRate: item.vatRate,
    parts: [part],
    note,
    allergens: sortAllergens([...item.allergens, ...chosen.allergens]),
    ...(item.ageCategory ? { ageCategory: item.ageCategory } : {}),
    ...(item.abv !== undefined ? { abv: item.abv } : {}),
    selection: { kind: 'item', itemId: item.id, modifiers: chosen.choices, ...(note ? { note } : {}) },
    details: chosen.names,
  };
}

function configureCombo(menu: Menu, s: ComboSelection, at: MenuMoment): ConfiguredItem {
  const combo = menu.combos.find((c) => c.id === s.comboId);
  if (!combo) throw new DomainError('not-found', `no combo "${s.comboId}" on the menu`);
  if (!comboOrderable(menu, combo, at)) throw unavailable(combo.id, combo.name, combo.soldOut || at.soldOut.has(soldOutKey.combo(combo.id)));
  for (const slotId of Object.keys(s.slots ?? {})) {
    if (!combo.slots.some((sl) => sl.id === slotId)) refuse(`combo "${combo.id}" has no slot "${slotId}"`, { slot: slotId });
  }
  let price = combo.price;
  const parts: ConfiguredPart[] = [];
  const allergens: Allergen[] = [];
  const details: LocalizedText[] = [];
  const slots: NonNullable<ComboSelection['slots']> = {};
  const items: MenuItem[] = [];
  let ageItem: MenuItem | undefined;
  for (const slot of combo.slots) {
    const choice = s.slots?.[slot.id];
    const itemId = choice?.itemId ?? slot.defaultItemId ?? slotChoices(menu, slot)[0];
    if (itemId === undefined || !slotChoices(menu, slot).includes(itemId)) refuse(`"${itemId ?? ''}" is not a choice for "${slot.name.da}"`, { slot: slot.id });
    const item = findItem(menu, itemId!);
    checkOrderable(menu, item, at);
    const size = chooseSize(slot, choice?.sizeId);
    const chosen = chooseModifiers(menu, item, choice?.modifiers, at);
    price += (size?.priceDelta ?? 0) + (slot.extras?.[item.id] ?? 0) + chosen.price;
    parts.push({ itemId: item.id, name: item.name, station: item.station, slot: slot.name, size: size?.name ?? null, modifiers: chosen.names });
    allergens.push(...item.allergens, ...chosen.allergens);
    details.push(join(item.name, size?.name ?? null, chosen.names));
    slots[slot.id] = { itemId: item.id, ...(size ? { sizeId: size.id } : {}), modifiers: chosen.choices };
    items.push(item);
    if (item.ageCategory && (!ageItem || (item.abv ?? 0) > (ageItem.abv ?? 0))) ageItem = item;
  }
  const note = checkNote(s.note, items);
  return {
    kind: 'combo',
    id: combo.id,
    name: combo.name,
    categoryId: combo.categoryId ?? null,
    unitPrice: price,
    vatRate: combo.vatRate,
    parts,
    note,
    allergens: sortAllergens(allergens),
    ...(ageItem?.ageCategory ? { ageCategory: ageItem.ageCategory } : {}),
    ...(ageItem?.abv !== undefined ? { abv: ageItem.abv } : {}),
    selection: { kind: 'combo', comboId: combo.id, slots, ...(note ? { note } : {}) },
    details,
  };
}

/** The item ids a combo slot offers, in menu order. */
export function slotChoices(menu: Pick<Menu, 'items'>, slot: ComboSlot): string[] {
  return slot.itemIds ?? menu.items.filter((it) => it.categoryId === slot.categoryId).map((it) => it.id);
}

function findItem(menu: Menu, id: string): MenuItem {
  const item = menu.items.find((it) => it.id === id);
  if (!item) throw new DomainError('not-found', `no item "${id}" on the menu`);
  return item;
}

function checkOrderable(menu: Menu, item: MenuItem, at: MenuMoment): void {
  if (!itemOrderable(menu, item, at)) throw unavailable(item.id, item.name, item.soldOut || at.soldOut.has(soldOutKey.item(item.id)));
}

const unavailable = (id: string, name: LocalizedText, soldOut: boolean) =>
  soldOut
    ? new DomainError('sold-out', `${name.da} is sold out`, { id })
    : new DomainError('unavailable', `${name.da} is not served at this time of day`, { id });

function chooseSize(slot: ComboSlot, sizeId: string | undefined) {
  if (!slot.sizes) {
    if (sizeId !== undefined) refuse(`"${slot.name.da}" comes in one size`, { slot: slot.id });
    return null;
  }
  const size = sizeId === undefined ? slot.sizes[0]! : slot.sizes.find((z) => z.id === sizeId);
  if (!size) return refuse(`no size "${sizeId}" for "${slot.name.da}"`, { slot: slot.id });
  return size;
}

interface ChosenModifiers {
  choices: ModifierChoices;
  names: LocalizedText[];
  price: number;
  allergens: Allergen[];
}

function chooseModifiers(menu: Menu, item: MenuItem, given: ModifierChoices | undefined, at: MenuMoment): ChosenModifiers {
  for (const groupId of Object.keys(given ?? {})) {
    if (!item.modifierGroupIds.includes(groupId)) refuse(`${item.name.da} has no choice "${groupId}"`, { group: groupId });
  }
  const out: ChosenModifiers = { choices: {}, names: [], price: 0, allergens: [] };
  for (const groupId of item.modifierGroupIds) {
    const group = menu.modifierGroups.find((g) => g.id === groupId)!;
    const ids = given?.[groupId] ?? group.options.filter((o) => o.default).map((o) => o.id);
    checkGroup(group, ids, at);
    for (const id of ids) {
      const option = group.options.find((o) => o.id === id)!;
      out.names.push(option.name);
      out.price += option.price;
      out.allergens.push(...option.allergens);
    }
    out.choices[groupId] = ids;
  }
  return out;
}

function checkGroup(group: ModifierGroup, ids: string[], at: MenuMoment): void {
  const detail = { group: group.id };
  if (new Set(ids).size !== ids.length) refuse(`an option of "${group.name.da}" is chosen twice`, detail);
  if (ids.length < group.min) refuse(group.min === 1 ? `choose one for "${group.name.da}"` : `choose at least ${group.min} for "${group.name.da}"`, detail);
  if (ids.length > group.max) refuse(`choose at most ${group.max} for "${group.name.da}"`, detail);
  for (const id of ids) {
    const option = group.options.find((o) => o.id === id);
    if (!option) refuse(`"${group.name.da}" has no option "${id}"`, detail);
    if (at.soldOut.has(soldOutKey.option(group.id, id))) throw new DomainError('sold-out', `${option!.name.da} is sold out`, { id: soldOutKey.option(group.id, id) });
  }
}

function checkNote(note: string | undefined, items: MenuItem[]): string | null {
  const text = note?.replace(/\s+/g, ' ').trim() ?? '';
  if (text === '') return null;
  if (!items.some((it) => it.allowNote)) refuse('this item takes no note for the kitchen');
  if (text.length > MAX_NOTE_LENGTH) refuse(`a note is at most ${MAX_NOTE_LENGTH} characters`);
  return text;
}

const sortAllergens = (list: Allergen[]): Allergen[] => ALLERGENS.filter((a) => list.includes(a));

/** "Fries, large, ketchup" in each language of the name. */
function join(name: LocalizedText, size: LocalizedText | null, modifiers: LocalizedText[]): LocalizedText {
  const out: Record<string, string> = {};
  for (const lang of Object.keys(name)) {
    const pick = (t: LocalizedText) => t[lang] ?? t.da;
    out[lang] = [pick(name), ...(size ? [pick(size)] : []), ...modifiers.map(pick)].join(', ');
  }
  return out as LocalizedText;
}

