import { type Client, createClient } from "graphql-ws";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { registerChanges } from "./support/changes";
import {
  APPROVE,
  applicationInput,
  asOperator,
  CONFIRM,
  type Credentials,
  call,
  claim,
  issueKey,
  PERSON_NAME,
  refusal,
  requestToken,
  submitted,
} from "./support/onboarding";
import { startTestPlatform, type TestPlatform } from "./support/platform";

/**
 * Issue 15: a credential an application's onboarding issued (its API key, its OAuth client's
 * tokens) names only that application's grants, never another application's grant of the same
 * organisation, on every path: HTTP, graphql-ws and composite data sets by id. The
 * organisation's own keys (issued by the operator, of no application) name any of its grants.
 */

let platform: TestPlatform;
const clients: Client[] = [];
/** Application A (NAME) and application B (NAME, ADDRESS, monitoring) of one organisation. */
let a: Credentials;
let b: Credentials;
let tokenA: string;
let adminKey: string;
let requesterId: string;
let code: string;
const ADDRESS =
  "query ($c: String!) { person(personCode: $c) { declaredAddress { address { fullAddress } } } }";

beforeAll(async () => {
  platform = await startTestPlatform();
  code = platform.samplePersonCodes[0]!;
  const first = await submitted(platform, applicationInput(20, ["NAME"]));
  await asOperator(platform, APPROVE, { number: first.number });
  a = (await claim(platform, first.token)).credentials!;
  const view = await asOperator(
    platform,
    "query ($n: String!) { application(number: $n) { requester { id } } }",
    {
      n: first.number,
    },
  );
  requesterId = (view.body.data as { application: { requester: { id: string } } }).application.requester.id;
  adminKey = (await issueKey(platform, requesterId)).key;
  // The same organisation's second application: tied to it, confirmed by its administrator.
  const second = await submitted(platform, {
    ...applicationInput(20, ["NAME", "ADDRESS"]),
    systemName: "Adrešu serviss",
    needsMonitoring: true,
  });
  await call(
    platform.gatewayUrl,
    CONFIRM,
    { n: second.number, d: "CONFIRMED" },
    {
      authorization: `Bearer ${adminKey}`,
    },
  );
  const approved = await asOperator(platform, APPROVE, { number: second.number });
  expect(approved.body.errors).toBeUndefined();
  b = (await claim(platform, second.token)).credentials!;
  tokenA = (await requestToken(platform.gatewayUrl, a)).body.access_token!;
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await platform?.stop();
});

const bearer = (credential: string, grant?: string) => ({
  authorization: `Bearer ${credential}`,
  ...(grant ? { grant } : {}),
});

describe("an application's credentials name only its own grants", () => {
  it("over HTTP, an API key with the other application's grant is refused like another organisation's", async () => {
    expect(
      (await call(platform.gatewayUrl, PERSON_NAME, { c: code }, bearer(a.apiKey, a.grantNumber))).body
        .errors,
    ).toBeUndefined();
    const other = await call(platform.gatewayUrl, ADDRESS, { c: code }, bearer(a.apiKey, b.grantNumber));
    expect(refusal(other)).toEqual({ status: 403, code: "FORBIDDEN" });
    expect(other.body.errors?.[0]?.message).toContain(`Grant ${b.grantNumber} is not a grant of your`);
    expect(other.body.data ?? null).toBeNull();
  });

  it("over HTTP, an OAuth token with the other application's grant is refused (it read ADDRESS before)", async () => {
    expect(
      (await call(platform.gatewayUrl, PERSON_NAME, { c: code }, bearer(tokenA, a.grantNumber))).body.errors,
    ).toBeUndefined();
    const other = await call(platform.gatewayUrl, ADDRESS, { c: code }, bearer(tokenA, b.grantNumber));
    expect(refusal(other)).toEqual({ status: 403, code: "FORBIDDEN" });
  });

  it("the organisation's own key (of no application) names either grant", async () => {
    for (const grant of [a.grantNumber, b.grantNumber]) {
      const answer = await call(platform.gatewayUrl, PERSON_NAME, { c: code }, bearer(adminKey, grant));
      expect(answer.body.errors).toBeUndefined();
    }
    expect(
      (await call(platform.gatewayUrl, ADDRESS, { c: code }, bearer(adminKey, b.grantNumber))).body.errors,
    ).toBeUndefined();
  });

  it("'Your grants' lists only the grants the credential may name", async () => {
    const grantsOf = async (credential: string) => {
      const answer = await call(platform.gatewayUrl, PERSON_NAME, { c: code }, bearer(credential));
      expect(refusal(answer).code).toBe("GRANT_REQUIRED");
      return (answer.body.errors?.[0]?.extensions as { grants?: string[] } | undefined)?.grants;
    };
    expect(await grantsOf(a.apiKey)).toEqual([a.grantNumber]);
    expect(await grantsOf(tokenA)).toEqual([a.grantNumber]);
    expect(await grantsOf(b.apiKey)).toEqual([b.grantNumber]);
    expect(await grantsOf(adminKey)).toEqual([a.grantNumber, b.grantNumber]);
  });

  it("over graphql-ws, a subscription under the other application's grant is refused", async () => {
    const created = await call<{ createMonitoringSet: { id: string } }>(
      platform.gatewayUrl,
      'mutation { createMonitoringSet(input: { name: "b", dataGroups: ["ADDRESS"] }) { id } }',
      {},
      bearer(b.apiKey, b.grantNumber),
    );
    const setId = created.body.data!.createMonitoringSet.id;
    await call(
      platform.gatewayUrl,
      "mutation ($s: ID!, $c: [String!]!) { addMonitoredPersons(setId: $s, personCodes: $c) { changed } }",
      { s: setId, c: [code] },
      bearer(b.apiKey, b.grantNumber),
    );
    const subscribe = (credential: string) => {
      const client = createClient({
        url: platform.gatewayUrl.replace("http://", "ws://"),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${credential}`, grant: b.grantNumber },
        retryAttempts: 0,
      });
      clients.push(client);
      return client.iterate<{ setChanges: { eventNo: number } }>({
        query:
          "subscription ($s: ID!) { setChanges(setId: $s) { eventNo person { declaredAddress { address { fullAddress } } } } }",
        variables: { s: setId },
      });
    };
    const refused = await subscribe(a.apiKey).next();
    expect(refused.value?.errors?.[0]).toMatchObject({
      extensions: expect.objectContaining({ code: "FORBIDDEN" }),
      message: expect.stringContaining("is not a grant of your"),
    });
    const own = subscribe(b.apiKey);
    const sql = postgres(platform.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await registerChanges(sql, [{ personCode: code.replace("-", ""), dataGroups: ["ADDRESS"] }]);
    } finally {
      await sql.end();
    }
    const delivered = await own.next();
    expect(delivered.value?.errors).toBeUndefined();
    expect(delivered.value?.data?.setChanges.eventNo).toBe(1);
    await own.return?.();
  });

  it("a composite data set of the other application's grant is refused by id", async () => {
    const submittedSet = await call<{
      submitCompositeSet: { version: number; documentId: string; compositeSet: { id: string } };
    }>(
      platform.gatewayUrl,
      "mutation ($input: SubmitCompositeSetInput!) { submitCompositeSet(input: $input) { version documentId compositeSet { id } } }",
      {
        input: {
          title: "Addresses",
          grantNumber: b.grantNumber,
          document:
            "query Addresses($c: String!) { person(personCode: $c) { declaredAddress { address { fullAddress } } } }",
        },
      },
      bearer(adminKey),
    );
    const version = submittedSet.body.data!.submitCompositeSet;
    const approval = await asOperator(
      platform,
      "mutation ($id: ID!, $v: Int!) { approveCompositeSet(id: $id, version: $v) { status } }",
      {
        id: version.compositeSet.id,
        v: version.version,
      },
    );
    expect(approval.body.errors).toBeUndefined();
    const byId = async (credential: string, grant?: string) => {
      const response = await fetch(platform.gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...bearer(credential, grant) },
        body: JSON.stringify({ documentId: version.documentId, variables: { c: code } }),
      });
      return {
        status: response.status,
        body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] },
      };
    };
    const refused = await byId(a.apiKey);
    expect({ status: refused.status, code: refused.body.errors?.[0]?.extensions?.code }).toEqual({
      status: 403,
      code: "FORBIDDEN",
    });
    const named = await byId(a.apiKey, b.grantNumber);
    expect(named.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await byId(b.apiKey)).body.errors).toBeUndefined();
    expect((await byId(adminKey)).body.errors).toBeUndefined();
    // OAuth clients run their application's approved sets by id too (it was 404 with a token),
    // and a token of the other application is refused as its key is.
    const tokenB = (await requestToken(platform.gatewayUrl, b)).body.access_token!;
    const byToken = await byId(tokenB);
    expect(byToken.status).toBe(200);
    expect(byToken.body.errors).toBeUndefined();
    expect(byToken.body.data).toMatchObject({ person: { declaredAddress: expect.anything() } });
    const otherToken = await byId(tokenA);
    expect(otherToken.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(otherToken.body.data ?? null).toBeNull();
  });

  it("shows the operator which application each grant and key belongs to", async () => {
    const answer = await asOperator(
      platform,
      "{ requesters(first: 100) { nodes { id grants { number applicationNumber } apiKeys { role applicationNumber } } } }",
    );
    const organisation = (
      answer.body.data as {
        requesters: {
          nodes: {
            id: string;
            grants: { number: string; applicationNumber: string | null }[];
            apiKeys: { role: string; applicationNumber: string | null }[];
          }[];
        };
      }
    ).requesters.nodes.find((node) => node.id === requesterId)!;
    expect(organisation.grants.map((g) => g.applicationNumber)).toEqual([
      expect.stringMatching(/^A-/),
      expect.stringMatching(/^A-/),
    ]);
    expect(new Set(organisation.grants.map((g) => g.applicationNumber)).size).toBe(2);
    // Per application an API key and the OAuth client's key row; the administrator's key has none.
    expect(organisation.apiKeys.map((k) => [k.role, k.applicationNumber === null])).toEqual([
      ["REQUESTER", false],
      ["REQUESTER", false],
      ["REQUESTER_ADMIN", true],
      ["REQUESTER", false],
      ["REQUESTER", false],
    ]);
  });
});
