import type { Database } from "@rnp/db";
import { sql } from "drizzle-orm";

/** The characteristics of `testPersons`, as the SDL's `TestPersonCharacteristic`. */
export const TEST_PERSON_CHARACTERISTICS = [
  "MARRIED",
  "DIVORCED",
  "PARENT",
  "TWIN",
  "MINOR",
  "PENSIONER",
  "DECEASED",
  "FOREIGNER",
  "NON_CITIZEN",
  "STATELESS",
  "NEW_FORMAT_CODE",
  "FORMER_CODE",
  "NAME_CHANGED",
  "INVALID_DOCUMENT",
  "NO_VALID_DOCUMENT",
  "SEVERAL_ADDRESSES",
] as const;
export type TestPersonCharacteristic = (typeof TEST_PERSON_CHARACTERISTICS)[number];

/** The data group whose fact each characteristic reveals. */
export const CHARACTERISTIC_GROUP: Record<TestPersonCharacteristic, string> = {
  MARRIED: "FAMILY",
  DIVORCED: "FAMILY",
  PARENT: "FAMILY",
  TWIN: "FAMILY",
  MINOR: "BIRTH",
  PENSIONER: "BIRTH",
  DECEASED: "DEATH",
  FOREIGNER: "CITIZENSHIP",
  NON_CITIZEN: "CITIZENSHIP",
  STATELESS: "CITIZENSHIP",
  NEW_FORMAT_CODE: "PERSON_CODES",
  FORMER_CODE: "PERSON_CODES",
  NAME_CHANGED: "NAME",
  INVALID_DOCUMENT: "DOCUMENTS",
  NO_VALID_DOCUMENT: "DOCUMENTS",
  SEVERAL_ADDRESSES: "ADDRESS",
};

/** Each characteristic as a condition on `p` (a row of person.persons), fixed SQL only. */
const PREDICATE: Record<TestPersonCharacteristic, ReturnType<typeof sql.raw>> = {
  MARRIED: sql.raw(
    "exists (select 1 from person.marriages m where (m.spouse_a = p.person_code or m.spouse_b = p.person_code) and m.divorced_on is null) and p.death_date is null",
  ),
  DIVORCED: sql.raw(
    "exists (select 1 from person.marriages m where (m.spouse_a = p.person_code or m.spouse_b = p.person_code) and m.divorced_on is not null)",
  ),
  PARENT: sql.raw(
    "exists (select 1 from person.parent_child c where c.parent_code = p.person_code) and exists (select 1 from person.parent_child c where c.child_code = p.person_code)",
  ),
  TWIN: sql.raw(`exists (select 1 from person.parent_child mine
      join person.parent_child sibling on sibling.parent_code = mine.parent_code and sibling.child_code <> mine.child_code
      join person.persons s on s.person_code = sibling.child_code
     where mine.child_code = p.person_code and mine.role = 'MOTHER' and s.birth_date = p.birth_date)`),
  MINOR: sql.raw("p.birth_date > current_date - interval '18 years' and p.death_date is null"),
  PENSIONER: sql.raw("p.birth_date <= current_date - interval '65 years' and p.death_date is null"),
  DECEASED: sql.raw("p.death_date is not null"),
  FOREIGNER: sql.raw("p.citizenship_status = 'FOREIGNER'"),
  NON_CITIZEN: sql.raw("p.citizenship_status = 'NON_CITIZEN'"),
  STATELESS: sql.raw("p.citizenship_status = 'STATELESS'"),
  NEW_FORMAT_CODE: sql.raw("p.person_code like '32%'"),
  FORMER_CODE: sql.raw("cardinality(p.former_person_codes) > 0"),
  NAME_CHANGED: sql.raw("exists (select 1 from person.name_history h where h.person_code = p.person_code)"),
  INVALID_DOCUMENT: sql.raw(
    "exists (select 1 from person.identity_documents d where d.person_code = p.person_code and d.status = 'INVALID')",
  ),
  NO_VALID_DOCUMENT: sql.raw(
    "not exists (select 1 from person.identity_documents d where d.person_code = p.person_code and d.status = 'VALID') and p.death_date is null",
  ),
  SEVERAL_ADDRESSES: sql.raw(
    "exists (select 1 from person.declared_addresses d where d.person_code = p.person_code and d.kind = 'ADDITIONAL' and d.declared_to is null)",
  ),
};

/** Codes of persons with `characteristic`, after `afterCode`, in code order: at most `limit`. */
export async function findTestPersonCodes(
  db: Database,
  characteristic: TestPersonCharacteristic,
  afterCode: string | null,
  limit: number,
): Promise<string[]> {
  const rows = await db.execute<{ person_code: string }>(sql`
    select p.person_code from person.persons p
     where ${PREDICATE[characteristic]} and p.person_code > ${afterCode ?? ""}
     order by p.person_code limit ${limit}`);
  return rows.map((row) => row.person_code);
}

/**
 * Which of `characteristics` each of `codes` has, in one statement: a column per
 * characteristic asked for.
 */
export async function characteristicsOf(
  db: Database,
  codes: readonly string[],
  characteristics: readonly TestPersonCharacteristic[],
): Promise<Map<string, TestPersonCharacteristic[]>> {
  const result = new Map<string, TestPersonCharacteristic[]>(codes.map((code) => [code, []]));
  if (codes.length === 0 || characteristics.length === 0) return result;
  const columns = sql.join(
    characteristics.map((name) => sql`(${PREDICATE[name]}) as ${sql.identifier(name)}`),
    sql`, `,
  );
  const rows = await db.execute<Record<string, unknown>>(sql`
    select p.person_code, ${columns} from person.persons p
     where p.person_code in (${sql.join(
       codes.map((code) => sql`${code}`),
       sql`, `,
     )})`);
  for (const row of rows) {
    result.set(
      row.person_code as string,
      characteristics.filter((name) => row[name] === true),
    );
  }
  return result;
}
