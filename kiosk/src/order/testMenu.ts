// A small burger menu for the order screens' unit tests (only tests import it): parsed by the shared schema, so defaults apply.
import { type Menu, type MenuAvailability, menuSchema } from '@selfserve/shared';

export function testMenu(): Menu {
  return menuSchema.parse({
    categories: [
      { id: 'breakfast', name: { da: 'Morgenmad', en: 'Breakfast' }, sort: 10, availableFrom: '07:00', availableTo: '10:30' },
      { id: 'meals', name: { da: 'Menuer', en: 'Meals' }, sort: 20 },
      { id: 'burgers', name: { da: 'Burgere', en: 'Burgers' }, sort: 5 },
      { id: 'sides', name: { da: 'Tilbehør', en: 'Sides' }, sort: 30 },
      { id: 'drinks', name: { da: 'Drikke', en: 'Drinks' }, sort: 40 },
      { id: 'desserts', name: { da: 'Desserter', en: 'Desserts' }, sort: 50 },
    ],
    items: [
      { id: 'pancakes', categoryId: 'breakfast', name: { da: 'Pandekager' }, price: 4900, station: 'grill' },
      { id: 'burger', categoryId: 'burgers', name: { da: 'Burger', en: 'Burger' }, price: 7900, station: 'grill', modifierGroupIds: ['doneness', 'extras'], allergens: ['gluten'], allowNote: true },
      { id: 'veggie', categoryId: 'burgers', name: { da: 'Veggie' }, price: 8900, station: 'grill', modifierGroupIds: ['extras'], allergens: ['gluten', 'soy'] },
      { id: 'fries', categoryId: 'sides', name: { da: 'Pommes frites' }, price: 2900, station: 'fryer' },
      { id: 'rings', categoryId: 'sides', name: { da: 'Løgringe' }, price: 3500, station: 'fryer', allergens: ['gluten', 'milk'] },
      { id: 'cola', categoryId: 'drinks', name: { da: 'Cola' }, price: 2900, station: 'drinks' },
      { id: 'shake', categoryId: 'drinks', name: { da: 'Milkshake' }, price: 4500, station: 'drinks', modifierGroupIds: ['flavour'], allergens: ['milk'] },
      { id: 'brownie', categoryId: 'desserts', name: { da: 'Brownie' }, price: 3500, station: 'cold', allergens: ['gluten', 'eggs'] },
    ],
    modifierGroups: [
      {
        id: 'doneness',
        name: { da: 'Stegning' },
        min: 1,
        max: 1,
        options: [
          { id: 'medium', name: { da: 'Medium' } },
          { id: 'well', name: { da: 'Gennemstegt' } },
        ],
      },
      {
        id: 'extras',
        name: { da: 'Ekstra' },
        max: 2,
        options: [
          { id: 'cheese', name: { da: 'Ost' }, price: 800, allergens: ['milk'] },
          { id: 'bacon', name: { da: 'Bacon' }, price: 1200 },
          { id: 'egg', name: { da: 'Spejlæg' }, price: 1000, allergens: ['eggs'] },
        ],
      },
      {
        id: 'flavour',
        name: { da: 'Smag' },
        min: 1,
        max: 1,
        options: [
          { id: 'vanilla', name: { da: 'Vanilje' }, default: true },
          { id: 'caramel', name: { da: 'Karamel' }, price: 500 },
        ],
      },
    ],
    combos: [
      {
        id: 'burger-meal',
        name: { da: 'Burgermenu', en: 'Burger meal' },
        categoryId: 'meals',
        price: 10900,
        slots: [
          { id: 'main', name: { da: 'Hovedret' }, itemIds: ['burger', 'veggie'], defaultItemId: 'burger' },
          {
            id: 'side',
            name: { da: 'Tilbehør' },
            categoryId: 'sides',
            defaultItemId: 'fries',
            sizes: [
              { id: 'regular', name: { da: 'Normal' }, priceDelta: 0 },
              { id: 'large', name: { da: 'Stor' }, priceDelta: 1000 },
            ],
            extras: { rings: 500 },
          },
          { id: 'drink', name: { da: 'Drik' }, itemIds: ['cola', 'shake'], defaultItemId: 'cola' },
        ],
      },
    ],
    upsells: [
      { fromItemId: 'burger', comboId: 'burger-meal' },
      { fromCategoryId: 'burgers', offerItemIds: ['brownie'] },
    ],
  });
}

export const allOpen = (over: Partial<MenuAvailability> = {}): MenuAvailability => ({
  version: 1,
  soldOut: [],
  openCategoryIds: ['meals', 'burgers', 'sides', 'drinks', 'desserts'],
  ...over,
});
