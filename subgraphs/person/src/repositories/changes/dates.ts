/** Dates of register changes: ISO `YYYY-MM-DD` strings, compared as strings, computed in UTC. */
import { invalid } from "./refusal";

const MS_PER_DAY = 86_400_000;

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Same calendar day `years` later (29 February falls to 1 March). */
export function addYears(iso: string, years: number): string {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year + years, month - 1, day)).toISOString().slice(0, 10);
}

export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function notInFuture(date: string, argument: string): void {
  const today = todayIso();
  if (date > today) {
    throw invalid(
      `\`${argument}\` is ${date}, after today (${today}); a change is registered once it has happened.`,
    );
  }
}
