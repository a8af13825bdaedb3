/** "Hide items with: gluten, milk": what a guest avoiding some allergens may still order. */
import type { Combo, Menu, MenuItem } from '../catalog/menu.js';
import type { Allergen } from './allergens.js';
import { slotChoices } from './configure.js';

const free = (allergens: readonly Allergen[], avoid: ReadonlySet<Allergen>) => !allergens.some((a) => avoid.has(a));

/** An item is safe when it, as served by default (its default options included), contains none of the allergens. */
export function itemSafe(menu: Pick<Menu, 'modifierGroups'>, item: MenuItem, avoid: ReadonlySet<Allergen>): boolean {
  if (!free(item.allergens, avoid)) return false;
  return item.modifierGroupIds.every((gid) => {
    const group = menu.modifierGroups.find((g) => g.id === gid);
    return !group || group.options.filter((o) => o.default).every((o) => free(o.allergens, avoid));
  });
}

/** A combo is safe when each of its slots still offers a safe choice. */
export function comboSafe(menu: Pick<Menu, 'items' | 'modifierGroups'>, combo: Combo, avoid: ReadonlySet<Allergen>): boolean {
  return combo.slots.every((slot) =>
    slotChoices(menu, slot).some((id) => {
      const item = menu.items.find((it) => it.id === id);
      return item !== undefined && itemSafe(menu, item, avoid);
    }),
  );
}
