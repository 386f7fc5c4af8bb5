/** The marriages of persons as a change needs them: who, since when, and how they ended. */
import { sql } from "drizzle-orm";
import { rowsOf, type Transaction } from "./transaction";

export interface MarriageFacts {
  id: number;
  spouseA: string;
  spouseB: string;
  marriedOn: string;
  divorcedOn: string | null;
  spouseADeath: string | null;
  spouseBDeath: string | null;
}

/** Every marriage of the persons, newest first, with each spouse's date of death. */
export async function marriagesOf(tx: Transaction, codes: readonly string[]): Promise<MarriageFacts[]> {
  // Canonical codes are 11 digits, safe in an array literal; `= any` lets both indexes serve.
  const list = `{${codes.join(",")}}`;
  const rows = await rowsOf<{
    id: string;
    spouse_a: string;
    spouse_b: string;
    married_on: string;
    divorced_on: string | null;
    a_death: string | null;
    b_death: string | null;
  }>(
    tx,
    sql`select m.id::text, m.spouse_a, m.spouse_b, m.married_on::text, m.divorced_on::text,
        a.death_date::text as a_death, b.death_date::text as b_death
      from person.marriages m
      join person.persons a on a.person_code = m.spouse_a
      join person.persons b on b.person_code = m.spouse_b
      where m.spouse_a = any(${list}::bpchar[]) or m.spouse_b = any(${list}::bpchar[])
      order by m.married_on desc, m.id desc`,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    spouseA: row.spouse_a,
    spouseB: row.spouse_b,
    marriedOn: row.married_on,
    divorcedOn: row.divorced_on,
    spouseADeath: row.a_death,
    spouseBDeath: row.b_death,
  }));
}

/** The day a marriage ended (divorce or a spouse's death), or null while it lasts. */
export function endOf(marriage: MarriageFacts): string | null {
  const deaths = [marriage.spouseADeath, marriage.spouseBDeath].filter((d): d is string => d !== null).sort();
  return marriage.divorcedOn ?? deaths[0] ?? null;
}
