import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "./support/platform";

let platform: TestPlatform;
let codes: string[];

beforeAll(async () => {
  platform = await startTestPlatform();
  const sql = postgres(platform.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    // Married persons with children, so family members are resolved at every level.
    const rows = await sql`
      select distinct p.person_code from person.persons p
      join person.parent_child c on c.parent_code = p.person_code
      join person.marriages m on m.spouse_a = p.person_code or m.spouse_b = p.person_code
      order by p.person_code limit 200`;
    codes = rows.map((r) => r.person_code as string);
  } finally {
    await sql.end();
  }
});
afterAll(async () => {
  await platform?.stop();
});

const QUERY = `query ($codes: [String!]!) {
  persons(personCodes: $codes) {
    personCode givenName surname
    declaredAddress { declaredFrom address { fullAddress municipalityName } }
    addressHistory { declaredFrom }
    identityDocuments { type number status }
    nameHistory { surname }
    civilStatus
    spouse { givenName surname declaredAddress { address { fullAddress } } }
    mother { givenName surname }
    father { givenName surname }
    children { givenName surname identityDocuments { number } }
  }
}`;

async function statementsFor(count: number): Promise<string[]> {
  platform.resetStatements();
  const result = await platform.query<{ persons: unknown[] }>(QUERY, { codes: codes.slice(0, count) });
  expect(result.errors).toBeUndefined();
  expect(result.data?.persons).toHaveLength(count);
  expect(result.data?.persons.every((p) => p !== null)).toBe(true);
  // The driver looks up array types once on every connection it opens: pool set-up, not work
  // of this request, and how many connections open depends on timing.
  return platform.statements.filter((statement) => !statement.includes("pg_catalog.pg_type"));
}

describe("SQL statements per persons() call", () => {
  it("are the same, and few, for 10 and for 200 persons with addresses, documents and family", async () => {
    expect(codes).toHaveLength(200);
    await statementsFor(200); // opens the pool's connections
    const ten = await statementsFor(10);
    const twoHundred = await statementsFor(200);
    expect(twoHundred.length).toBe(ten.length);
    // persons; their addresses, documents, names, marriages and parent links; the relatives
    // as the grant lets the caller see them, and unfiltered for the spouse's death that
    // decides civil status; the relatives' addresses and documents. One per kind and level.
    expect(ten).toHaveLength(10);
  });
});
