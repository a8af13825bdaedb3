/** Quick-service restaurant menu: categories, items, modifier groups, combos and upsells, with zod schemas used to import them. */
import { z } from 'zod';
import { ageCategory, localizedText, minorAmount, vatRateBp } from './schema.js';
import { ALLERGENS } from '../order/allergens.js';

const menuId = z.string().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, . _ - only');

/** Time of day, 24-hour "HH:MM" in the store's local time. */
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (00:00–23:59)');

/** Kitchen station an item is routed to on the kitchen display. */
export const kitchenStation = z.enum(['grill', 'fryer', 'drinks', 'cold']);
export type KitchenStation = z.infer<typeof kitchenStation>;

/** One of the EU's 14 allergens that must be declared (Regulation 1169/2011, annex II). */
export const allergen = z.enum(ALLERGENS);
const allergens = z.array(allergen).max(14).default([]);

/** Nutrition per serving, as printed on a menu board; all optional. */
export const nutritionSchema = z
  .object({
    kcal: z.number().int().min(0).max(10_000).optional(),
    fatGrams: z.number().min(0).max(1000).optional(),
    carbsGrams: z.number().min(0).max(1000).optional(),
    proteinGrams: z.number().min(0).max(1000).optional(),
    saltGrams: z.number().min(0).max(100).optional(),
  })
  .strict();

export const menuCategorySchema = z
  .object({
    id: menuId,
    name: localizedText,
    /** Display order, ascending. */
    sort: z.number().int().min(0).max(10_000).default(0),
    /**
     * Time-of-day window (breakfast, late night): shown from availableFrom (inclusive) until availableTo (exclusive).
     * availableTo earlier than availableFrom spans midnight. Neither: all day.
     */
    availableFrom: timeOfDay.optional(),
    availableTo: timeOfDay.optional(),
    image: z.string().max(500).optional(),
  })
  .strict()
  .refine((c) => (c.availableFrom === undefined) === (c.availableTo === undefined), {
    message: 'availableFrom and availableTo go together',
    path: ['availableTo'],
  })
  .refine((c) => c.availableFrom === undefined || c.availableFrom !== c.availableTo, {
    message: 'an empty time window: availableFrom equals availableTo',
    path: ['availableTo'],
  });
export type MenuCategory = z.output<typeof menuCategorySchema>;

export const modifierOptionSchema = z
  .object({
    id: menuId,
    name: localizedText,
    /** Extra price added to the item (øre, VAT-inclusive); never negative. */
    price: minorAmount.default(0),
    /** Preselected when the guest opens the item. */
    default: z.boolean().default(false),
    /** Allergens this option adds to the item (extra cheese: milk). */
    allergens,
  })
  .strict();
export type ModifierOption = z.output<typeof modifierOptionSchema>;

export const modifierGroupSchema = z
  .object({
    id: menuId,
    name: localizedText,
    /** Fewest options the guest must choose; the group is required when min ≥ 1. */
    min: z.number().int().min(0).max(50).default(0),
    /** Most options the guest may choose. */
    max: z.number().int().min(1).max(50),
    options: z.array(modifierOptionSchema).min(1).max(50),
  })
  .strict()
  .superRefine((g, ctx) => {
    if (g.min > g.max) ctx.addIssue({ code: 'custom', message: `min (${g.min}) is above max (${g.max})`, path: ['min'] });
    if (g.min > g.options.length) ctx.addIssue({ code: 'custom', message: `min (${g.min}) is above the number of options`, path: ['min'] });
    const defaults = g.options.filter((o) => o.default).length;
    if (defaults > g.max) ctx.addIssue({ code: 'custom', message: `${defaults} default options, above max (${g.max})`, path: ['options'] });
    const seen = new Set<string>();
    g.options.forEach((o, i) => {
      if (seen.has(o.id)) ctx.addIssue({ code: 'custom', message: `duplicate option id "${o.id}"`, path: ['options', i, 'id'] });
      seen.add(o.id);
    });
  });
export type ModifierGroup = z.output<typeof modifierGroupSchema>;

export const menuItemSchema = z
  .object({
    id: menuId,
    categoryId: menuId,
    name: localizedText,
    description: localizedText.optional(),
    /** Price (øre, VAT-inclusive). */
    price: minorAmount,
    vatRate: vatRateBp.default(2500),
    image: z.string().max(500).optional(),
    station: kitchenStation,
    ageCategory: ageCategory.optional(),
    /** Alcohol by volume in tenths of a percent (46 = 4.6 %), for alcohol age rules. */
    abv: z.number().int().min(0).max(1000).optional(),
    /** Modifier groups offered with this item, in display order. */
    modifierGroupIds: z.array(menuId).max(20).default([]),
    /** The EU allergens the item contains as served by default. */
    allergens,
    nutrition: nutritionSchema.optional(),
    /** The guest may add a free-text note for the kitchen ("no salt on the fries"). */
    allowNote: z.boolean().default(false),
    /** Hidden from guests while true; staff toggle it live. */
    soldOut: z.boolean().default(false),
  })
  .strict();
export type MenuItem = z.output<typeof menuItemSchema>;

export const comboSizeSchema = z
  .object({
    id: menuId,
    name: localizedText,
    /** Added to the combo price when this size is chosen; the first size is the default. */
    priceDelta: minorAmount,
  })
  .strict();
export type ComboSize = z.output<typeof comboSizeSchema>;

export const comboSlotSchema = z
  .object({
    id: menuId,
    name: localizedText,
    /** The items the guest picks one from: either listed, or every item of one category. */
    itemIds: z.array(menuId).min(1).max(200).optional(),
    categoryId: menuId.optional(),
    /** Preselected choice for the slot. */
    defaultItemId: menuId.optional(),
    sizes: z.array(comboSizeSchema).min(1).max(10).optional(),
    /** Extra price of some choices (onion rings instead of fries: +500), by item id. */
    extras: z.record(menuId, minorAmount).optional(),
  })
  .strict()
  .refine((s) => (s.itemIds === undefined) !== (s.categoryId === undefined), 'a slot has either itemIds or categoryId');
export type ComboSlot = z.output<typeof comboSlotSchema>;

/** A meal deal: one item per slot for a fixed price (plus size deltas). */
export const comboSchema = z
  .object({
    id: menuId,
    name: localizedText,
    description: localizedText.optional(),
    /** Category the combo is listed in (and whose time window it follows). */
    categoryId: menuId.optional(),
    price: minorAmount,
    vatRate: vatRateBp.default(2500),
    image: z.string().max(500).optional(),
    slots: z.array(comboSlotSchema).min(2).max(10),
    soldOut: z.boolean().default(false),
  })
  .strict();
export type Combo = z.output<typeof comboSchema>;

/**
 * Shown after the guest adds an item: "make it a meal" (comboId: the item becomes the combo's main)
 * or "add a dessert?" (offerItemIds). Triggered by one item, or by any item of a category.
 */
export const upsellSchema = z
  .object({
    fromItemId: menuId.optional(),
    fromCategoryId: menuId.optional(),
    comboId: menuId.optional(),
    offerItemIds: z.array(menuId).min(1).max(12).optional(),
    /** Prompt shown to the guest; the kiosk has a default. */
    prompt: localizedText.optional(),
  })
  .strict()
  .refine((u) => (u.fromItemId === undefined) !== (u.fromCategoryId === undefined), 'an upsell has either fromItemId or fromCategoryId')
  .refine((u) => (u.comboId === undefined) !== (u.offerItemIds === undefined), 'an upsell offers either a comboId or offerItemIds');
export type Upsell = z.output<typeof upsellSchema>;

export const menuSchema = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/).default('DKK'),
    categories: z.array(menuCategorySchema).min(1).max(200),
    items: z.array(menuItemSchema).max(5_000),
    modifierGroups: z.array(modifierGroupSchema).max(1_000).default([]),
    combos: z.array(comboSchema).max(1_000).default([]),
    upsells: z.array(upsellSchema).max(5_000).default([]),
  })
  .strict()
  .superRefine((menu, ctx) => {
    const issue = (message: string, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path });
    const unique = (ids: string[], what: string, path: (i: number) => (string | number)[], seen = new Set<string>()) => {
      ids.forEach((id, i) => {
        if (seen.has(id)) issue(`duplicate ${what} id "${id}"`, path(i));
        seen.add(id);
      });
      return seen;
    };
    const categories = unique(menu.categories.map((c) => c.id), 'category', (i) => ['categories', i, 'id']);
    const groups = unique(menu.modifierGroups.map((g) => g.id), 'modifier group', (i) => ['modifierGroups', i, 'id']);
    // Items and combos share one namespace: an order line names one or the other.
    const items = unique(menu.items.map((it) => it.id), 'item', (i) => ['items', i, 'id']);
    unique(menu.combos.map((c) => c.id), 'item or combo', (i) => ['combos', i, 'id'], new Set(items));

    menu.items.forEach((item, i) => {
      if (!categories.has(item.categoryId)) issue(`unknown category "${item.categoryId}"`, ['items', i, 'categoryId']);
      item.modifierGroupIds.forEach((g, j) => {
        if (!groups.has(g)) issue(`unknown modifier group "${g}"`, ['items', i, 'modifierGroupIds', j]);
      });
      if (new Set(item.modifierGroupIds).size !== item.modifierGroupIds.length) issue('modifier group listed twice', ['items', i, 'modifierGroupIds']);
    });

    const slotItems = new Map<string, Set<string>>(); // combo id → every item any of its slots offers
    menu.combos.forEach((combo, i) => {
      if (combo.categoryId !== undefined && !categories.has(combo.categoryId)) issue(`unknown category "${combo.categoryId}"`, ['combos', i, 'categoryId']);
      const offered = new Set<string>();
      combo.slots.forEach((slot, j) => {
        const path = ['combos', i, 'slots', j];
        if (slot.categoryId !== undefined) {
          if (!categories.has(slot.categoryId)) issue(`unknown category "${slot.categoryId}"`, [...path, 'categoryId']);
          for (const it of menu.items) if (it.categoryId === slot.categoryId) offered.add(it.id);
        }
        slot.itemIds?.forEach((id, k) => {
          if (!items.has(id)) issue(`unknown item "${id}"`, [...path, 'itemIds', k]);
          offered.add(id);
        });
        if (slot.defaultItemId !== undefined) {
          const choices = slot.itemIds ?? menu.items.filter((it) => it.categoryId === slot.categoryId).map((it) => it.id);
          if (!choices.includes(slot.defaultItemId)) issue(`default item "${slot.defaultItemId}" is not a choice of this slot`, [...path, 'defaultItemId']);
        }
        unique(slot.sizes?.map((s) => s.id) ?? [], 'size', (k) => [...path, 'sizes', k, 'id']);
        const choices = new Set(slot.itemIds ?? menu.items.filter((it) => it.categoryId === slot.categoryId).map((it) => it.id));
        for (const id of Object.keys(slot.extras ?? {})) if (!choices.has(id)) issue(`extra for "${id}", which is not a choice of this slot`, [...path, 'extras', id]);
      });
      unique(combo.slots.map((s) => s.id), 'slot', (j) => ['combos', i, 'slots', j, 'id']);
      slotItems.set(combo.id, offered);
    });

    menu.upsells.forEach((u, i) => {
      if (u.fromItemId !== undefined && !items.has(u.fromItemId)) issue(`unknown item "${u.fromItemId}"`, ['upsells', i, 'fromItemId']);
      if (u.fromCategoryId !== undefined && !categories.has(u.fromCategoryId)) issue(`unknown category "${u.fromCategoryId}"`, ['upsells', i, 'fromCategoryId']);
      u.offerItemIds?.forEach((id, j) => {
        if (!items.has(id)) issue(`unknown item "${id}"`, ['upsells', i, 'offerItemIds', j]);
      });
      if (u.comboId === undefined) return;
      const offered = slotItems.get(u.comboId);
      if (offered === undefined) issue(`unknown combo "${u.comboId}"`, ['upsells', i, 'comboId']);
      else if (u.fromItemId === undefined) issue('a "make it a meal" upsell starts from one item (fromItemId)', ['upsells', i, 'fromItemId']);
      else if (items.has(u.fromItemId) && !offered.has(u.fromItemId)) issue(`combo "${u.comboId}" has no slot offering "${u.fromItemId}"`, ['upsells', i, 'comboId']);
    });
  });
export type Menu = z.output<typeof menuSchema>;
export type MenuInput = z.input<typeof menuSchema>;
