import fc from "fast-check";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGrant } from "./support/grants";
import { ALL_GROUPS, startTestPlatform, type TestPlatform } from "./support/platform";

/** Fields selected for each data group, as written in the query (response key first). */
const FIELDS: Record<string, string[]> = {
  PERSON_CODES: ["personCodeFormat", "formerPersonCodes"],
  NAME: ["givenName", "surname"],
  BIRTH: ["birthDate", "sex"],
  CITIZENSHIP: ["citizenshipStatus", "citizenship"],
  ADDRESS: ["declaredAddress { address { municipalityCode } }"],
  DOCUMENTS: ["identityDocuments { number }"],
  FAMILY: ["civilStatus", "children { personCode }"],
  DEATH: ["deceased", "deathDate"],
};
const GROUP_OF_KEY = new Map(
  Object.entries(FIELDS).flatMap(([group, fields]) => fields.map((f) => [f.split(" ")[0]!, group])),
);

interface Row {
  person_code: string;
  birth_date: string;
  sex: string;
  citizenship_status: string;
  death_date: string | null;
}

const today = new Date().toISOString().slice(0, 10);
const ageOf = (birth: string) => {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) < birth.slice(5) ? years - 1 : years;
};

/** Each condition with a predicate written independently of the platform's evaluator. */
const CONDITIONS = [
  {
    spec: { field: "age", operator: "GREATER_THAN", value: 17 },
    holds: (r: Row) => ageOf(r.birth_date) > 17,
  },
  { spec: { field: "sex", operator: "EQUALS", value: "FEMALE" }, holds: (r: Row) => r.sex === "FEMALE" },
  {
    spec: { field: "citizenshipStatus", operator: "ONE_OF", value: ["CITIZEN", "NON_CITIZEN"] },
    holds: (r: Row) => r.citizenship_status === "CITIZEN" || r.citizenship_status === "NON_CITIZEN",
  },
  {
    spec: { field: "birthDate", operator: "BEFORE", value: "1980-01-01" },
    holds: (r: Row) => r.birth_date < "1980-01-01",
  },
  { spec: { field: "deceased", operator: "EQUALS", value: false }, holds: (r: Row) => r.death_date === null },
];

let platform: TestPlatform;
let sql: postgres.Sql;
let sample: Row[];
const rows = new Map<string, Row>();

async function rowOf(hyphenated: string): Promise<Row> {
  const code = hyphenated.replace("-", "");
  if (!rows.has(code)) {
    const [row] = await sql<
      Row[]
    >`select person_code, birth_date::text, sex, citizenship_status, death_date::text
      from person.persons where person_code = ${code}`;
    rows.set(code, row!);
  }
  return rows.get(code)!;
}

beforeAll(async () => {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 2, onnotice: () => {} });
  // Parents of young and old children, the dead, non-citizens: persons every condition splits.
  sample = await sql<Row[]>`select person_code, birth_date::text, sex, citizenship_status, death_date::text
    from person.persons order by md5(person_code || 'property') limit 40`;
  for (const row of sample) rows.set(row.person_code, row);
});
afterAll(async () => {
  await sql?.end();
  await platform?.stop();
});

describe("grants against random selections (property)", () => {
  it("never return a field outside the grant, and only persons who satisfy its conditions", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(ALL_GROUPS, { minLength: 1 }),
        fc.subarray(CONDITIONS, { maxLength: 2 }),
        fc.subarray(ALL_GROUPS, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 30 }),
        async (granted, conditions, selected, offset) => {
          const number = await createGrant(platform, {
            dataGroups: granted,
            conditions: conditions.map((c) => c.spec),
          });
          const codes = sample.slice(offset, offset + 10).map((r) => r.person_code);
          const selection = selected.flatMap((group) => FIELDS[group]!).join(" ");
          const result = await platform.query<{ persons: (Record<string, unknown> | null)[] }>(
            `query ($codes: [String!]!) { persons(personCodes: $codes) { personCode ${selection} } }`,
            { codes },
            { headers: platform.headersOf({ key: platform.requester.key, grantNumber: number }) },
          );
          if (!selected.every((group) => granted.includes(group))) {
            expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
            expect(result.data ?? null).toBeNull();
            return;
          }
          expect(result.errors).toBeUndefined();
          const persons = result.data!.persons;
          expect(persons).toHaveLength(codes.length);
          for (const [index, person] of persons.entries()) {
            const row = rows.get(codes[index]!)!;
            const visible = conditions.every((c) => c.holds(row));
            if (!visible) {
              expect(person).toBeNull();
              continue;
            }
            expect(person).not.toBeNull();
            for (const key of Object.keys(person!)) {
              if (key === "personCode") continue;
              expect(granted).toContain(GROUP_OF_KEY.get(key));
            }
            for (const child of (person!.children as { personCode: string }[] | undefined) ?? []) {
              const childRow = await rowOf(child.personCode);
              expect(conditions.every((c) => c.holds(childRow))).toBe(true);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
