// A date of birth typed off an ID: DDMMYYYY, a day that exists, not in the future, and the age it gives.
import { describe, expect, it } from 'vitest';
import { dateOfBirthMask, localIsoDay, readDateOfBirth } from './dateOfBirth.js';

const TODAY = '2025-03-01';

describe('date of birth entry for an age check', () => {
  it('DDMMYYYY becomes the hub\'s YYYY-MM-DD with the age on that day', () => {
    expect(readDateOfBirth('17051990', TODAY)).toEqual({ ok: true, iso: '1990-05-17', age: 34 });
  });

  it('the age rises on the birthday itself, not the day before', () => {
    expect(readDateOfBirth('01032007', TODAY)).toMatchObject({ ok: true, age: 18 });
    expect(readDateOfBirth('02032007', TODAY)).toMatchObject({ ok: true, age: 17 });
  });

  it('born on 29 February, one is a year older on 1 March of a common year', () => {
    expect(readDateOfBirth('29022008', '2025-02-28')).toMatchObject({ ok: true, age: 16 });
    expect(readDateOfBirth('29022008', TODAY)).toMatchObject({ ok: true, age: 17 });
  });

  it('fewer than eight digits is not yet a date', () => {
    expect(readDateOfBirth('170519', TODAY)).toEqual({ ok: false, reason: 'incomplete' });
    expect(readDateOfBirth('', TODAY)).toEqual({ ok: false, reason: 'incomplete' });
  });

  it('days that do not exist, and years before 1900, are refused', () => {
    for (const bad of ['31042000', '29022001', '00012000', '15132000', '01011899']) {
      expect(readDateOfBirth(bad, TODAY)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('a date after today is refused', () => {
    expect(readDateOfBirth('02032025', TODAY)).toEqual({ ok: false, reason: 'future' });
    expect(readDateOfBirth('01032025', TODAY)).toMatchObject({ ok: true, age: 0 });
  });

  it('today is the store\'s local calendar day', () => {
    expect(localIsoDay(new Date(2025, 2, 1, 23, 30))).toBe('2025-03-01');
    expect(localIsoDay(new Date(2025, 11, 31, 0, 5))).toBe('2025-12-31');
  });

  it('the field shows the digits in the date\'s shape as they are typed', () => {
    expect(dateOfBirthMask('')).toBe('__-__-____');
    expect(dateOfBirthMask('17051')).toBe('17-05-1___');
    expect(dateOfBirthMask('17051990')).toBe('17-05-1990');
  });
});
