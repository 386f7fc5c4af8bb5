import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAuditStack, stopAuditStack, verify } from "./support/audit";
import { createGrant } from "./support/grants";
import type { TestPlatform } from "./support/platform";

// Existence is a disclosure: a selection that names no data group of a person (`__typename`,
// a search's `totalCount`) still tells that the person exists and passes the grant's
// conditions, so each person returned is audited (with no data group) and counted.

let platform: TestPlatform;
let sql: postgres.Sql;

beforeAll(async () => {
  ({ platform, sql } = await startAuditStack());
}, 120_000);
afterAll(stopAuditStack);

async function post(query: string, variables: Record<string, unknown>, grantNumber: string) {
  const response = await fetch(platform.gatewayUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...platform.headersOf({ key: platform.requester.key, grantNumber }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as {
    data?: Record<string, unknown>;
    errors?: { extensions: { code: string } }[];
  };
}

const auditOf = async (number: string) =>
  (
    await sql`select person_code, data_groups from audit.disclosures where grant_number = ${number} order by person_code`
  ).map((row) => ({ personCode: row.person_code as string, dataGroups: row.data_groups as string[] }));

describe("existence disclosed without any data group", () => {
  it("persons(200 codes) { __typename } under a NAME-only grant with a condition: one audit row per person returned", async () => {
    const number = await createGrant(platform, {
      dataGroups: ["NAME"],
      dailyQuota: 1000,
      conditions: [{ field: "sex", operator: "EQUALS", value: "FEMALE" }],
    });
    const rows = await sql`select person_code, sex from person.persons order by person_code limit 200`;
    const codes = rows.map((row) => row.person_code as string);
    const body = await post(
      "query ($c: [String!]!) { persons(personCodes: $c) { __typename } }",
      { c: codes },
      number,
    );
    expect(body.errors).toBeUndefined();
    const answered = body.data!.persons as ({ __typename: string } | null)[];
    const returned = codes.filter((_, i) => answered[i] !== null).sort();
    // The condition withholds the men: the answer tells who passes it, and so does the audit.
    expect(returned).toEqual(rows.filter((row) => row.sex === "FEMALE").map((row) => row.person_code));
    expect(returned.length).toBeGreaterThan(0);
    expect(returned.length).toBeLessThan(200);
    const audited = await auditOf(number);
    expect(audited.map((row) => row.personCode)).toEqual(returned);
    expect(audited.every((row) => row.dataGroups.length === 0)).toBe(true);
    const [usage] = await sql`
      select u.persons from access.grant_usage u join access.grants g on g.id = u.grant_id where g.number = ${number}`;
    expect(Number(usage!.persons)).toBe(returned.length);
    console.info(
      `__typename of 200 codes: ${returned.length} persons returned, ${audited.length} audit rows`,
    );
    expect(await verify()).toMatchObject({ ok: true });
  });

  it("person(code) { __typename } is audited for that person", async () => {
    const number = await createGrant(platform, { dataGroups: ["NAME"] });
    const [row] = await sql`select person_code from person.persons order by person_code desc limit 1`;
    const body = await post(
      "query ($c: String!) { person(personCode: $c) { __typename } }",
      { c: row!.person_code },
      number,
    );
    expect(body.data).toEqual({ person: { __typename: "Person" } });
    expect(await auditOf(number)).toEqual([{ personCode: row!.person_code, dataGroups: [] }]);
  });

  it("a search selecting only totalCount is audited for the persons it found", async () => {
    const number = await createGrant(platform, { dataGroups: ["NAME", "PERSON_CODES"] });
    const [row] = await sql`select person_code from person.persons order by person_code limit 1 offset 7`;
    const body = await post(
      "query ($c: String!) { searchPersons(personCode: $c) { totalCount } }",
      { c: row!.person_code },
      number,
    );
    expect(body.data).toEqual({ searchPersons: { totalCount: 1 } });
    expect(await auditOf(number)).toEqual([{ personCode: row!.person_code, dataGroups: ["PERSON_CODES"] }]);
  });
});
