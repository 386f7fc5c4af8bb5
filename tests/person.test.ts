import { completePersonCode } from "@rnp/common";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "./support/platform";

let platform: TestPlatform;
let sql: postgres.Sql;

beforeAll(async () => {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
  await platform?.stop();
});

const hyphenated = (code: string) => `${code.slice(0, 6)}-${code.slice(6)}`;

/** A valid code of someone born on 1 January 1850: the synthetic register starts in 1925. */
const UNKNOWN_CODE = ["0101500001", "0101500002", "0101500003"]
  .map((ten) => completePersonCode(ten))
  .find((code): code is string => code !== null)!;

async function someMarriedCoupleWithChildren() {
  const [row] = await sql`
    select m.spouse_a, m.spouse_b, pc.child_code
    from person.marriages m
    join person.persons a on a.person_code = m.spouse_a and a.death_date is null
    join person.persons b on b.person_code = m.spouse_b and b.death_date is null
    join person.parent_child pc on pc.parent_code = m.spouse_a
    join person.parent_child pc2 on pc2.parent_code = m.spouse_b and pc2.child_code = pc.child_code
    where m.divorced_on is null
    order by m.id limit 1`;
  if (!row) throw new Error("the seeded register has no married couple with a child");
  return { a: row.spouse_a as string, b: row.spouse_b as string, child: row.child_code as string };
}

describe("person(personCode)", () => {
  it("returns the person for a code written with or without the hyphen", async () => {
    const [row] =
      await sql`select person_code, given_name, surname from person.persons order by person_code limit 1`;
    const code = row!.person_code as string;
    for (const written of [code, hyphenated(code)]) {
      const result = await platform.query<{
        person: { personCode: string; givenName: string; surname: string };
      }>("query ($code: String!) { person(personCode: $code) { personCode givenName surname } }", {
        code: written,
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.person).toEqual({
        personCode: hyphenated(code),
        givenName: row!.given_name,
        surname: row!.surname,
      });
    }
  });

  it("returns null for a valid code the register does not know", async () => {
    const result = await platform.query(
      "query ($code: String!) { person(personCode: $code) { personCode } }",
      {
        code: UNKNOWN_CODE,
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ person: null });
  });

  it.each([
    ["16117519", "has 8 digits"],
    ["161375-19997", "month 13"],
    ["161175-19996", "check digit 6"],
  ])("refuses %s with BAD_USER_INPUT saying what is wrong", async (code, reason) => {
    const result = await platform.query(
      "query ($code: String!) { person(personCode: $code) { personCode } }",
      { code },
    );
    expect(result.data?.person ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toContain(reason);
  });
});

describe("persons(personCodes)", () => {
  it("answers in request order, null for unknown codes, an error at each invalid position", async () => {
    const rows = await sql`select person_code from person.persons order by person_code desc limit 3`;
    const codes = rows.map((r) => r.person_code as string);
    const result = await platform.query<{ persons: ({ personCode: string } | null)[] }>(
      "query ($codes: [String!]!) { persons(personCodes: $codes) { personCode } }",
      { codes: [codes[2], UNKNOWN_CODE, hyphenated(codes[0]!), "12345", codes[1], codes[2]] },
    );
    expect(result.data?.persons).toEqual([
      { personCode: hyphenated(codes[2]!) },
      null,
      { personCode: hyphenated(codes[0]!) },
      null,
      { personCode: hyphenated(codes[1]!) },
      { personCode: hyphenated(codes[2]!) },
    ]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      extensions: { code: "BAD_USER_INPUT" },
      path: ["persons", 3],
    });
    expect(result.errors?.[0]?.message).toContain("personCodes[3]");
  });

  it("refuses more codes than the batch limit and says how many are allowed", async () => {
    const codes = Array.from({ length: 1001 }, () => "161175-19997");
    const result = await platform.query(
      "query ($codes: [String!]!) { persons(personCodes: $codes) { personCode } }",
      {
        codes,
      },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toContain("send at most 1000");
  });
});

describe("family relations", () => {
  it("links spouses, parents and children both ways as Person", async () => {
    const { a, b, child } = await someMarriedCoupleWithChildren();
    const result = await platform.query<{
      person: {
        civilStatus: string;
        spouse: { personCode: string; spouse: { personCode: string } };
        children: {
          personCode: string;
          mother: { personCode: string } | null;
          father: { personCode: string } | null;
        }[];
      };
    }>(
      `query ($code: String!) { person(personCode: $code) {
        civilStatus
        spouse { personCode spouse { personCode } }
        children { personCode mother { personCode } father { personCode } }
      } }`,
      { code: a },
    );
    expect(result.errors).toBeUndefined();
    const person = result.data!.person;
    expect(person.civilStatus).toBe("MARRIED");
    expect(person.spouse.personCode).toBe(hyphenated(b));
    expect(person.spouse.spouse.personCode).toBe(hyphenated(a));
    const theChild = person.children.find((c) => c.personCode === hyphenated(child));
    expect(theChild).toBeDefined();
    const parents = [theChild!.mother?.personCode, theChild!.father?.personCode].sort();
    expect(parents).toEqual([hyphenated(a), hyphenated(b)].sort());
  });

  it("keeps a married woman's earlier surname in her name history", async () => {
    const [row] = await sql`
      select p.person_code, p.surname, p.surname_at_birth from person.persons p
      join person.name_history h on h.person_code = p.person_code and h.change_reason = 'MARRIAGE'
      where p.sex = 'FEMALE' limit 1`;
    const result = await platform.query<{
      person: {
        surname: string;
        surnameAtBirth: string;
        nameHistory: { surname: string; changeReason: string }[];
      };
    }>(
      "query ($code: String!) { person(personCode: $code) { surname surnameAtBirth nameHistory { surname changeReason } } }",
      { code: row!.person_code },
    );
    const person = result.data!.person;
    expect(person.surname).toBe(row!.surname);
    expect(person.nameHistory.some((h) => h.changeReason === "MARRIAGE")).toBe(true);
    expect(person.nameHistory.map((h) => h.surname)).toContain(person.surnameAtBirth);
  });
});

describe("look-ups by document and by address", () => {
  it("finds the holder of an identity document, ignoring case", async () => {
    const [row] = await sql`select person_code, number from person.identity_documents order by id limit 1`;
    const result = await platform.query<{
      personByDocument: { personCode: string; identityDocuments: { number: string }[] };
    }>(
      "query ($n: String!) { personByDocument(documentNumber: $n) { personCode identityDocuments { number } } }",
      { n: (row!.number as string).toLowerCase() },
    );
    expect(result.data?.personByDocument.personCode).toBe(hyphenated(row!.person_code));
    expect(result.data?.personByDocument.identityDocuments.map((d) => d.number)).toContain(row!.number);
  });

  it("returns null for an unknown document number", async () => {
    const result = await platform.query('{ personByDocument(documentNumber: "ZZ0000000") { personCode } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ personByDocument: null });
  });

  it("pages through the residents of a building without gaps or repeats", async () => {
    const [building] = await sql`
      select a.building_code, count(*)::int as residents
      from person.declared_addresses d join person.addresses a on a.address_code = d.address_code
      where d.declared_to is null and d.kind = 'DECLARED' and a.building_code is not null
      group by a.building_code order by count(*) desc limit 1`;
    const expected = await sql`
      select d.person_code from person.declared_addresses d join person.addresses a on a.address_code = d.address_code
      where d.declared_to is null and d.kind = 'DECLARED' and a.building_code = ${building!.building_code}
      order by d.person_code`;
    const seen: string[] = [];
    let after: string | null = null;
    const pageSize = 7;
    for (let page = 0; page <= Math.ceil(building!.residents / pageSize); page++) {
      const result: Awaited<
        ReturnType<
          typeof platform.query<{
            residents: {
              nodes: { personCode: string; declaredAddress: { address: { addressCode: string } } }[];
              pageInfo: { hasNextPage: boolean; endCursor: string | null };
              totalCount: number;
            };
          }>
        >
      > = await platform.query(
        `query ($code: String!, $first: Int, $after: String) { residents(addressCode: $code, first: $first, after: $after) {
          nodes { personCode declaredAddress { address { addressCode } } } pageInfo { hasNextPage endCursor } totalCount } }`,
        { code: building!.building_code, first: pageSize, after },
      );
      expect(result.errors).toBeUndefined();
      const residents = result.data!.residents;
      expect(residents.totalCount).toBe(building!.residents);
      seen.push(...residents.nodes.map((n) => n.personCode));
      if (!residents.pageInfo.hasNextPage) break;
      after = residents.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected.map((r) => hyphenated(r.person_code)));
  });

  it("refuses a malformed address code and a street code with BAD_USER_INPUT", async () => {
    const malformed = await platform.query('{ residents(addressCode: "12-34") { totalCount } }');
    expect(malformed.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(malformed.errors?.[0]?.message).toContain("exactly 9 digits");
    const [street] = await sql`select address_code from person.addresses where kind = 'STREET' limit 1`;
    const result = await platform.query("query ($c: String!) { residents(addressCode: $c) { totalCount } }", {
      c: street!.address_code,
    });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toContain("buildings and flats");
  });
});
