/** Dates inside GS1 data: validation of YYMMDD-style fields and the expiry date as YYYY-MM-DD. */
import type { AiDateFormat } from './gs1-ai-table.js';

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Two-digit years are read as 20YY. GS1's sliding century window needs today's date, which this
 * pure module does not read; 20YY gives the same answer for every date up to 2049 and is right
 * for expiry dates until 2099.
 */
export function yearOf(yy: string): number {
  return 2000 + Number(yy);
}

/** Problem with a calendar date, or undefined when it exists. */
function dateProblem(year: number, mm: string, dd: string, allowDayZero: boolean): string | undefined {
  const month = Number(mm);
  const day = Number(dd);
  if (month < 1 || month > 12) return `month ${mm} does not exist`;
  if (day === 0) return allowDayZero ? undefined : 'day 00 is not allowed here';
  const last = daysInMonth(year, month);
  if (day > last) return `${year}-${mm} has no day ${dd} (it has ${last} days)`;
  return undefined;
}

function timeProblem(hh: string, mm = '', ss = ''): string | undefined {
  if (Number(hh) > 23) return `hour ${hh} does not exist`;
  if (Number(mm) > 59) return `minute ${mm} does not exist`;
  if (Number(ss) > 59) return `second ${ss} does not exist`;
  return undefined;
}

const yymmdd = (v: string, allowDayZero: boolean): string | undefined =>
  dateProblem(yearOf(v.slice(0, 2)), v.slice(2, 4), v.slice(4, 6), allowDayZero);

const yyyymmdd = (v: string): string | undefined =>
  dateProblem(Number(v.slice(0, 4)), v.slice(4, 6), v.slice(6, 8), false);

/** Checks the date (and time) part of a value whose characters are already known to be digits. */
export function checkDate(format: AiDateFormat, value: string): string | undefined {
  switch (format) {
    case 'yymmd0':
      return yymmdd(value, true);
    case 'yymmdd':
      return yymmdd(value, false);
    case 'yymmdd-range':
      if (value.length !== 6 && value.length !== 12) return 'a harvest date is one date (6 digits) or a range (12 digits)';
      return yymmdd(value, false) ?? (value.length === 12 ? yymmdd(value.slice(6), false) : undefined);
    case 'yymmddhh':
      if (value.length % 2 !== 0) return 'minutes and seconds come as two digits each';
      return yymmdd(value, false) ?? timeProblem(value.slice(6, 8), value.slice(8, 10), value.slice(10, 12));
    case 'yymmddhhmm':
      return yymmdd(value, false) ?? timeProblem(value.slice(6, 8), value.slice(8, 10));
    case 'yyyymmdd':
      return yyyymmdd(value);
    case 'yyyymmddhhmm':
      return yyyymmdd(value) ?? timeProblem(value.slice(8, 10), value.slice(10, 12));
  }
}

/** A valid YYMMDD as YYYY-MM-DD; day 00 means the last day of the month. */
export function toIsoDate(value: string): string {
  const year = yearOf(value.slice(0, 2));
  const mm = value.slice(2, 4);
  const dd = value.slice(4, 6) === '00' ? String(daysInMonth(year, Number(mm))) : value.slice(4, 6);
  return `${year}-${mm}-${dd}`;
}
