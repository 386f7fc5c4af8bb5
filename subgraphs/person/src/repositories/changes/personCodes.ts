/** Allocation of new-format personal codes for births. */
import { completePersonCode } from "@rnp/common";
import { schema } from "@rnp/db";
import { desc, sql } from "drizzle-orm";
import { rowsOf, type Transaction } from "./transaction";

const { persons } = schema.person;

const NEW_CODE_FIRST = 3_200_000_000;
const NEW_CODE_LAST = 3_299_999_999;

/**
 * A new-format personal code no one has or had: the first completable ten digits above the
 * highest issued one (codes whose check remainder is 0 or 10 are skipped), or, once the range
 * is used up, the lowest free one. Former codes are old-format codes replaced by new-format
 * ones, so above the highest current code none can be in the way; below it they are checked
 * too (a scan of the persons with former codes). Callers hold the code lock.
 */
export async function nextNewPersonCode(tx: Transaction): Promise<string> {
  const [highest] = await tx
    .select({ personCode: persons.personCode })
    .from(persons)
    .where(sql`${persons.personCode} between '32000000000' and '32999999999'`)
    .orderBy(desc(persons.personCode))
    .limit(1);
  const passes = [
    { start: highest ? Number(highest.personCode.slice(0, 10)) + 1 : NEW_CODE_FIRST, formerToo: false },
    { start: NEW_CODE_FIRST, formerToo: true },
  ];
  for (const { start, formerToo } of passes) {
    for (let base = start; base <= NEW_CODE_LAST; base += 100) {
      const candidates: string[] = [];
      for (let ten = base; ten < base + 100 && ten <= NEW_CODE_LAST; ten++) {
        const complete = completePersonCode(String(ten));
        if (complete) candidates.push(complete);
      }
      if (candidates.length === 0) continue;
      const list = JSON.stringify(candidates);
      const taken = await rowsOf<{ person_code: string }>(
        tx,
        formerToo
          ? sql`with candidate as (select jsonb_array_elements_text(${list}::jsonb) as c)
              select c as person_code from candidate
              where exists (select 1 from person.persons p where p.person_code = c::bpchar)
              union
              select former from person.persons p, unnest(p.former_person_codes) as former
              where cardinality(p.former_person_codes) > 0 and former in (select c from candidate)`
          : sql`select c as person_code from jsonb_array_elements_text(${list}::jsonb) as c
              where exists (select 1 from person.persons p where p.person_code = c::bpchar)`,
      );
      const used = new Set(taken.map((row) => row.person_code));
      const free = candidates.find((candidate) => !used.has(candidate));
      if (free) return free;
    }
  }
  throw new Error("No new-format personal code is left.");
}
