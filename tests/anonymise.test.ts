import { anonymiseRegister, deriveKeys, RegisterAnonymiser } from "@rnp/anonymise";
import { checkPersonCode, genderedSurname } from "@rnp/common";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/database";

/**
 * The anonymised test register (issue 11, part 1) on the seeded template: what must change
 * (every identity), what must stay (relations, residents, change log, distributions), and
 * that one key always gives one output. Persons are linked from source to output with the
 * anonymiser's own mapping, recomputed from the key, as only a key holder can.
 */

const AS_OF = "2026-12-02";
const KEY_A = deriveKeys(Buffer.from("test key A: thirty-two bytes or more of secret"));
const KEY_B = deriveKeys(Buffer.from("test key B: thirty-two bytes or more of secret"));

const databases: TestDatabase[] = [];
const clients: postgres.Sql[] = [];
let source: postgres.Sql;
let outputA: postgres.Sql;
let urls: { source: string; a: string; again: string; b: string };

async function database(from: "seeded" | "empty") {
  const created = await createTestDatabase(from);
  databases.push(created);
  return created.url;
}
function connect(url: string) {
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  clients.push(sql);
  return sql;
}

/** An md5 of each person table's rows in a fixed order. */
async function fingerprint(sql: postgres.Sql) {
  const tables = [
    "persons",
    "declared_addresses",
    "identity_documents",
    "name_history",
    "marriages",
    "parent_child",
    "change_log",
  ];
  const result: Record<string, string> = {};
  for (const table of tables) {
    const [row] = await sql.unsafe(
      `select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash from person.${table} t`,
    );
    result[table] = row?.hash as string;
  }
  return result;
}

beforeAll(async () => {
  urls = {
    source: await database("seeded"),
    a: await database("empty"),
    again: await database("empty"),
    b: await database("empty"),
  };
  source = connect(urls.source);
  // A change-log history to carry over: a marriage and an address change of real persons.
  await source`insert into person.change_log (seq, person_code, data_groups, kind)
    select row_number() over (order by person_code), person_code, '{ADDRESS}', 'ADDRESS_DECLARED'
      from (select person_code from person.persons order by person_code limit 50) p`;
  await source`insert into person.change_sequence (id, value) values (1, 50)`;
  await anonymiseRegister({ from: urls.source, to: urls.a, keys: KEY_A, asOf: AS_OF });
  await anonymiseRegister({ from: urls.source, to: urls.again, keys: KEY_A, asOf: AS_OF });
  await anonymiseRegister({ from: urls.source, to: urls.b, keys: KEY_B, asOf: AS_OF });
  outputA = connect(urls.a);
}, 240_000);

afterAll(async () => {
  for (const sql of clients) await sql.end();
  for (const created of databases) await created.drop();
});

interface PersonRow {
  person_code: string;
  given_name: string;
  surname: string;
  surname_at_birth: string;
  sex: "MALE" | "FEMALE";
  birth_date: string;
  former_person_codes: string[];
}
const personsOf = (sql: postgres.Sql) =>
  sql<
    PersonRow[]
  >`select person_code, given_name, surname, surname_at_birth, sex::text as sex, birth_date::text as birth_date, former_person_codes from person.persons`;

describe("pnpm anonymise", () => {
  it("leaves no person with their own code, names, birth date or document numbers", async () => {
    const mapper = await anonymiserFor(KEY_A);
    const before = await personsOf(source);
    const after = new Map((await personsOf(outputA)).map((p) => [p.person_code, p]));
    expect(after.size).toBe(before.length);
    for (const person of before) {
      const anonymised = after.get(mapper.codes.map(person.person_code));
      expect(anonymised, person.person_code).toBeDefined();
      if (!anonymised) continue;
      expect(anonymised.person_code).not.toBe(person.person_code);
      expect(anonymised.given_name).not.toBe(person.given_name);
      expect(anonymised.surname).not.toBe(person.surname);
      expect(anonymised.surname_at_birth).not.toBe(person.surname_at_birth);
      expect(anonymised.birth_date).not.toBe(person.birth_date);
      expect(anonymised.birth_date.slice(0, 7)).toBe(person.birth_date.slice(0, 7));
      expect(anonymised.sex).toBe(person.sex);
    }
    // Each person's documents (ids are kept) carry other numbers of the same series and shape;
    // an unrelated real person's code or number may coincide with a test one (see the README).
    const documents = async (sql: postgres.Sql) =>
      new Map(
        (
          await sql<{ id: string; number: string }[]>`select id::text, number from person.identity_documents`
        ).map((d) => [d.id, d.number]),
      );
    const [documentsBefore, documentsAfter] = [await documents(source), await documents(outputA)];
    expect(documentsAfter.size).toBe(documentsBefore.size);
    for (const [id, number] of documentsBefore) {
      const anonymised = documentsAfter.get(id) ?? "";
      expect(anonymised).not.toBe(number);
      expect(anonymised.replace(/\d/g, "#")).toBe(number.replace(/\d/g, "#"));
      expect(anonymised.slice(0, 2)).toBe(number.slice(0, 2));
    }
    expect(new Set(documentsAfter.values()).size).toBe(documentsAfter.size);
    for (const person of before) {
      const former = after.get(mapper.codes.map(person.person_code))?.former_person_codes ?? [];
      expect(former).toEqual(person.former_person_codes.map((code) => mapper.codes.map(code)));
      for (const code of person.former_person_codes) expect(former).not.toContain(code);
    }
  });

  it("gives every person a valid, unique code of the same format, old codes encoding the new birth date", async () => {
    const before = await personsOf(source);
    const after = await personsOf(outputA);
    expect(new Set(after.map((p) => p.person_code)).size).toBe(after.length);
    const formats = (rows: PersonRow[]) => {
      const counts = { OLD: 0, NEW: 0 };
      for (const p of rows) {
        const check = checkPersonCode(p.person_code);
        expect(check.valid, p.person_code).toBe(true);
        if (!check.valid) continue;
        counts[check.format]++;
        if (check.format === "OLD") expect(check.birthDate).toBe(p.birth_date);
        for (const former of p.former_person_codes) expect(checkPersonCode(former).valid).toBe(true);
      }
      return counts;
    };
    expect(formats(after)).toEqual(formats(before));
  });

  it("keeps the family graph, the flats' residents and the change log, person for person", async () => {
    const { codes, addresses } = await anonymiserFor(KEY_A);
    const edges = async (sql: postgres.Sql, map: (code: string) => string = (c) => c) => ({
      marriages: (
        await sql<
          { a: string; b: string; on: string }[]
        >`select spouse_a as a, spouse_b as b, married_on::text as on from person.marriages`
      )
        .map((m) => `${map(m.a)}|${map(m.b)}|${m.on}`)
        .sort(),
      parents: (
        await sql<
          { p: string; c: string; role: string }[]
        >`select parent_code as p, child_code as c, role::text as role from person.parent_child`
      )
        .map((e) => `${map(e.p)}>${map(e.c)}:${e.role}`)
        .sort(),
      changes: (
        await sql<
          { seq: number; code: string; kind: string }[]
        >`select seq::int, person_code as code, kind from person.change_log`
      )
        .map((c) => `${c.seq}:${map(c.code)}:${c.kind}`)
        .sort(),
    });
    const expected = await edges(source, (code) => codes.map(code));
    expect(expected.marriages.length).toBeGreaterThan(100);
    expect(expected.parents.length).toBeGreaterThan(100);
    expect(expected.changes).toHaveLength(50);
    expect(await edges(outputA)).toEqual(expected);

    const residents = async (
      sql: postgres.Sql,
      map: (code: string) => string,
      mapAddress: (code: string) => string,
    ) =>
      (
        await sql<
          { person: string; address: string }[]
        >`select person_code as person, address_code as address from person.declared_addresses where declared_to is null`
      )
        .map((r) => `${mapAddress(r.address)}:${map(r.person)}`)
        .sort();
    const residentsBefore = await residents(
      source,
      (c) => codes.map(c),
      (a) => addresses.map(a),
    );
    expect(
      await residents(
        outputA,
        (c) => c,
        (a) => a,
      ),
    ).toEqual(residentsBefore);
    // Residents really moved: nobody's current declaration is at their own address.
    const moved = await outputA<
      { n: number }[]
    >`select count(*)::int as n from person.declared_addresses where declared_to is null`;
    expect(moved[0]?.n).toBe(residentsBefore.length);
    const [sequence] = await outputA<{ value: number }[]>`select value::int from person.change_sequence`;
    expect(sequence?.value).toBe(50);
  });

  it("keeps each family's one surname, in each member's gendered form", async () => {
    const family = async (sql: postgres.Sql) =>
      sql<{ husband: string; wife: string; child: string | null; childSex: "MALE" | "FEMALE" | null }[]>`
        select h.surname as husband, w.surname as wife, c.surname as child, c.sex::text as "childSex"
          from person.marriages m
          join person.persons h on h.person_code = m.spouse_a and h.sex = 'MALE'
          join person.persons w on w.person_code = m.spouse_b and w.sex = 'FEMALE'
          left join person.parent_child pc on pc.parent_code = h.person_code and pc.role = 'FATHER'
          left join person.persons c on c.person_code = pc.child_code
         where m.divorced_on is null`;
    const sharing = (rows: Awaited<ReturnType<typeof family>>) =>
      rows.filter((r) => genderedSurname(r.husband, "FEMALE") === r.wife).length;
    const [before, after] = [await family(source), await family(outputA)];
    expect(sharing(before)).toBeGreaterThan(50);
    expect(sharing(after)).toBe(sharing(before));
    const childrenSharing = (rows: typeof before) =>
      rows.filter((r) => r.child && r.childSex && genderedSurname(r.husband, r.childSex) === r.child).length;
    expect(childrenSharing(after)).toBe(childrenSharing(before));
  });

  it("keeps the distributions: birth year and month, sex, citizenship, municipality", async () => {
    const distribution = async (sql: postgres.Sql) => ({
      born: await sql`select to_char(birth_date, 'YYYY-MM') as k, count(*)::int as n from person.persons group by 1 order by 1`,
      sex: await sql`select sex::text as k, count(*)::int as n from person.persons group by 1 order by 1`,
      citizenship:
        await sql`select citizenship_status::text || coalesce(citizenship_country, '') as k, count(*)::int as n from person.persons group by 1 order by 1`,
      municipality:
        await sql`select municipality_code as k, count(*)::int as n from person.condition_subjects group by 1 order by 1`,
      deceased:
        await sql`select deceased as k, count(*)::int as n from person.condition_subjects group by 1 order by 1`,
      perBirthDay:
        await sql`select n, count(*)::int as days from (select birth_date, count(*)::int as n from person.persons group by 1) d group by n order by n`,
    });
    expect(await distribution(outputA)).toEqual(await distribution(source));
  });

  it("gives the same output for the same key and another output for another key", async () => {
    const [a, again, b] = [
      await fingerprint(outputA),
      await fingerprint(connect(urls.again)),
      await fingerprint(connect(urls.b)),
    ];
    expect(again).toEqual(a);
    for (const table of [
      "persons",
      "declared_addresses",
      "identity_documents",
      "marriages",
      "parent_child",
      "change_log",
    ]) {
      expect(b[table], table).not.toBe(a[table]);
    }
  });

  it("refuses a target that already holds a register, and a database it cannot reach", async () => {
    await expect(anonymiseRegister({ from: urls.source, to: urls.a, keys: KEY_A })).rejects.toThrow(
      /already holds a register; give an empty database/,
    );
    await expect(
      anonymiseRegister({ from: "postgres://rnp:secret@127.0.0.1:1/none", to: urls.b, keys: KEY_A }),
    ).rejects.toThrow(/^cannot reach the source database 127\.0\.0\.1:1\/none \(ECONNREFUSED\)/);
  });
});

/** The mapping of one key, rebuilt from the source's address register. */
async function anonymiserFor(keys: ReturnType<typeof deriveKeys>) {
  const addresses = await source<{ addressCode: string; municipalityCode: string; kind: string }[]>`
    select address_code as "addressCode", municipality_code as "municipalityCode", kind::text as kind from person.addresses`;
  return RegisterAnonymiser.withAddresses(keys, AS_OF, addresses);
}
