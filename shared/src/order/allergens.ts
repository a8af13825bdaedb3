/** The EU's 14 allergens a restaurant must declare (Regulation 1169/2011, annex II), with their names for guests. */

export const ALLERGENS = [
  'gluten',
  'crustaceans',
  'eggs',
  'fish',
  'peanuts',
  'soy',
  'milk',
  'nuts',
  'celery',
  'mustard',
  'sesame',
  'sulphites',
  'lupin',
  'molluscs',
] as const;
export type Allergen = (typeof ALLERGENS)[number];

export const ALLERGEN_NAMES: Record<Allergen, { da: string; en: string }> = {
  gluten: { da: 'Gluten', en: 'Gluten' },
  crustaceans: { da: 'Krebsdyr', en: 'Crustaceans' },
  eggs: { da: 'Æg', en: 'Eggs' },
  fish: { da: 'Fisk', en: 'Fish' },
  peanuts: { da: 'Jordnødder', en: 'Peanuts' },
  soy: { da: 'Soja', en: 'Soy' },
  milk: { da: 'Mælk', en: 'Milk' },
  nuts: { da: 'Nødder', en: 'Tree nuts' },
  celery: { da: 'Selleri', en: 'Celery' },
  mustard: { da: 'Sennep', en: 'Mustard' },
  sesame: { da: 'Sesam', en: 'Sesame' },
  sulphites: { da: 'Svovldioxid og sulfitter', en: 'Sulphites' },
  lupin: { da: 'Lupin', en: 'Lupin' },
  molluscs: { da: 'Bløddyr', en: 'Molluscs' },
};
