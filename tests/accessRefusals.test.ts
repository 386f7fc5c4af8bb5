import { IDENTITY_HEADER, signIdentity } from "@rnp/common";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueKey, PERSON, raw, startAccessStack, stopAccessStack } from "./support/access";
import { createGrant, day } from "./support/grants";
import { TEST_SIGNING_SECRET, type TestPlatform } from "./support/platform";

// Every way a request is refused (no, unknown or revoked key; missing, expired, foreign or
// too narrow grant; quota; a call around the gateway), each with its code, status and sentence.

let platform: TestPlatform;
let adult: string;

beforeAll(async () => {
  ({ platform, adult } = await startAccessStack());
});
afterAll(stopAccessStack);

describe("refusals", () => {
  it("no key: UNAUTHENTICATED, HTTP 401", async () => {
    const { status, body } = await raw({}, PERSON, { code: adult });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    expect(body.errors?.[0]?.message).toContain("Authorization: Bearer");
    expect(body.data ?? null).toBeNull();
  });

  it("unknown key: UNAUTHENTICATED", async () => {
    const { body } = await raw(
      { authorization: "Bearer rnp_not-a-key", grant: platform.requester.grantNumber },
      PERSON,
      {
        code: adult,
      },
    );
    expect(body.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    expect(body.errors?.[0]?.message).toContain("not known");
  });

  it("revoked key: UNAUTHENTICATED from the next request on", async () => {
    const { key, apiKey } = await issueKey();
    const headers = { authorization: `Bearer ${key}`, grant: platform.requester.grantNumber };
    expect((await raw(headers, PERSON, { code: adult })).body.errors).toBeUndefined();
    await platform.operator("mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }", { id: apiKey.id });
    const { body } = await raw(headers, PERSON, { code: adult });
    expect(body.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    expect(body.errors?.[0]?.message).toContain("was revoked");
  });

  it("no Grant header: GRANT_REQUIRED, listing the requester's grants", async () => {
    const { body } = await raw({ authorization: `Bearer ${platform.requester.key}` }, PERSON, {
      code: adult,
    });
    expect(body.errors?.[0]?.extensions.code).toBe("GRANT_REQUIRED");
    expect(body.errors?.[0]?.message).toContain(platform.requester.grantNumber);
  });

  it("expired grant: FORBIDDEN", async () => {
    const number = await createGrant(platform, {
      dataGroups: ["NAME"],
      validFrom: day(-30),
      validTo: day(-1),
    });
    const { body } = await raw(
      platform.headersOf({ key: platform.requester.key, grantNumber: number }),
      PERSON,
      {
        code: adult,
      },
    );
    expect(body.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect(body.errors?.[0]?.message).toContain(`expired on ${day(-1)}`);
  });

  it("grant for the other environment: FORBIDDEN", async () => {
    const number = await createGrant(platform, { dataGroups: ["NAME"], environment: "PRODUCTION" });
    const { body } = await raw(
      platform.headersOf({ key: platform.requester.key, grantNumber: number }),
      PERSON,
      {
        code: adult,
      },
    );
    expect(body.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect(body.errors?.[0]?.message).toContain("production environment; this is the test environment");
  });

  it("ungranted field: FORBIDDEN naming the field and its data group, before anything runs", async () => {
    const number = await createGrant(platform, { dataGroups: ["NAME"] });
    platform.resetStatements();
    const { status, body } = await raw(
      platform.headersOf({ key: platform.requester.key, grantNumber: number }),
      "query ($code: String!) { person(personCode: $code) { givenName declaredAddress { declaredFrom } } }",
      { code: adult },
    );
    expect(status).toBe(403);
    expect(body.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect(body.errors?.[0]?.message).toContain("Person.declaredAddress belongs to data group ADDRESS");
    expect(body.data ?? null).toBeNull();
    expect(platform.statements).toEqual([]);
  });

  it("quota exhausted: QUOTA_EXCEEDED, HTTP 429, after the daily number of persons disclosed", async () => {
    const number = await createGrant(platform, { dataGroups: ["NAME"], dailyQuota: 2 });
    const headers = platform.headersOf({ key: platform.requester.key, grantNumber: number });
    expect((await raw(headers, PERSON, { code: adult })).body.errors).toBeUndefined();
    expect((await raw(headers, PERSON, { code: adult })).body.errors).toBeUndefined();
    const { status, body } = await raw(headers, PERSON, { code: adult });
    expect(status).toBe(429);
    expect(body.errors?.[0]?.extensions.code).toBe("QUOTA_EXCEEDED");
    expect(body.errors?.[0]?.message).toContain("allows 2 persons disclosed a day");
  });

  it("request not through the gateway: the subgraph refuses it, with or without a forged identity", async () => {
    const direct = async (headers: Record<string, string>) =>
      (await fetch(platform.subgraphUrls.person, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query: PERSON, variables: { code: adult } }),
      }).then((r) => r.json())) as { errors?: { message: string; extensions: { code: string } }[] };
    const unsigned = await direct({});
    expect(unsigned.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    expect(unsigned.errors?.[0]?.message).toContain("Send requests to the gateway");
    const forged = await signIdentity(
      { requestId: "x", requesterId: 1, keyId: 1, role: "OPERATOR", grant: null, issuedAt: Date.now() },
      {
        keys: "not-the-platform-secret",
        audience: "person",
        body: JSON.stringify({ query: PERSON, variables: { code: adult } }),
      },
    );
    const withForgery = await direct({ [IDENTITY_HEADER]: forged });
    expect(withForgery.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });

  it("the subgraph checks the grant again: a signed identity without ADDRESS cannot read an address", async () => {
    const body = JSON.stringify({
      query:
        "query ($code: String!) { person(personCode: $code) { givenName declaredAddress { declaredFrom } } }",
      variables: { code: adult },
    });
    const identity = await signIdentity(
      {
        requestId: "defence-in-depth",
        requesterId: 1,
        keyId: 1,
        role: "REQUESTER",
        grant: {
          id: 1,
          number: "G-X",
          dataGroups: ["NAME"],
          conditions: [],
          purpose: "t",
          monitoringAllowed: false,
        },
        issuedAt: Date.now(),
      },
      { keys: TEST_SIGNING_SECRET, audience: "person", body },
    );
    const result = (await fetch(platform.subgraphUrls.person, {
      method: "POST",
      headers: { "content-type": "application/json", [IDENTITY_HEADER]: identity },
      body,
    }).then((r) => r.json())) as { errors?: { extensions: { code: string } }[] };
    expect(result.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
  });

  it("another organisation's grant: FORBIDDEN", async () => {
    const { createRequester } = await platform.operator<{ createRequester: { id: string } }>(
      'mutation { createRequester(input: { name: "Cita Iestāde", registrationNumber: "40003521600", contactEmail: "a@b.lv" }) { id } }',
    );
    const theirs = await createGrant(platform, { dataGroups: ["NAME"] }, createRequester.id);
    const { body } = await raw(
      platform.headersOf({ key: platform.requester.key, grantNumber: theirs }),
      PERSON,
      {
        code: adult,
      },
    );
    expect(body.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect(body.errors?.[0]?.message).toContain("not a grant of your organisation");
  });

  it("a requester key cannot call operator fields; anyone can read the public catalog", async () => {
    const { body } = await raw(
      platform.headersOf({ key: platform.requester.key }),
      "{ requesters { nodes { id } } }",
    );
    expect(body.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect(body.errors?.[0]?.message).toContain("Query.requesters needs an API key with role OPERATOR");
    const anonymous = await raw({}, "{ dataGroups { name } }");
    expect(anonymous.body.errors).toBeUndefined();
  });
});
