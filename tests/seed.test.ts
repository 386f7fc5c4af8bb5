import { checkPersonCode } from "@rnp/common";
import { createDatabase, type DatabaseClient } from "@rnp/db";
import { isRegisterSeeded, seedRegister } from "@rnp/generator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/database";

const TABLES = [
  "persons",
  "addresses",
  "declared_addresses",
  "identity_documents",
  "name_history",
  "marriages",
  "parent_child",
];

const opened: { database: TestDatabase; client: DatabaseClient }[] = [];

async function seededDatabase(persons: number, seed: number) {
  const database = await createTestDatabase("empty");
  const client = createDatabase(database.url, { max: 2 });
  opened.push({ database, client });
  expect(await isRegisterSeeded(client.sql)).toBe(false);
  await seedRegister(client.sql, { persons, seed });
  return client;
}

/** An md5 of each table's rows in a fixed order, to compare whole registers. */
async function fingerprint(client: DatabaseClient) {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await client.sql.unsafe(
      `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from person.${table} t`,
    );
    result[table] = row!.hash as string;
  }
  return result;
}

let a: DatabaseClient;
let b: DatabaseClient;
let c: DatabaseClient;

beforeAll(async () => {
  [a, b, c] = await Promise.all([
    seededDatabase(1_500, 11),
    seededDatabase(1_500, 11),
    seededDatabase(1_500, 12),
  ]);
});
afterAll(async () => {
  for (const { database, client } of opened) {
    await client.close();
    await database.drop();
  }
});

describe("seedRegister", () => {
  it("loads the requested number of persons and marks the register seeded", async () => {
    const [row] = await a.sql`select count(*)::int as n from person.persons`;
    expect(row!.n).toBe(1_500);
    expect(await isRegisterSeeded(a.sql)).toBe(true);
  });

  it("gives the same register for the same seed and a different one for another seed", async () => {
    const [first, second, other] = await Promise.all([fingerprint(a), fingerprint(b), fingerprint(c)]);
    expect(second).toEqual(first);
    expect(other.persons).not.toBe(first.persons);
  });

  it("issues valid, unique personal codes, about a tenth of them in the new format", async () => {
    const rows = await a.sql`select person_code, birth_date, former_person_codes from person.persons`;
    let newFormat = 0;
    for (const row of rows) {
      const check = checkPersonCode(row.person_code as string);
      expect(check.valid, row.person_code as string).toBe(true);
      if (check.valid && check.format === "NEW") newFormat++;
      if (check.valid && check.format === "OLD") expect(check.birthDate).toBe(row.birth_date);
      for (const former of row.former_person_codes as string[])
        expect(checkPersonCode(former).valid).toBe(true);
    }
    expect(newFormat / rows.length).toBeGreaterThan(0.05);
    expect(newFormat / rows.length).toBeLessThan(0.2);
  });

  it("gives every living person exactly one current residence, and the dead none", async () => {
    const [row] = await a.sql`
      select
        count(*) filter (where p.death_date is null and coalesce(d.current, 0) <> 1)::int as living_wrong,
        count(*) filter (where p.death_date is not null and coalesce(d.current, 0) <> 0)::int as dead_wrong
      from person.persons p
      left join (
        select person_code, count(*) as current from person.declared_addresses
        where declared_to is null and kind = 'DECLARED' group by person_code
      ) d on d.person_code = p.person_code`;
    expect(row).toEqual({ living_wrong: 0, dead_wrong: 0 });
  });

  it("links families consistently: spouses of opposite sex, a family sharing one surname", async () => {
    const [spouses] = await a.sql`
      select count(*)::int as same_sex from person.marriages m
      join person.persons x on x.person_code = m.spouse_a join person.persons y on y.person_code = m.spouse_b
      where x.sex = y.sex`;
    expect(spouses!.same_sex).toBe(0);
    const [links] = await a.sql`select count(*)::int as n from person.parent_child`;
    expect(links!.n).toBeGreaterThan(100);
    // Name diacritics are there: Latvian names, not ASCII stand-ins.
    const [diacritics] = await a.sql`
      select count(*)::int as n from person.persons where surname ~ '[āčēģīķļņšūž]' or given_name ~ '[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]'`;
    expect(diacritics!.n).toBeGreaterThan(100);
  });

  it("keeps address codes at 9 digits and identity document numbers unique", async () => {
    const [addresses] =
      await a.sql`select count(*)::int as bad from person.addresses where address_code !~ '^[0-9]{9}$'`;
    expect(addresses!.bad).toBe(0);
    const [documents] = await a.sql`
      select count(*)::int as total, count(distinct number)::int as distinct_numbers from person.identity_documents`;
    expect(documents!.total).toBeGreaterThan(500);
    expect(documents!.distinct_numbers).toBe(documents!.total);
  });
});
