import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGrant } from "./support/grants";
import { post, startLimitsStack, stopLimitsStack } from "./support/limits";
import type { TestPlatform } from "./support/platform";

// The daily quota is reserved before a request runs (the most persons it can disclose) and
// settled to the persons it disclosed: concurrent requests cannot overrun it together, and a
// request that could pass it does not run at all.

let platform: TestPlatform;
let sql: postgres.Sql;
let codes: string[];

beforeAll(async () => {
  ({ platform, sql, codes } = await startLimitsStack());
}, 120_000);
afterAll(stopLimitsStack);

const today = () => new Date().toISOString().slice(0, 10);

async function usageOf(number: string): Promise<number | null> {
  const [row] = await sql`
    select u.persons from access.grant_usage u join access.grants g on g.id = u.grant_id
    where g.number = ${number} and u.day = ${today()}`;
  return row ? Number(row.persons) : null;
}

async function auditRowsOf(number: string): Promise<number> {
  const [row] = await sql`select count(*)::int as n from audit.disclosures where grant_number = ${number}`;
  return Number(row!.n);
}

describe("daily quota reserved before disclosure", () => {
  it("quota 5 and 40 concurrent single-person requests: 5 answered with data, 35 QUOTA_EXCEEDED", async () => {
    const number = await createGrant(platform, { dataGroups: ["NAME"], dailyQuota: 5 });
    const headers = platform.headersOf({ key: platform.requester.key, grantNumber: number });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        post(
          platform.gatewayUrl,
          "query ($c: String!) { person(personCode: $c) { givenName } }",
          { c: codes[i % codes.length] },
          headers,
        ),
      ),
    );
    const withData = answers.filter((a) => a.status === 200 && a.body.errors === undefined);
    const refused = answers.filter((a) => a.body.errors?.[0]?.extensions.code === "QUOTA_EXCEEDED");
    console.info(`quota 5, 40 concurrent requests: ${withData.length} answered with data`);
    expect(withData).toHaveLength(5);
    expect(refused).toHaveLength(35);
    expect(refused.every((a) => a.status === 429 && a.body.data == null)).toBe(true);
    expect(await usageOf(number)).toBe(5);
    expect(await auditRowsOf(number)).toBe(5);
  });

  it("one request of 30 aliased persons(1000) under quota 50: refused before it runs, nothing audited or counted", async () => {
    const number = await createGrant(platform, { dataGroups: ["NAME"], dailyQuota: 50 });
    const headers = platform.headersOf({ key: platform.requester.key, grantNumber: number });
    const thousand = Array.from({ length: 1000 }, (_, i) => codes[i % codes.length]);
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: persons(personCodes: $c) { givenName }`);
    platform.resetStatements();
    const { status, body } = await post(
      platform.gatewayUrl,
      `query ($c: [String!]!) { ${aliases.join(" ")} }`,
      { c: thousand },
      headers,
    );
    expect(status).toBe(429);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "QUOTA_EXCEEDED",
      limit: 50,
      found: 0,
      requested: 30_000,
    });
    expect(body.errors?.[0]?.message).toContain(
      `Grant ${number} allows 50 persons disclosed a day, and 0 have been disclosed today; this request could disclose up to 30000 persons, more than the 50 left, so it was not run`,
    );
    expect(platform.statements).toEqual([]);
    expect(await auditRowsOf(number)).toBe(0);
    expect(await usageOf(number)).toBeNull();
  });

  it("settles to the persons actually disclosed: duplicates and a search's unused page are given back", async () => {
    const number = await createGrant(platform, { dataGroups: ["NAME", "PERSON_CODES"], dailyQuota: 30 });
    const headers = platform.headersOf({ key: platform.requester.key, grantNumber: number });
    // Bound 5 (five positions), three persons disclosed.
    const batch = await post(
      platform.gatewayUrl,
      "query ($c: [String!]!) { persons(personCodes: $c) { givenName } }",
      { c: [codes[0], codes[1], codes[2], codes[0], codes[1]] },
      headers,
    );
    expect(batch.body.errors).toBeUndefined();
    expect(await usageOf(number)).toBe(3);
    // Bound 20 (the page), one person found.
    const search = await post(
      platform.gatewayUrl,
      "query ($c: String!) { searchPersons(personCode: $c) { nodes { person { givenName } } } }",
      { c: codes[3] },
      headers,
    );
    expect(search.body.errors).toBeUndefined();
    expect(await usageOf(number)).toBe(4);
    // 26 left: a page of 27 could pass it and is refused; one of 26 runs.
    const tooLarge = await post(
      platform.gatewayUrl,
      "query ($c: String!) { searchPersons(personCode: $c, first: 27) { nodes { person { givenName } } } }",
      { c: codes[4] },
      headers,
    );
    expect(tooLarge.body.errors?.[0]?.extensions).toMatchObject({ code: "QUOTA_EXCEEDED", found: 4 });
    const fits = await post(
      platform.gatewayUrl,
      "query ($c: String!) { searchPersons(personCode: $c, first: 26) { nodes { person { givenName } } } }",
      { c: codes[4] },
      headers,
    );
    expect(fits.body.errors).toBeUndefined();
    expect(await usageOf(number)).toBe(5);
    expect(await auditRowsOf(number)).toBe(5);
    // A request that fails discloses nobody and gives its whole reservation back.
    const failed = await post(
      platform.gatewayUrl,
      "query ($c: [String!]!) { persons(personCodes: $c) { givenName } }",
      { c: ["12345678901"] },
      headers,
    );
    expect(failed.body.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(await usageOf(number)).toBe(5);
  });
});
