/** Age rule tables per country, combined with a store's own policy into the rules a lane uses. */
import type { AgeCategory } from '../catalog/schema.js';

/** Alcohol at or above `fromAbv` (tenths of a percent: 61 = 6.1 %) needs `age`. */
export interface AlcoholBand {
  fromAbv: number;
  age: number;
}

/** The rules a lane applies; build them with ageRules(). */
export interface AgeRules {
  country: string;
  /** Bands sorted by fromAbv, highest first; alcohol below every band has no limit. */
  alcohol: readonly AlcoholBand[];
  /** Age for alcohol whose abv the catalog does not give: the strictest band, to be safe. */
  alcoholUnknownAbv: number | null;
  /** Age per category other than alcohol; null = no limit. */
  categories: Readonly<Record<Exclude<AgeCategory, 'alcohol'>, number | null>>;
}

/** A store's own limits. For a category the law sets, a store can only be stricter, never laxer. */
export type AgeStorePolicy = Partial<Record<AgeCategory, number | null>>;

type PolicyCategory = 'energy-drink' | 'knife' | 'medicine';

interface CountryLaw {
  alcohol: readonly AlcoholBand[];
  /** Limits set by law: a store policy cannot lower or remove them. */
  legal: Readonly<Record<Exclude<AgeCategory, 'alcohol' | PolicyCategory>, number | null>>;
  /** Defaults for categories left to the store: any store policy replaces them, null included. */
  storeDefaults: Readonly<Record<PolicyCategory, number | null>>;
}

/**
 * Denmark: alcohol over 6.0 % vol. 18, 1.2 %–6.0 % 16, below 1.2 % no limit; tobacco and nicotine
 * 18; adult fireworks (F2/F3) 18, F1 15. Energy drinks, knives and medicine are store policy:
 * knives default to 18, the others to no limit; a store's policy replaces these defaults, null too.
 */
const DENMARK: CountryLaw = {
  alcohol: [
    { fromAbv: 61, age: 18 },
    { fromAbv: 12, age: 16 },
  ],
  legal: { tobacco: 18, nicotine: 18, fireworks: 18, 'fireworks-f1': 15 },
  storeDefaults: { 'energy-drink': null, knife: 18, medicine: null },
};

const COUNTRIES: Readonly<Record<string, CountryLaw>> = { DK: DENMARK };

/** Countries with a rule table (ISO 3166-1 alpha-2). */
export const ageRuleCountries: readonly string[] = Object.keys(COUNTRIES);

/**
 * The rules for a country (ISO 3166-1 alpha-2, e.g. "DK") with the store's policy applied.
 * A policy age for "alcohol" is a floor for all alcohol, whatever its strength.
 */
export function ageRules(country: string, storePolicy: AgeStorePolicy = {}): AgeRules {
  const law = COUNTRIES[country.toUpperCase()];
  if (!law) throw new RangeError(`no age rules for country "${country}"`);
  for (const [category, age] of Object.entries(storePolicy)) assertAge(age, category);
  const floor = storePolicy.alcohol ?? null;
  const alcohol = withFloor(law.alcohol, floor);
  return {
    country: country.toUpperCase(),
    alcohol,
    alcoholUnknownAbv: alcohol[0]?.age ?? null,
    categories: {
      tobacco: stricter(law.legal.tobacco, storePolicy.tobacco),
      nicotine: stricter(law.legal.nicotine, storePolicy.nicotine),
      fireworks: stricter(law.legal.fireworks, storePolicy.fireworks),
      'fireworks-f1': stricter(law.legal['fireworks-f1'], storePolicy['fireworks-f1']),
      'energy-drink': policyOr(law.storeDefaults['energy-drink'], storePolicy['energy-drink']),
      knife: policyOr(law.storeDefaults.knife, storePolicy.knife),
      medicine: policyOr(law.storeDefaults.medicine, storePolicy.medicine),
    },
  };
}

/** Raises every band to the floor and adds a band from 0 % so all alcohol meets it. */
function withFloor(bands: readonly AlcoholBand[], floor: number | null): AlcoholBand[] {
  if (floor === null) return [...bands];
  const raised = bands.map((b) => ({ fromAbv: b.fromAbv, age: Math.max(b.age, floor) }));
  const last = raised[raised.length - 1];
  if (!last || last.fromAbv > 0) raised.push({ fromAbv: 0, age: floor });
  return raised;
}

function stricter(legal: number | null, policy: number | null | undefined): number | null {
  if (policy === undefined || policy === null) return legal;
  return legal === null ? policy : Math.max(legal, policy);
}

function policyOr(fallback: number | null, policy: number | null | undefined): number | null {
  return policy === undefined ? fallback : policy;
}

function assertAge(age: number | null | undefined, category: string): void {
  if (age === null || age === undefined) return;
  if (!Number.isInteger(age) || age < 0 || age > 99) {
    throw new RangeError(`store policy age for ${category} must be a whole number 0–99, got ${age}`);
  }
}
