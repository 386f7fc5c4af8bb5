import { type AnonymisationPlan, anonymiseRegister, deriveKeys, readPlan } from "@rnp/anonymise";
import { checkPersonCode, genderedSurname } from "@rnp/common";
import { createDatabase, type DatabaseClient } from "@rnp/db";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findTestPersonCodes,
  TEST_PERSON_CHARACTERISTICS,
} from "../subgraphs/person/src/repositories/testPersonRepository";
import { createTestDatabase, type TestDatabase } from "./support/database";

/**
 * The anonymised test register (issues 11 and 15) on the seeded template: what must change
 * (every identity), what must stay (relations, households, change log, distributions,
 * validity, every kind of test person), and that one key always gives one output. Persons
 * are linked from source to output with the plan recomputed from the key, as only a key
 * holder can. What an outsider without the key can link is in anonymiseLinkage.test.ts.
 */

const AS_OF = "2026-12-02";
const KEY_A = deriveKeys(Buffer.from("test key A: thirty-two bytes or more of secret"));
const KEY_B = deriveKeys(Buffer.from("test key B: thirty-two bytes or more of secret"));

const databases: TestDatabase[] = [];
const clients: postgres.Sql[] = [];
let source: postgres.Sql;
let outputA: postgres.Sql;
let plan: AnonymisationPlan;
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
  // A change-log history to carry over: address changes of 50 real persons.
  await source`insert into person.change_log (seq, person_code, data_groups, kind)
    select row_number() over (order by person_code), person_code, '{ADDRESS}', 'ADDRESS_DECLARED'
      from (select person_code from person.persons order by person_code limit 50) p`;
  await source`insert into person.change_sequence (id, value) values (1, 50)`;
  // The generator makes no twins: two children of one mother (new-format codes, which hold
  // no birth date; a boy and a girl where there are, so in two boxes) become twins here.
  await source`update person.persons set birth_date = (select birth_date from person.persons where person_code = pair.a)
    from (select a.child_code as a, b.child_code as b from person.parent_child a
            join person.parent_child b on b.parent_code = a.parent_code and b.child_code > a.child_code
            join person.persons pa on pa.person_code = a.child_code join person.persons pb on pb.person_code = b.child_code
           where a.role = 'MOTHER' and pa.person_code like '32%' and pb.person_code like '32%'
           order by pa.sex = pb.sex, a.parent_code limit 1) pair
   where person_code = pair.b`;
  await anonymiseRegister({ from: urls.source, to: urls.a, keys: KEY_A, asOf: AS_OF });
  await anonymiseRegister({ from: urls.source, to: urls.again, keys: KEY_A, asOf: AS_OF });
  await anonymiseRegister({ from: urls.source, to: urls.b, keys: KEY_B, asOf: AS_OF });
  outputA = connect(urls.a);
  plan = await readPlan(urls.source, KEY_A, AS_OF);
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
  it("leaves no person with their own code, names or birth date, and no document with its number", async () => {
    const before = await personsOf(source);
    const after = new Map((await personsOf(outputA)).map((p) => [p.person_code, p]));
    expect(after.size).toBe(before.length);
    const sourceCodes = new Set(before.flatMap((p) => [p.person_code, ...p.former_person_codes]));
    for (const person of before) {
      const anonymised = after.get(plan.persons.mapCode(person.person_code));
      expect(anonymised, person.person_code).toBeDefined();
      if (!anonymised) continue;
      expect(anonymised.person_code).not.toBe(person.person_code);
      expect(anonymised.given_name).not.toBe(person.given_name);
      expect(anonymised.surname).not.toBe(person.surname);
      expect(anonymised.surname_at_birth).not.toBe(person.surname_at_birth);
      expect(anonymised.birth_date).not.toBe(person.birth_date);
      expect(anonymised.sex).toBe(person.sex);
      for (const code of anonymised.former_person_codes)
        expect(sourceCodes.has(code) && code === person.person_code).toBe(false);
    }
    // Each document (found by its surrogate id) carries another number of the same series and shape.
    const documents = async (sql: postgres.Sql) =>
      new Map(
        (
          await sql<{ id: string; number: string }[]>`select id::text, number from person.identity_documents`
        ).map((d) => [Number(d.id), d.number]),
      );
    const [documentsBefore, documentsAfter] = [await documents(source), await documents(outputA)];
    expect(documentsAfter.size).toBe(documentsBefore.size);
    for (const [id, number] of documentsBefore) {
      const anonymised = documentsAfter.get(plan.documents.surrogates?.map(id) ?? 0) ?? "";
      expect(anonymised).not.toBe(number);
      expect(anonymised.replace(/\d/g, "#")).toBe(number.replace(/\d/g, "#"));
    }
    expect(new Set(documentsAfter.values()).size).toBe(documentsAfter.size);
  });

  it("gives every person a valid, unique code, old codes encoding the new birth date, in the source's mix of formats", async () => {
    const before = await personsOf(source);
    const after = await personsOf(outputA);
    expect(new Set(after.map((p) => p.person_code)).size).toBe(after.length);
    const formats = (rows: PersonRow[]) => {
      const counts = { OLD: 0, NEW: 0, FORMER: 0 };
      for (const p of rows) {
        const check = checkPersonCode(p.person_code);
        expect(check.valid, p.person_code).toBe(true);
        if (!check.valid) continue;
        counts[check.format]++;
        if (check.format === "OLD") expect(check.birthDate).toBe(p.birth_date);
        for (const former of p.former_person_codes) {
          counts.FORMER++;
          expect(checkPersonCode(former)).toMatchObject({ valid: true, birthDate: p.birth_date });
        }
      }
      return counts;
    };
    expect(formats(after)).toEqual(formats(before));
  });

  it("keeps the family graph, the households and the change log, person for person", async () => {
    const code = (c: string) => plan.persons.mapCode(c);
    const edges = async (sql: postgres.Sql, map: (code: string) => string = (c) => c) => ({
      marriages: (
        await sql<{ a: string; b: string; divorced: boolean }[]>`
          select spouse_a as a, spouse_b as b, divorced_on is not null as divorced from person.marriages`
      )
        .map((m) => `${map(m.a)}|${map(m.b)}|${m.divorced}`)
        .sort(),
      parents: (
        await sql<
          { p: string; c: string; role: string }[]
        >`select parent_code as p, child_code as c, role::text as role from person.parent_child`
      )
        .map((e) => `${map(e.p)}>${map(e.c)}:${e.role}`)
        .sort(),
      changes: (
        await sql<{ code: string; kind: string }[]>`select person_code as code, kind from person.change_log`
      )
        .map((c) => `${map(c.code)}:${c.kind}`)
        .sort(),
    });
    const expected = await edges(source, code);
    expect(expected.marriages.length).toBeGreaterThan(100);
    expect(expected.parents.length).toBeGreaterThan(100);
    expect(expected.changes).toHaveLength(50);
    expect(await edges(outputA)).toEqual(expected);
    const seqs = await outputA<{ seq: number }[]>`select seq::int from person.change_log order by seq`;
    expect(seqs.map((row) => row.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const [sequence] = await outputA<{ value: number }[]>`select value::int from person.change_sequence`;
    expect(sequence?.value).toBe(50);

    // Residents of one address stay together, at another address of the same kind.
    const residents = async (
      sql: postgres.Sql,
      map: (code: string) => string,
      mapAddress: (a: string) => string,
    ) =>
      (
        await sql<{ person: string; address: string }[]>`
          select person_code as person, address_code as address from person.declared_addresses where declared_to is null`
      )
        .map((r) => `${mapAddress(r.address)}:${map(r.person)}`)
        .sort();
    const residentsBefore = await residents(source, code, (a) => plan.addresses.map(a));
    expect(
      await residents(
        outputA,
        (c) => c,
        (a) => a,
      ),
    ).toEqual(residentsBefore);
    // Nobody stays at their own address.
    const homes = await source<{ address: string }[]>`
      select address_code as address from person.declared_addresses where declared_to is null`;
    for (const { address } of homes) expect(plan.addresses.map(address)).not.toBe(address);
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

  it("keeps the distributions: sex, birth years, citizenship, deaths, documents, residents per address", async () => {
    const distribution = async (sql: postgres.Sql) => ({
      born: await sql`select extract(year from birth_date)::int as k, count(*)::int as n from person.persons group by 1 order by 1`,
      sex: await sql`select sex::text as k, count(*)::int as n from person.persons group by 1 order by 1`,
      citizenship:
        await sql`select citizenship_status::text || coalesce(citizenship_country, '') as k, count(*)::int as n from person.persons group by 1 order by 1`,
      nationality:
        await sql`select nationality as k, count(*)::int as n from person.persons group by 1 order by 1`,
      birthPlace:
        await sql`select birth_place as k, count(*)::int as n from person.persons group by 1 order by 1`,
      deceased:
        await sql`select extract(year from death_date)::int as k, count(*)::int as n from person.persons group by 1 order by 1`,
      documents:
        await sql`select type::text || status::text || coalesce(status_reason, '') || extract(year from issue_date) as k, count(*)::int as n from person.identity_documents group by 1 order by 1`,
      perAddress:
        await sql`select n, count(*)::int as addresses from (select address_code, count(*)::int as n from person.declared_addresses where declared_to is null group by 1) a group by n order by n`,
    });
    expect(await distribution(outputA)).toEqual(await distribution(source));
  });

  it("keeps the register valid: dates in order, documents' status true on the as-of day, series matching citizenship", async () => {
    const [violations] = await outputA<Record<string, number>[]>`select
      (select count(*)::int from person.persons where death_date < birth_date or birth_date > ${AS_OF}) as persons,
      (select count(*)::int from person.identity_documents where (status = 'VALID' and expiry_date <= ${AS_OF})
         or (status = 'EXPIRED' and expiry_date > ${AS_OF}) or status_changed_on < issue_date or issue_date > ${AS_OF}) as documents,
      (select count(*)::int from person.identity_documents d join person.persons p using (person_code)
        where (d.type = 'PASSPORT' and (d.number like 'LV%') <> (p.citizenship_status = 'CITIZEN'))
           or p.citizenship_status in ('FOREIGNER', 'STATELESS')
           or (d.status_reason = 'holder died' and p.death_date is null)) as series,
      (select count(*)::int from person.declared_addresses d join person.persons p using (person_code)
        where d.declared_to < d.declared_from or d.declared_from < p.birth_date or d.declared_from > ${AS_OF}) as declarations,
      (select count(*)::int from person.persons p where p.death_date is null and (select count(*) from person.declared_addresses d
        where d.person_code = p.person_code and d.kind = 'DECLARED' and d.declared_to is null) <> 1) as residences,
      (select count(*)::int from person.name_history where valid_from > valid_to) as names,
      (select count(*)::int from person.marriages where divorced_on < married_on or married_on > ${AS_OF}) as marriages`;
    expect(violations).toEqual({
      persons: 0,
      documents: 0,
      series: 0,
      declarations: 0,
      residences: 0,
      names: 0,
      marriages: 0,
    });
    // Plausibility where boxes span years: parents rarely under 14 at a child's birth.
    const [close] = await outputA<{ n: number; links: number }[]>`
      select count(*) filter (where c.birth_date < p.birth_date + interval '14 years')::int as n, count(*)::int as links
        from person.parent_child pc join person.persons p on p.person_code = pc.parent_code
        join person.persons c on c.person_code = pc.child_code`;
    expect(close?.n).toBeLessThan((close?.links ?? 0) / 50);
  });

  it("keeps every kind of test person findable, the twins on one day", async () => {
    const clientsOf = [createDatabase(urls.source, { max: 1 }), createDatabase(urls.a, { max: 1 })];
    const counts = async (client: DatabaseClient) => {
      const result: Record<string, number> = {};
      for (const characteristic of TEST_PERSON_CHARACTERISTICS)
        result[characteristic] = (await findTestPersonCodes(client.db, characteristic, null, 100_000)).length;
      return result;
    };
    try {
      const [before, after] = [await counts(clientsOf[0]!), await counts(clientsOf[1]!)];
      for (const characteristic of TEST_PERSON_CHARACTERISTICS) {
        if ((before[characteristic] ?? 0) > 0)
          expect(after[characteristic], characteristic).toBeGreaterThan(0);
      }
      // Relations, citizenship, death, codes and documents follow the persons' kept values exactly.
      for (const exact of [
        "MARRIED",
        "DIVORCED",
        "PARENT",
        "DECEASED",
        "FOREIGNER",
        "NON_CITIZEN",
        "STATELESS",
      ] as const) {
        expect(after[exact], exact).toBe(before[exact]);
      }
      for (const exact of [
        "NEW_FORMAT_CODE",
        "FORMER_CODE",
        "NAME_CHANGED",
        "INVALID_DOCUMENT",
        "NO_VALID_DOCUMENT",
        "SEVERAL_ADDRESSES",
      ] as const) {
        expect(after[exact], exact).toBe(before[exact]);
      }
      const twins = await findTestPersonCodes(clientsOf[0]!.db, "TWIN", null, 10);
      expect(twins).toHaveLength(2);
      const born = await outputA<{ birth: string }[]>`
        select distinct birth_date::text as birth from person.persons where person_code in ${outputA(twins.map((c) => plan.persons.mapCode(c)))}`;
      expect(born).toHaveLength(1);
      expect(after.TWIN).toBeGreaterThanOrEqual(2);
    } finally {
      for (const client of clientsOf) await client.close();
    }
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

  it("refuses a target that already holds a register, a database it cannot reach, and a register too small for k", async () => {
    await expect(anonymiseRegister({ from: urls.source, to: urls.a, keys: KEY_A })).rejects.toThrow(
      /already holds a register; give an empty database/,
    );
    await expect(
      anonymiseRegister({ from: "postgres://rnp:secret@127.0.0.1:1/none", to: urls.b, keys: KEY_A }),
    ).rejects.toThrow(/^cannot reach the source database 127\.0\.0\.1:1\/none \(ECONNREFUSED\)/);
    const empty = await database("empty");
    await expect(
      anonymiseRegister({ from: urls.source, to: empty, keys: KEY_A, asOf: AS_OF, k: 1000 }),
    ).rejects.toThrow(
      /^the register holds \d+ MALE deceased persons; every sex × living\/deceased group needs at least k = 1000/,
    );
    const [written] = await connect(empty)<{ n: number }[]>`select count(*)::int as n from person.persons`;
    expect(written?.n).toBe(0);
  });
});
