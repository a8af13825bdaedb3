import { describe, expect, it } from 'vitest';
import { basketRequiredAge, needsNewApproval, requiredAge } from './required-age.js';
import { ageRules } from './rules.js';

const dk = ageRules('DK');
const beer = (abv: number) => ({ ageCategory: 'alcohol' as const, abv });

describe('age required by a product in Denmark', () => {
  it('alcohol over 6.0 % needs 18', () => {
    expect(requiredAge(beer(61), dk)).toBe(18);
    expect(requiredAge(beer(400), dk)).toBe(18);
  });

  it('alcohol from 1.2 % to 6.0 % inclusive needs 16', () => {
    expect(requiredAge(beer(12), dk)).toBe(16);
    expect(requiredAge(beer(46), dk)).toBe(16);
    expect(requiredAge(beer(60), dk)).toBe(16);
  });

  it('alcohol below 1.2 % has no limit', () => {
    expect(requiredAge(beer(11), dk)).toBeNull();
    expect(requiredAge(beer(0), dk)).toBeNull();
  });

  it('alcohol without a known strength is treated as the strongest', () => {
    expect(requiredAge({ ageCategory: 'alcohol' }, dk)).toBe(18);
  });

  it('other categories take their age from the table; products without one have no limit', () => {
    expect(requiredAge({ ageCategory: 'tobacco' }, dk)).toBe(18);
    expect(requiredAge({ ageCategory: 'fireworks-f1' }, dk)).toBe(15);
    expect(requiredAge({ ageCategory: 'energy-drink' }, dk)).toBeNull();
    expect(requiredAge({ ageCategory: 'energy-drink' }, ageRules('DK', { 'energy-drink': 15 }))).toBe(15);
    expect(requiredAge({}, dk)).toBeNull();
  });
});

describe('age required by a basket', () => {
  it('is the highest age of its products', () => {
    expect(basketRequiredAge([beer(46), {}, { ageCategory: 'fireworks-f1' }], dk)).toBe(16);
    expect(basketRequiredAge([beer(46), beer(120)], dk)).toBe(18);
  });

  it('is null for a basket without limits', () => {
    expect(basketRequiredAge([{}, beer(5)], dk)).toBeNull();
    expect(basketRequiredAge([], dk)).toBeNull();
  });
});

describe('a later item with a higher age needs a new approval', () => {
  it('a first restricted item needs approval', () => {
    expect(needsNewApproval(null, 16)).toBe(true);
  });

  it('an 18+ item after a 16+ approval needs a new approval', () => {
    expect(needsNewApproval(16, 18)).toBe(true);
  });

  it('items at or below the approved age need nothing more', () => {
    expect(needsNewApproval(18, 16)).toBe(false);
    expect(needsNewApproval(18, 18)).toBe(false);
    expect(needsNewApproval(null, null)).toBe(false);
    expect(needsNewApproval(16, null)).toBe(false);
  });
});
