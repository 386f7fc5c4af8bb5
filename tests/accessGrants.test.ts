import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PERSON, raw, startAccessStack, stopAccessStack } from "./support/access";
import { createGrant } from "./support/grants";
import type { TestPlatform } from "./support/platform";

// Grants as they apply to the next request: narrowed or revoked, refused when malformed, and
// conditions on record values that make a person who fails them look unknown.

let platform: TestPlatform;
let sql: postgres.Sql;
let adult: string;
let minor: string;

beforeAll(async () => {
  ({ platform, sql, adult, minor } = await startAccessStack());
});
afterAll(stopAccessStack);

describe("grant changes", () => {
  it("take effect on the next request: narrowing, then revoking", async () => {
    const number = await createGrant(platform, { dataGroups: ["NAME", "BIRTH"] });
    const headers = platform.headersOf({ key: platform.requester.key, grantNumber: number });
    const query = "query ($code: String!) { person(personCode: $code) { givenName birthDate } }";
    expect((await raw(headers, query, { code: adult })).body.errors).toBeUndefined();
    await platform.operator(
      "mutation ($n: String!) { updateGrant(number: $n, input: { dataGroups: [NAME] }) { number } }",
      {
        n: number,
      },
    );
    expect((await raw(headers, query, { code: adult })).body.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    await platform.operator("mutation ($n: String!) { revokeGrant(number: $n) { revokedAt } }", {
      n: number,
    });
    const revoked = await raw(headers, PERSON, { code: adult });
    expect(revoked.body.errors?.[0]?.message).toContain("was revoked");
  });

  it("refuse a malformed condition with BAD_USER_INPUT and write nothing", async () => {
    const before = await sql`select count(*)::int as n from access.grants`;
    await expect(
      createGrant(platform, {
        dataGroups: ["NAME"],
        conditions: [{ field: "age", operator: "BEFORE", value: 18 }],
      }),
    ).rejects.toThrow(/operator BEFORE does not apply to age.*BAD_USER_INPUT/);
    const after = await sql`select count(*)::int as n from access.grants`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe("conditions on record values", () => {
  it("make a person who fails them look exactly like an unknown person", async () => {
    const number = await createGrant(platform, {
      dataGroups: ["NAME", "FAMILY"],
      conditions: [{ field: "age", operator: "GREATER_THAN", value: 17 }],
    });
    const headers = platform.headersOf({ key: platform.requester.key, grantNumber: number });
    const { body } = await raw(
      headers,
      "query ($codes: [String!]!) { persons(personCodes: $codes) { personCode } }",
      {
        codes: [adult, minor],
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ persons: [{ personCode: `${adult.slice(0, 6)}-${adult.slice(6)}` }, null] });
    const [parent] =
      await sql`select parent_code from person.parent_child where child_code = ${minor} limit 1`;
    if (parent) {
      const family = await raw(
        headers,
        "query ($code: String!) { person(personCode: $code) { children { personCode } } }",
        {
          code: parent.parent_code,
        },
      );
      const children =
        (family.body.data as { person: { children: { personCode: string }[] } | null }).person?.children ??
        [];
      expect(children.map((c) => c.personCode)).not.toContain(`${minor.slice(0, 6)}-${minor.slice(6)}`);
    }
  });

  it("limit a grant to the residents of one municipality", async () => {
    const [row] = await sql`
      select a.municipality_code, d.person_code from person.declared_addresses d
      join person.addresses a on a.address_code = d.address_code
      where d.declared_to is null and d.kind = 'DECLARED' limit 1`;
    const [outsider] = await sql`
      select d.person_code from person.declared_addresses d join person.addresses a on a.address_code = d.address_code
      where d.declared_to is null and d.kind = 'DECLARED' and a.municipality_code <> ${row!.municipality_code} limit 1`;
    const number = await createGrant(platform, {
      dataGroups: ["ADDRESS"],
      conditions: [{ field: "municipalityCode", operator: "EQUALS", value: row!.municipality_code }],
    });
    const { body } = await raw(
      platform.headersOf({ key: platform.requester.key, grantNumber: number }),
      "query ($codes: [String!]!) { persons(personCodes: $codes) { declaredAddress { address { municipalityCode } } } }",
      { codes: [row!.person_code, outsider!.person_code] },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      persons: [{ declaredAddress: { address: { municipalityCode: row!.municipality_code } } }, null],
    });
  });
});
