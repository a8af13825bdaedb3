/** Restaurant ordering: allergens, selections, configuring and pricing them, availability, order numbers. */
export * from './allergens.js';
export * from './selection.js';
export * from './availability.js';
export * from './configure.js';
export * from './allergen-filter.js';
export * from './numbers.js';
