/** The rules of family life the generator follows: family sizes, union ages, names, moves. */
import type { Sex } from "@rnp/common";
import { dayOf, yearsToDays } from "./dates";
import { type Move, type Person, surnameOf } from "./people";
import type { Random } from "./random";

/** Completed family size by the mother's generation (Latvia: about 1.9 for women born in the 1950s, 1.6 later). */
export function childrenWanted(random: Random, motherBirthYear: number): number {
  const r = random.float();
  if (motherBirthYear < 1960) return r < 0.1 ? 0 : r < 0.32 ? 1 : r < 0.74 ? 2 : r < 0.92 ? 3 : 4;
  if (motherBirthYear < 1980) return r < 0.12 ? 0 : r < 0.4 ? 1 : r < 0.8 ? 2 : r < 0.94 ? 3 : 4;
  return r < 0.14 ? 0 : r < 0.42 ? 1 : r < 0.8 ? 2 : r < 0.94 ? 3 : 4;
}

/** Mean age of women at their first union, which rose from the early 20s to about 28. */
export function unionAgeMean(sex: Sex, birthYear: number): number {
  const women = birthYear < 1960 ? 23 : birthYear < 1975 ? 24 : birthYear < 1990 ? 27 : 28;
  return sex === "FEMALE" ? women : women + 2.5;
}

/** Nobody in the register was born before 1925. */
export const BIRTH_FLOOR = dayOf(1925, 1, 1);

/** The surname a child of an unmarried mother gets: the mother's own family's. */
export function motherFamilySurname(mother: Person): string {
  return mother.surname.includes("-") ? mother.birthSurname : mother.surname;
}

/**
 * Records the person's current name as earlier name (ending on `day`) and takes `surname`
 * (male form). `reason` says why the earlier name ended.
 */
export function changeSurname(
  person: Person,
  surname: string,
  day: number,
  reason: "MARRIAGE" | "DIVORCE" | "APPLICATION",
): void {
  if (day <= person.surnameSince) return;
  person.earlierNames.push({
    givenName: person.givenName,
    surname: surnameOf(person),
    validFrom: person.surnameSince,
    validTo: day,
    changeReason: reason,
  });
  person.surname = surname;
  person.surnameSince = day;
  person.nameChangeDays.push(day);
}

/** Inserts a move keeping the list in day order (a later move on the same day wins). */
export function addMove(person: Person, day: number, dwelling: number): void {
  const move: Move = { day, dwelling };
  let i = person.moves.length;
  while (i > 0 && (person.moves[i - 1]?.day ?? 0) > day) i--;
  person.moves.splice(i, 0, move);
}

export function addYearsApprox(day: number, years: number): number {
  return day + yearsToDays(years);
}
