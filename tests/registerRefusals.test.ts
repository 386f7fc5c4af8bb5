import { completePersonCode, IDENTITY_HEADER, signIdentity } from "@rnp/common";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphQLResponse, TEST_SIGNING_SECRET, type TestPlatform } from "./support/platform";
import {
  asOperator,
  codeOf,
  DECLARE,
  livingAdult,
  startRegisterStack,
  stopRegisterStack,
  today,
} from "./support/register";

// A refused register mutation (no operator key, bad input, a person-data selection) writes
// nothing: not a row in the change log, not a declaration, marriage or name.

let platform: TestPlatform;
let sql: postgres.Sql;

beforeAll(async () => {
  ({ platform, sql } = await startRegisterStack());
});
afterAll(stopRegisterStack);

const used: string[] = [];

/** A valid code of someone born on 1 January 1850: the synthetic register starts in 1925. */
const UNKNOWN_CODE = ["0101500001", "0101500002", "0101500003"]
  .map((ten) => completePersonCode(ten))
  .find((code): code is string => code !== null)!;

describe("refusals write nothing", () => {
  async function counts() {
    const [row] = await sql`select
      (select count(*)::int from person.change_log) as log,
      (select count(*)::int from person.declared_addresses) as declarations,
      (select count(*)::int from person.marriages) as marriages,
      (select count(*)::int from person.name_history) as names`;
    return row;
  }

  it("a requester's key gets FORBIDDEN", async () => {
    const code = await livingAdult(used);
    const [flat] =
      await sql`select address_code from person.addresses where kind = 'FLAT' order by address_code desc limit 1`;
    const before = await counts();
    const result = await platform.query(DECLARE, { p: code, a: flat!.address_code, from: today });
    expect(codeOf(result)).toBe("FORBIDDEN");
    expect(await counts()).toEqual(before);
  });

  it("the person subgraph itself refuses a mutation to a signed non-operator (defence in depth)", async () => {
    const code = await livingAdult(used);
    const [flat] =
      await sql`select address_code from person.addresses where kind = 'FLAT' order by address_code desc limit 1`;
    const before = await counts();
    const body = JSON.stringify({
      query: DECLARE,
      variables: { p: code, a: flat!.address_code, from: today },
    });
    const identity = await signIdentity(
      {
        requestId: "mutation-defence-in-depth",
        requesterId: 1,
        keyId: 1,
        role: "REQUESTER_ADMIN",
        grant: null,
        issuedAt: Date.now(),
      },
      { keys: TEST_SIGNING_SECRET, audience: "person", body },
    );
    const response = await fetch(platform.subgraphUrls.person, {
      method: "POST",
      headers: { "content-type": "application/json", [IDENTITY_HEADER]: identity },
      body,
    });
    const result = (await response.json()) as GraphQLResponse;
    expect(codeOf(result)).toBe("FORBIDDEN");
    expect(result.errors?.[0]?.message).toMatch(
      /Mutation\.declareAddress needs an API key with role OPERATOR/,
    );
    expect(await counts()).toEqual(before);
  });

  it("an invalid personal code is BAD_USER_INPUT, an unknown one NOT_FOUND", async () => {
    const [flat] =
      await sql`select address_code from person.addresses where kind = 'FLAT' order by address_code desc limit 1`;
    const before = await counts();
    const invalid = await asOperator(DECLARE, { p: "161175-19998", a: flat!.address_code, from: today });
    expect(codeOf(invalid)).toBe("BAD_USER_INPUT");
    expect(invalid.errors?.[0]?.message).toMatch(/check digit/);
    const unknown = await asOperator(DECLARE, { p: UNKNOWN_CODE, a: flat!.address_code, from: today });
    expect(codeOf(unknown)).toBe("NOT_FOUND");
    const street = await sql`select address_code from person.addresses where kind = 'STREET' limit 1`;
    const notADwelling = await asOperator(DECLARE, {
      p: await livingAdult(used),
      a: street[0]!.address_code,
      from: today,
    });
    expect(codeOf(notADwelling)).toBe("BAD_USER_INPUT");
    expect(notADwelling.errors?.[0]?.message).toMatch(/building or a flat/);
    const future = await asOperator(DECLARE, {
      p: await livingAdult(used),
      a: flat!.address_code,
      from: "2999-01-01",
    });
    expect(codeOf(future)).toBe("BAD_USER_INPUT");
    expect(await counts()).toEqual(before);
  });

  it("marrying a married person is BAD_USER_INPUT", async () => {
    const [row] = await sql`select m.spouse_a, m.spouse_b, a.sex from person.marriages m
      join person.persons a on a.person_code = m.spouse_a and a.death_date is null
      join person.persons b on b.person_code = m.spouse_b and b.death_date is null
      where m.divorced_on is null and m.spouse_a <> all(${used}::text[]) and m.spouse_b <> all(${used}::text[])
      order by m.id desc limit 1`;
    const other = await livingAdult(
      [...used, row!.spouse_a, row!.spouse_b],
      sql`and p.sex <> ${row!.sex}::person.sex and not exists (select 1 from person.marriages m where p.person_code in (m.spouse_a, m.spouse_b))`,
    );
    const before = await counts();
    const result = await asOperator(
      `mutation ($a: String!, $b: String!, $on: Date!) {
        registerMarriage(personCodeA: $a, personCodeB: $b, on: $on, place: "Rīga", surnameOfA: true) { personCode }
      }`,
      { a: row!.spouse_a, b: other, on: today },
    );
    expect(codeOf(result)).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toMatch(/is married \(to .*\); register the divorce first/);
    expect(await counts()).toEqual(before);
  });

  it("selecting person data in a mutation's result is refused before anything is written", async () => {
    const code = await livingAdult(used);
    const [flat] =
      await sql`select address_code from person.addresses where kind = 'FLAT' order by address_code desc limit 1`;
    const before = await counts();
    const result = await asOperator(
      `mutation ($p: String!, $a: String!, $from: Date!) {
        declareAddress(personCode: $p, addressCode: $a, from: $from) { personCode ...named }
      }
      fragment named on Person { surname }`,
      { p: code, a: flat!.address_code, from: today },
    );
    expect(codeOf(result)).toBe("FORBIDDEN");
    expect(result.errors?.[0]?.message).toMatch(/Person\.surname belongs to data group NAME/);
    expect(await counts()).toEqual(before);
  });
});
