/**
 * Dates as whole days since 1970-01-01 (UTC), as the register stores them (`date`, ISO
 * `YYYY-MM-DD` in COPY text): cheap to compare, draw between and store in typed arrays.
 */

const MS_PER_DAY = 86_400_000;

/** "No date" in the typed arrays of day numbers. */
export const NO_DAY = -2_147_483_648;

export function dayOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function dayFromIso(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) throw new Error(`"${iso}" is not an ISO date (YYYY-MM-DD)`);
  return dayOf(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function isoOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function yearOfDay(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Month index (year × 12 + month − 1) of a day, for month-grained bands. */
export function monthOfDay(day: number): number {
  const date = new Date(day * MS_PER_DAY);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

export function firstDayOfYear(year: number): number {
  return dayOf(year, 1, 1);
}

export function lastDayOfYear(year: number): number {
  return dayOf(year, 12, 31);
}

export function firstDayOfMonthIndex(month: number): number {
  return dayOf(Math.floor(month / 12), (month % 12) + 1, 1);
}

export function lastDayOfMonthIndex(month: number): number {
  return firstDayOfMonthIndex(month + 1) - 1;
}

/** The same calendar day `years` later (29 February falls to 1 March), as documents expire. */
export function addYears(day: number, years: number): number {
  const date = new Date(day * MS_PER_DAY);
  return dayOf(date.getUTCFullYear() + years, date.getUTCMonth() + 1, date.getUTCDate());
}

/** A day in `lo … hi` chosen by `unit` (a keyed number in [0, 1)); `lo` when the range is empty. */
export function dayBetween(lo: number, hi: number, unit: number): number {
  if (hi <= lo) return lo;
  return lo + Math.min(hi - lo, Math.floor(unit * (hi - lo + 1)));
}
