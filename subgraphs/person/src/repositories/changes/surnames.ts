/**
 * Surnames in the form for a sex, for the changes that give a person someone else's surname
 * (a child its father's or mother's, a spouse the other's). The rule is `@rnp/common`'s;
 * what it cannot decide alone (which male form a female form comes from) the register does.
 */
import { genderedSurname, maleSurnameCandidates, type Sex } from "@rnp/common";
import type { Database } from "@rnp/db";
import { sql } from "drizzle-orm";
import type { PersonRow } from "../personRepository";
import { rowsOf, type Transaction } from "./transaction";

/**
 * The male form of a surname given in its female form. Where several male forms give the
 * same female form (Ozola ← Ozols; Dombrovska ← Dombrovskis), the one most men in the
 * register carry wins, else the most regular one.
 */
export async function maleSurnameOf(tx: Transaction | Database, female: string): Promise<string> {
  const candidates = maleSurnameCandidates(female);
  if (candidates.length <= 1) return candidates[0] ?? female;
  const counts = await rowsOf<{ surname: string; n: number }>(
    tx,
    sql`select surname, count(*)::int as n from person.persons
      where sex = 'MALE' and surname in (select jsonb_array_elements_text(${JSON.stringify(candidates)}::jsonb))
      group by surname`,
  );
  const countOf = new Map(counts.map((row) => [row.surname, row.n]));
  let best = candidates[0] ?? female;
  for (const candidate of candidates) {
    if ((countOf.get(candidate) ?? 0) > (countOf.get(best) ?? 0)) best = candidate;
  }
  return best;
}

/** A person's surname in the form for `sex` (e.g. a husband's for his wife). */
export async function surnameFor(tx: Transaction, of: PersonRow, sex: Sex): Promise<string> {
  if (of.sex === sex) return of.surname;
  const male = of.sex === "MALE" ? of.surname : await maleSurnameOf(tx, of.surname);
  return genderedSurname(male, sex);
}
