import { describe, expect, it } from 'vitest';
import { ageRules } from './rules.js';

describe('age rule tables', () => {
  it('Denmark: tobacco, nicotine and fireworks are set by law', () => {
    const rules = ageRules('DK');
    expect(rules.categories).toMatchObject({ tobacco: 18, nicotine: 18, fireworks: 18, 'fireworks-f1': 15 });
  });

  it('Denmark: energy drinks and medicine have no limit and knives 18 until the store says otherwise', () => {
    const rules = ageRules('dk');
    expect(rules.country).toBe('DK');
    expect(rules.categories).toMatchObject({ 'energy-drink': null, knife: 18, medicine: null });
  });

  it('a store policy replaces the defaults of store-policy categories, null included', () => {
    const rules = ageRules('DK', { 'energy-drink': 16, knife: null, medicine: 18 });
    expect(rules.categories).toMatchObject({ 'energy-drink': 16, knife: null, medicine: 18 });
  });

  it('a store policy can be stricter than the law but never laxer', () => {
    expect(ageRules('DK', { 'fireworks-f1': 18 }).categories['fireworks-f1']).toBe(18);
    expect(ageRules('DK', { tobacco: 16 }).categories.tobacco).toBe(18);
    expect(ageRules('DK', { tobacco: null }).categories.tobacco).toBe(18);
  });

  it('a store alcohol age is a floor for every strength', () => {
    const rules = ageRules('DK', { alcohol: 18 });
    expect(rules.alcohol).toEqual([
      { fromAbv: 61, age: 18 },
      { fromAbv: 12, age: 18 },
      { fromAbv: 0, age: 18 },
    ]);
  });

  it('refuses an unknown country and a nonsense policy age', () => {
    expect(() => ageRules('XX')).toThrow(/no age rules/);
    expect(() => ageRules('DK', { knife: 17.5 })).toThrow(RangeError);
    expect(() => ageRules('DK', { knife: -1 })).toThrow(RangeError);
  });
});
