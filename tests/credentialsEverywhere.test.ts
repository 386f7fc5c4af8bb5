import { type Client, createClient } from "graphql-ws";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { registerChanges } from "./support/changes";
import {
  APPROVE,
  applicationInput,
  asOperator,
  type Credentials,
  call,
  claim,
  PERSON_NAME,
  refusal,
  requestToken,
  submitted,
} from "./support/onboarding";
import { startTestPlatform, type TestPlatform } from "./support/platform";

/**
 * Issue 16: one `authenticate` on every route and transport. An OAuth access token opens a
 * graphql-ws subscription and reads the manifest as an API key does; a grant sent with spaces
 * works over HTTP and graphql-ws alike; refusals over graphql-ws say what to fix, in
 * `connectionParams` terms.
 */

let platform: TestPlatform;
let sql: postgres.Sql;
const clients: Client[] = [];
let app: Credentials;
let accessToken: string;
let setId: string;
let code: string;
const SUBSCRIPTION =
  "subscription ($s: ID!) { setChanges(setId: $s) { eventNo person { declaredAddress { address { fullAddress } } } } }";

beforeAll(async () => {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 1, onnotice: () => {} });
  code = platform.samplePersonCodes[0]!;
  const application = await submitted(platform, {
    ...applicationInput(40, ["NAME", "ADDRESS"]),
    needsMonitoring: true,
  });
  const approved = await asOperator(platform, APPROVE, { number: application.number });
  expect(approved.body.errors).toBeUndefined();
  app = (await claim(platform, application.token)).credentials!;
  accessToken = (await requestToken(platform.gatewayUrl, app)).body.access_token!;
  const headers = { authorization: `Bearer ${app.apiKey}`, grant: app.grantNumber };
  const created = await call<{ createMonitoringSet: { id: string } }>(
    platform.gatewayUrl,
    'mutation { createMonitoringSet(input: { name: "everywhere", dataGroups: ["ADDRESS"] }) { id } }',
    {},
    headers,
  );
  setId = created.body.data!.createMonitoringSet.id;
  const added = await call(
    platform.gatewayUrl,
    "mutation ($s: ID!, $c: [String!]!) { addMonitoredPersons(setId: $s, personCodes: $c) { changed } }",
    { s: setId, c: [code] },
    headers,
  );
  expect(added.body.errors).toBeUndefined();
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await sql?.end();
  await platform?.stop();
});

function connect(connectionParams: Record<string, unknown>) {
  const client = createClient({
    url: platform.gatewayUrl.replace("http://", "ws://"),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
}

/** The first result of a subscription to the set, or what ends it (an error list or a close event). */
function first(client: Client) {
  return new Promise<unknown>((resolve, reject) => {
    client.subscribe(
      { query: SUBSCRIPTION, variables: { s: setId } },
      { next: resolve, error: reject, complete: () => reject(new Error("completed")) },
    );
  });
}

describe("an OAuth access token", () => {
  it("opens a graphql-ws subscription, with a grant given with spaces, as an API key does", async () => {
    const byToken = first(
      connect({ authorization: `Bearer ${accessToken}`, grant: `  ${app.grantNumber} ` }),
    );
    const byKey = first(connect({ authorization: `Bearer ${app.apiKey}`, grant: ` ${app.grantNumber}  ` }));
    await registerChanges(sql, [{ personCode: code.replace("-", ""), dataGroups: ["ADDRESS"] }]);
    for (const delivered of await Promise.all([byToken, byKey])) {
      expect(delivered).toMatchObject({ data: { setChanges: { eventNo: 1 } } });
    }
  });

  it("reads the persisted-query manifest", async () => {
    const response = await fetch(new URL("/persisted-queries/manifest.json", platform.gatewayUrl), {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ format: "apollo-persisted-query-manifest", version: 1 });
    const forged = await fetch(new URL("/persisted-queries/manifest.json", platform.gatewayUrl), {
      headers: { authorization: `Bearer ${accessToken.slice(0, -4)}AAAA` },
    });
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { errors: { message: string }[] }).errors[0]?.message).toContain(
      "does not verify",
    );
  });
});

describe("the grant a request names", () => {
  it("works with spaces around it over HTTP", async () => {
    const reply = await call(
      platform.gatewayUrl,
      PERSON_NAME,
      { c: code },
      { authorization: `Bearer ${accessToken}`, grant: `  ${app.grantNumber}  ` },
    );
    expect(reply.body.errors).toBeUndefined();
  });

  it("is refused when it cannot be one grant number, over HTTP (400) and graphql-ws (4400)", async () => {
    const reply = await call(
      platform.gatewayUrl,
      PERSON_NAME,
      { c: code },
      {
        authorization: `Bearer ${app.apiKey}`,
        grant: `${app.grantNumber}, G-2026-9999`,
        accept: "application/graphql-response+json",
      },
    );
    expect(refusal(reply)).toEqual({ status: 400, code: "BAD_USER_INPUT" });
    expect(reply.body.errors?.[0]?.message).toContain("the `Grant` header");
    await expect(
      first(connect({ authorization: `Bearer ${app.apiKey}`, grant: "G 1" })),
    ).rejects.toMatchObject({ code: 4400, reason: expect.stringContaining("`connectionParams.grant`") });
  });

  it("is asked for in `connectionParams.grant` over graphql-ws", async () => {
    // A grant is decided per execution, like over HTTP: the refusal is the subscription's result.
    const refused = (await first(connect({ authorization: `Bearer ${app.apiKey}` }))) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    const { errors } = refused;
    expect(errors[0]?.extensions.code).toBe("GRANT_REQUIRED");
    expect(errors[0]?.message).toContain("`connectionParams.grant`");
    expect(errors[0]?.message).not.toContain("`Grant` header");
  });
});

describe("graphql-ws refusals on connect", () => {
  it("say what to fix in the close reason", async () => {
    await expect(
      first(connect({ authorization: "Bearer rnp_not-a-key", grant: app.grantNumber })),
    ).rejects.toMatchObject({
      code: 4403,
      reason: "The API key in `connectionParams.authorization` is not known: check that it was copied whole.",
    });
    await expect(first(connect({ authorization: app.apiKey }))).rejects.toMatchObject({
      code: 4403,
      reason: expect.stringContaining("must read `Bearer <API key or access token>`"),
    });
    await expect(first(connect({}))).rejects.toMatchObject({
      code: 4403,
      reason: expect.stringContaining("`connectionParams.authorization`"),
    });
  });
});
