/** Public API of age: rule tables per country and the age a product or basket requires. */
export { ageRules, ageRuleCountries } from './rules.js';
export type { AgeRules, AlcoholBand, AgeStorePolicy } from './rules.js';
export { requiredAge, basketRequiredAge, needsNewApproval } from './required-age.js';
export type { AgeRestrictable } from './required-age.js';
export { ageOn } from './age-on.js';
