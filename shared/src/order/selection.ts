/** What a guest chose: an item with its modifiers, or a combo with one item per slot. The kiosk sends this; the hub prices it. */
import type { LocalizedText } from '../catalog/schema.js';
import type { AgeCategory } from '../catalog/schema.js';
import type { KitchenStation } from '../catalog/menu.js';
import type { Allergen } from './allergens.js';

/** Chosen option ids per modifier group id; a group left out takes its default options. */
export type ModifierChoices = Record<string, string[]>;

export interface ItemSelection {
  kind: 'item';
  itemId: string;
  modifiers?: ModifierChoices;
  /** Free text for the kitchen, where the item allows it. */
  note?: string;
}

export interface ComboSlotChoice {
  itemId: string;
  /** A size of the slot; the slot's first size when left out. */
  sizeId?: string;
  modifiers?: ModifierChoices;
}

export interface ComboSelection {
  kind: 'combo';
  comboId: string;
  /** The choice per slot id; a slot left out takes its default item. */
  slots?: Record<string, ComboSlotChoice>;
  note?: string;
}

export type OrderSelection = ItemSelection | ComboSelection;

/** One thing the kitchen makes: an item, or one slot of a combo. */
export interface ConfiguredPart {
  itemId: string;
  name: LocalizedText;
  station: KitchenStation;
  /** The combo slot it fills ("Side"), or null for a lone item. */
  slot: LocalizedText | null;
  size: LocalizedText | null;
  /** Chosen options, in the order of the item's groups. */
  modifiers: LocalizedText[];
}

/** A selection checked against the menu and priced: what becomes a basket line. */
export interface ConfiguredItem {
  kind: 'item' | 'combo';
  /** The menu item or combo id. */
  id: string;
  name: LocalizedText;
  categoryId: string | null;
  /** Price of one, with every extra, size and option (VAT-inclusive minor units). */
  unitPrice: number;
  vatRate: number;
  parts: ConfiguredPart[];
  note: string | null;
  /** Every allergen of every part and chosen option. */
  allergens: Allergen[];
  ageCategory?: AgeCategory;
  abv?: number;
  /** The selection with every default filled in: the line's stored configuration, sent back for editing. */
  selection: OrderSelection;
  /** Short lines for the basket, the kitchen and the receipt ("Medium", "Bacon", "Side: Fries, large"). */
  details: LocalizedText[];
}
