import { provisionRequester, syntheticRegistrationNumber } from "@rnp/platform/provision";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGrant } from "./support/grants";
import { post, startGateway, startLimitsStack, stopLimitsStack } from "./support/limits";
import type { TestPlatform } from "./support/platform";
import { ALL_GROUPS } from "./support/platform";

// A requester's budgets: the daily quota counts persons disclosed however the query is shaped,
// and the rate limit is one budget per key across gateway replicas.

let platform: TestPlatform;
let codes: string[];

beforeAll(async () => {
  ({ platform, codes } = await startLimitsStack());
}, 120_000);
afterAll(stopLimitsStack);

describe("quota in persons disclosed", () => {
  it("aliases and batches no longer multiply the daily quota: it counts persons", async () => {
    const number = await createGrant(platform, { dataGroups: ["NAME"], dailyQuota: 4 });
    const headers = platform.headersOf({ key: platform.requester.key, grantNumber: number });
    // One request, four persons: four reserved before it runs, all four counted.
    const first = await post(
      platform.gatewayUrl,
      `{ a: person(personCode: "${codes[0]}") { givenName } b: person(personCode: "${codes[1]}") { givenName }
         c: persons(personCodes: ["${codes[2]}", "${codes[3]}"]) { givenName } }`,
      {},
      headers,
    );
    expect(first.body.errors).toBeUndefined();
    const second = await post(
      platform.gatewayUrl,
      `{ person(personCode: "${codes[4]}") { givenName } }`,
      {},
      headers,
    );
    expect(second.status).toBe(429);
    expect(second.body.errors?.[0]?.extensions).toMatchObject({ code: "QUOTA_EXCEEDED", limit: 4, found: 4 });
    expect(second.body.errors?.[0]?.message).toContain(
      `Grant ${number} allows 4 persons disclosed a day, and 4 have been disclosed today`,
    );
  });
});

describe("rate limit across gateway replicas", () => {
  it("two gateways on one database share one budget per key: RATE_LIMITED, HTTP 429, Retry-After", async () => {
    const provision = (n: number) =>
      provisionRequester(platform.gatewayUrl, platform.operatorKey, {
        name: `Rate Test ${n} SIA`,
        registrationNumber: syntheticRegistrationNumber(70 + n),
        dataGroups: ALL_GROUPS,
        purpose: "Rate limit test",
      });
    const [requester, other] = [await provision(1), await provision(2)];
    const [a, b] = [await startGateway({ ratePerMinute: 4 }), await startGateway({ ratePerMinute: 4 })];
    // The window is the database's calendar minute: start well inside one, so all of the
    // requests below fall in the same window.
    const second = new Date().getUTCSeconds();
    if (second > 50) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
    const headers = platform.headersOf(requester);
    const query = "{ dataGroups { name } }";
    for (const url of [a, b, a, b]) expect((await post(url!, query, {}, headers)).status).toBe(200);
    for (const url of [a, b]) {
      const { status, headers: responseHeaders, body } = await post(url!, query, {}, headers);
      expect(status).toBe(429);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", limit: 4 });
      expect(body.errors?.[0]?.message).toContain("more than 4 requests this minute");
      const retryAfter = Number(responseHeaders.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(body.errors?.[0]?.extensions.retryAfterSeconds).toBe(retryAfter);
    }
    // Another key keeps its own budget.
    expect((await post(a!, query, {}, platform.headersOf(other))).status).toBe(200);
  });
});
