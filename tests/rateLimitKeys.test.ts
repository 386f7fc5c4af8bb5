import { randomBytes } from "node:crypto";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { post, startGateway, startLimitsStack, stopLimitsStack } from "./support/limits";
import type { TestPlatform } from "./support/platform";

// A bearer value is a rate key of its own only once it authenticated: random values are
// counted under the client's address, so they reach the limit and add no row each.

let platform: TestPlatform;
let sql: postgres.Sql;

beforeAll(async () => {
  ({ platform, sql } = await startLimitsStack());
}, 120_000);
afterAll(stopLimitsStack);

const keyRows = async () =>
  Number((await sql`select count(*)::int as n from access.rate_limits where key like 'key:%'`)[0]!.n);

describe("rate limit keys", () => {
  it("300 random bearers from one address: 429 after the address's budget, no row per value", async () => {
    const second = new Date().getUTCSeconds();
    if (second > 45) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
    const url = await startGateway({ ratePerMinute: 50 });
    const before = await keyRows();
    const statuses: number[] = [];
    for (let i = 0; i < 300; i++) {
      const answer = await post(
        url,
        "{ __typename }",
        {},
        {
          authorization: `Bearer rnp_${randomBytes(16).toString("hex")}`,
        },
      );
      statuses.push(answer.status);
    }
    const limited = statuses.filter((status) => status === 429).length;
    const rowsAdded = (await keyRows()) - before;
    console.info(
      `300 random bearers: ${statuses.filter((s) => s === 401).length} × 401, ${limited} × 429; rate_limits rows added by key: ${rowsAdded}`,
    );
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(limited).toBeGreaterThanOrEqual(250);
    expect(rowsAdded).toBe(0);
    // A valid key, once authenticated, has its own budget and is not held by the address.
    const headers = platform.headersOf(platform.requester);
    await post(platform.gatewayUrl, "{ __typename }", {}, headers);
    expect((await post(url, "{ __typename }", {}, headers)).status).toBe(200);
  });
});
