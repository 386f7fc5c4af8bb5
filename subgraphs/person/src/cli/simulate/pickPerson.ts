/** Picks of eligible persons with SQL, from a random point of the personal-code key space. */
import type { Database } from "@rnp/db";
import { type SQL, sql } from "drizzle-orm";
import type { Random } from "./random";
import { rows } from "./rows";

/** A random point in the personal-code key space, to start an index scan from. */
const randomCodeKey = (random: Random) => String(random.int(33_000_000_000)).padStart(11, "0");

/**
 * The first person at or after a random key who meets `where` (a condition on `p`), wrapping
 * around to the start of the key space; null when nobody does. The condition is tested on
 * windows of 200 living persons in code order (an index range), so a correlated condition
 * never turns into a scan of a whole table; a rare one falls back to one full query.
 */
export async function pickPerson(
  db: Database,
  random: Random,
  where: SQL,
): Promise<{ person_code: string; sex: "MALE" | "FEMALE"; birth_date: string } | null> {
  type Row = { person_code: string; sex: "MALE" | "FEMALE"; birth_date: string; last_code: string | null };
  let from = randomCodeKey(random);
  for (let window = 0; window < 5; window++) {
    const [row] = await rows<Row>(
      db,
      sql`with w as materialized (
          select p.* from person.persons p where p.person_code >= ${from} and p.death_date is null
          order by p.person_code limit 200
        )
        select p.person_code, p.sex::text as sex, p.birth_date::text as birth_date,
          (select max(person_code) from w) as last_code
        from (select max(person_code) from w) as last(code)
        left join lateral (select * from w p where ${where} order by p.person_code limit 1) as p on true`,
    );
    if (row?.person_code) return row;
    // Past the end of the key space: go on from the start.
    from = row?.last_code ? `${row.last_code}` : "00000000000";
    if (!row?.last_code && window > 0) break;
  }
  for (const start of [randomCodeKey(random), "00000000000"]) {
    const [row] = await rows<Row>(
      db,
      sql`select p.person_code, p.sex::text as sex, p.birth_date::text as birth_date, null as last_code
        from person.persons p
        where p.person_code >= ${start} and p.death_date is null and ${where}
        order by p.person_code limit 1`,
    );
    if (row) return row;
  }
  return null;
}

export const unmarried = sql`not exists (
  select 1 from person.marriages m
  join person.persons s on s.person_code = case when m.spouse_a = p.person_code then m.spouse_b else m.spouse_a end
  where p.person_code in (m.spouse_a, m.spouse_b)
    and (m.divorced_on is null and s.death_date is null or coalesce(m.divorced_on, s.death_date) >= current_date))`;

/** A name may change once a day at most: the last change was before yesterday. */
export const nameNotChangedLately = sql`not exists (select 1 from person.name_history h
  where h.person_code = p.person_code and h.valid_to >= current_date - 2)`;
