import { keyedCycle } from "./keys";

/**
 * Birth dates move to another day of the same month and year, by a keyed cyclic shuffle of
 * the month's days (one per year and month): nobody keeps their birth date (a month of two
 * or more days has no fixed day), persons born on the same day (twins) stay on one day,
 * and so the number of births per day, month and year is kept. Age on any date is the true
 * age except during the person's birth month, when it can be one year off for some days;
 * age groups (minor, adult, pensioner) likewise. In the month of `asOf` only days up to it
 * are used, so no birth date lands in the future.
 */
export class BirthDateShifter {
  private readonly cycles = new Map<string, Uint32Array>();
  private readonly asOf: { year: number; month: number; day: number };

  constructor(
    private readonly key: Buffer,
    asOf: string,
  ) {
    this.asOf = parseIso(asOf);
  }

  /** The shifted date of an ISO date (`YYYY-MM-DD`). */
  shift(iso: string): string {
    const { year, month, day } = parseIso(iso);
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const current = year === this.asOf.year && month === this.asOf.month;
    const days = current && day <= this.asOf.day ? this.asOf.day : daysInMonth;
    const label = `birth-days\u0000${year}-${month}\u0000${days}`;
    let cycle = this.cycles.get(label);
    if (!cycle) {
      cycle = keyedCycle(this.key, label, days);
      this.cycles.set(label, cycle);
    }
    const shifted = (cycle[day - 1] ?? day - 1) + 1;
    return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(shifted).padStart(2, "0")}`;
  }
}

function parseIso(iso: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`"${iso}" is not an ISO date (YYYY-MM-DD)`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}
