/**
 * Dates as whole days since 1970-01-01 (UTC): cheap to compare and add, and free of time
 * zones. The register's "today" is fixed so a seed always yields the same data.
 */

/** The synthetic register's today: nothing happens after it. */
export const REGISTER_DATE = "2026-11-01";

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function dayFromIso(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

export const REGISTER_DAY = dayFromIso(REGISTER_DATE);
export const DAYS_PER_YEAR = 365.25;

/** ISO strings are formatted millions of times; a table over the register's years avoids Date. */
const ISO_FIRST_DAY = dayOf(1900, 1, 1);
const ISO_LAST_DAY = dayOf(2060, 12, 31);
const isoCache: string[] = [];
for (let day = ISO_FIRST_DAY; day <= ISO_LAST_DAY; day++) {
  isoCache.push(new Date(day * MS_PER_DAY).toISOString().slice(0, 10));
}

export function isoOf(day: number): string {
  return isoCache[day - ISO_FIRST_DAY] ?? new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOf(day: number): number {
  return Number(isoOf(day).slice(0, 4));
}

/** Same calendar day `years` later (29 February falls to 1 March). */
export function addYears(day: number, years: number): number {
  const iso = isoOf(day);
  return dayOf(Number(iso.slice(0, 4)) + years, Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** Whole years between two days, as a person's age. */
export function ageOn(birthDay: number, day: number): number {
  const birth = isoOf(birthDay);
  const on = isoOf(day);
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** A fractional number of years in days, for drawing event dates. */
export function yearsToDays(years: number): number {
  return Math.round(years * DAYS_PER_YEAR);
}
