import { createDatabase, type DatabaseClient } from "@rnp/db";
import { createGatewayServer, type GatewayOptions, type GatewayServer } from "@rnp/gateway";
import { provisionRequester, syntheticRegistrationNumber } from "@rnp/platform/provision";
import { type Client, createClient } from "graphql-ws";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { registerChanges } from "./support/changes";
import { createGrant } from "./support/grants";
import {
  ALL_GROUPS,
  startTestPlatform,
  TEST_AUDIT_CHAIN_KEY,
  TEST_SIGNING_SECRET,
  type TestPlatform,
} from "./support/platform";

let platform: TestPlatform;
let sql: postgres.Sql;
let codes: string[];
const stops: (() => Promise<void>)[] = [];
const clients: Client[] = [];

/** Limits small enough to reach with a few lines of GraphQL. */
const LIMITS = {
  maxDepth: 4,
  maxAliases: 3,
  maxTokens: 120,
  maxDirectives: 2,
  maxCost: 500,
  defaultListSize: 10,
  maxSubscriptionsPerKey: 2,
  hideSuggestions: true,
};
let limited: string;

/** A further gateway on the test platform's subgraphs and database, with its own limits. */
async function startGateway(limits: GatewayOptions["limits"]): Promise<string> {
  const database: DatabaseClient = createDatabase(platform.databaseUrl, { max: 4 });
  const gateway: GatewayServer = await createGatewayServer({
    subgraphUrls: platform.subgraphUrls,
    database,
    signingSecret: TEST_SIGNING_SECRET,
    audit: { key: TEST_AUDIT_CHAIN_KEY },
    subscriptionRecheckMs: 300,
    ...(limits ? { limits } : {}),
  });
  stops.push(async () => {
    await gateway.stop();
    await database.close();
  });
  return gateway.listen(0);
}

beforeAll(async () => {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 2, onnotice: () => {} });
  codes = (
    await sql`select person_code from person.persons where death_date is null order by person_code limit 20`
  ).map((row) => row.person_code as string);
  limited = await startGateway(LIMITS);
}, 120_000);
afterAll(async () => {
  for (const client of clients) await client.dispose();
  for (const stop of stops.reverse()) await stop();
  await sql?.end();
  await platform?.stop();
});

interface Refusal {
  status: number;
  headers: Headers;
  body: {
    data?: unknown;
    errors?: { message: string; extensions: { code: string; [key: string]: unknown } }[];
  };
}

async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = platform.headersOf(platform.requester),
): Promise<Refusal> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as never };
}

/** Nests `field { … }` `levels` times around `leaf`. */
const nested = (field: string, levels: number, leaf: string) =>
  `${`${field} { `.repeat(levels)}${leaf}${" }".repeat(levels)}`;

describe("operation limits, each refused with its own code, HTTP status and the limit's value", () => {
  it("depth: OPERATION_TOO_DEEP, HTTP 400", async () => {
    const { status, body } = await post(
      limited,
      `query ($c: String!) { person(personCode: $c) { ${nested("children", 4, "givenName")} } }`,
      { c: codes[0] },
    );
    expect(status).toBe(400);
    // person, four children, givenName: six levels.
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "OPERATION_TOO_DEEP", limit: 4, found: 6 });
    expect(body.errors?.[0]?.message).toContain("6 levels deep; the gateway accepts at most 4");
    expect(body.data ?? null).toBeNull();
  });

  it("aliases: TOO_MANY_ALIASES, HTTP 400, and the same operation within the limit answers", async () => {
    const aliased = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `p${i}: person(personCode: "${codes[i]}") { givenName }`).join(" ")} }`;
    const refused = await post(limited, aliased(4));
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: "TOO_MANY_ALIASES",
      limit: 3,
      found: 4,
    });
    expect(refused.body.errors?.[0]?.message).toContain("uses 4 aliases; the gateway accepts at most 3");
    const admitted = await post(limited, aliased(3));
    expect(admitted.status).toBe(200);
    expect(admitted.body.errors).toBeUndefined();
  });

  it("tokens: OPERATION_TOO_LARGE, HTTP 400, before the document is parsed", async () => {
    const { status, body } = await post(limited, `{ ${"__typename ".repeat(200)} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "OPERATION_TOO_LARGE", limit: 120 });
    expect(body.errors?.[0]?.message).toContain("more than 120 tokens");
  });

  it("directives: TOO_MANY_DIRECTIVES, HTTP 400", async () => {
    const { status, body } = await post(
      limited,
      `query ($c: String!) { person(personCode: $c) { givenName @include(if: true) surname @include(if: true) sex @skip(if: false) } }`,
      { c: codes[0] },
    );
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "TOO_MANY_DIRECTIVES", limit: 2, found: 3 });
    expect(body.errors?.[0]?.message).toContain("uses 3 directives; the gateway accepts at most 2");
  });

  it("cost: persons costs its number of codes, residents its page, nested lists multiply", async () => {
    const persons =
      "query ($cs: [String!]!) { persons(personCodes: $cs) { givenName children { givenName } } }";
    // 20 codes × (1 + 10 children) = 220: admitted.
    const admitted = await post(limited, persons, { cs: codes.slice(0, 20) });
    expect(admitted.status).toBe(200);
    expect(admitted.body.errors).toBeUndefined();
    // 50 codes × 11 = 550 > 500: refused, whatever the register would have found.
    const refused = await post(limited, persons, { cs: Array.from({ length: 50 }, (_, i) => codes[i % 20]) });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: "OPERATION_TOO_COSTLY",
      limit: 500,
      found: 550,
    });
    expect(refused.body.errors?.[0]?.message).toContain(
      "could resolve 550 objects (its cost); the gateway accepts at most 500",
    );
    // residents(first: 60) { nodes { spouse } } = 60 × (1 + 1) + 1 = 121; children instead: 60 × 11 + 1 = 661.
    const residents = (relation: string) =>
      `{ residents(addressCode: "100000001", first: 60) { nodes { ${relation} { givenName } } } }`;
    expect((await post(limited, residents("spouse"))).body.errors?.[0]?.extensions.code).not.toBe(
      "OPERATION_TOO_COSTLY",
    );
    const fanOut = await post(limited, residents("children"));
    expect(fanOut.status).toBe(400);
    expect(fanOut.body.errors?.[0]?.extensions).toMatchObject({ code: "OPERATION_TOO_COSTLY", found: 661 });
  });

  it("cost on the default gateway: the 232-byte family fan-out is refused before any work", async () => {
    const fanOut = `query ($c: String!) { person(personCode: $c) { ${nested("children", 7, "givenName")} } }`;
    platform.resetStatements();
    const { status, body } = await post(platform.gatewayUrl, fanOut, { c: codes[0] });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions.code).toBe("OPERATION_TOO_COSTLY");
    expect(platform.statements).toEqual([]);
  });

  it('field suggestions: no "Did you mean" when hidden (as in production)', async () => {
    const query = `query ($c: String!) { person(personCode: $c) { givenNam } }`;
    const hidden = await post(limited, query, { c: codes[0] });
    // A validation error to a plain application/json client is 200, as GraphQL over HTTP asks.
    expect(hidden.status).toBe(200);
    expect(hidden.body.errors?.[0]?.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(hidden.body.errors?.[0]?.message).toBe('Cannot query field "givenNam" on type "Person".');
    // Nor in a variable's enum value, refused when the operation runs.
    const enumValue = await post(limited, "query ($f: DataGroupName!) { dataGroup(name: $f) { name } }", {
      f: "ADRESS",
    });
    expect(enumValue.body.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(enumValue.body.errors?.[0]?.message).not.toContain("Did you mean");
    // The test platform is not in production: there the hint helps the developer.
    const shown = await post(platform.gatewayUrl, query, { c: codes[0] });
    expect(shown.body.errors?.[0]?.message).toContain("Did you mean");
    const shownEnum = await post(
      platform.gatewayUrl,
      "query ($f: DataGroupName!) { dataGroup(name: $f) { name } }",
      {
        f: "ADRESS",
      },
    );
    expect(shownEnum.body.errors?.[0]?.message).toContain("Did you mean");
  });
});

describe("fragment bomb", () => {
  // Each fragment holds the next twice (once through an inline fragment): 2^(levels-1)
  // copies of its fields once expanded, in a document of a few hundred bytes that passes the
  // depth, alias and token limits. At 20 levels the query planner spends about 25 s on it.
  const bomb = (levels: number) =>
    `query ($c: String!) { person(personCode: $c) { ...F0 } } ${Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on Person { personCode }`
        : `fragment F${i} on Person { ... on Person { ...F${i + 1} } ...F${i + 1} givenName }`,
    ).join(" ")}`;

  it("is refused before planning: TOO_MANY_SELECTIONS, HTTP 400, naming the limit", async () => {
    platform.resetStatements();
    const started = Date.now();
    const { status, body } = await post(platform.gatewayUrl, bomb(20), { c: codes[0] });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "TOO_MANY_SELECTIONS", limit: 2000 });
    expect(body.errors?.[0]?.message).toContain("the gateway accepts at most 2000");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(platform.statements).toEqual([]);
  });

  it("what the query planner refuses is OPERATION_NOT_PLANNABLE, HTTP 400, never a 500", async () => {
    // Without the gateway's own limits in the way, the bomb reaches the planner, whose own
    // check refuses 30 levels at once.
    const open = await startGateway({
      maxSelections: Number.MAX_SAFE_INTEGER,
      maxCost: Number.MAX_SAFE_INTEGER,
    });
    const { status, body } = await post(open, bomb(30), { c: codes[0] });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions.code).toBe("OPERATION_NOT_PLANNABLE");
    expect(body.errors?.[0]?.message).toContain("could not plan this operation");
    expect(body.data ?? null).toBeNull();
  });
});

describe("quota in persons disclosed", () => {
  it("aliases and batches no longer multiply the daily quota: it counts persons", async () => {
    const number = await createGrant(platform, { dataGroups: ["NAME"], dailyQuota: 3 });
    const headers = platform.headersOf({ key: platform.requester.key, grantNumber: number });
    // One request, four persons: admitted (nothing used yet) and all four counted.
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
    expect(second.body.errors?.[0]?.extensions).toMatchObject({ code: "QUOTA_EXCEEDED", limit: 3, found: 4 });
    expect(second.body.errors?.[0]?.message).toContain(
      `Grant ${number} allows 3 persons disclosed a day, and 4 have been disclosed today`,
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

describe("subscriptions", () => {
  const SUBSCRIPTION = "subscription ($set: ID!) { setChanges(setId: $set) { eventNo } }";

  function connect(url: string) {
    const client = createClient({
      url: url.replace("http://", "ws://"),
      webSocketImpl: WebSocket,
      connectionParams: {
        authorization: `Bearer ${platform.requester.key}`,
        grant: platform.requester.grantNumber,
      },
      retryAttempts: 0,
    });
    clients.push(client);
    return client;
  }

  /** Subscribes and resolves with the first errors, the first data, or "completed". */
  function firstResult(client: Client, query: string, variables: Record<string, unknown> = {}) {
    return new Promise<unknown>((resolve) => {
      client.subscribe(
        { query, variables },
        {
          next: (result) => resolve(result.errors ?? result.data),
          error: resolve,
          complete: () => resolve("completed"),
        },
      );
    });
  }

  it("the same limits apply to graphql-ws subscriptions, with the same codes", async () => {
    const client = connect(limited);
    expect(
      await firstResult(
        client,
        "subscription ($set: ID!) { a: setChanges(setId: $set) { b: eventNo c: eventNo d: eventNo e: eventNo } }",
        { set: "1" },
      ),
    ).toEqual([expect.objectContaining({ extensions: { code: "TOO_MANY_ALIASES", limit: 3, found: 5 } })]);
    expect(
      await firstResult(
        client,
        `subscription ($set: ID!) { setChanges(setId: $set) { person { ${nested("children", 4, "givenName")} } } }`,
        { set: "1" },
      ),
    ).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "OPERATION_TOO_DEEP" }) }),
    ]);
    expect(await firstResult(client, `subscription { ${"__typename ".repeat(200)} }`)).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "OPERATION_TOO_LARGE" }) }),
    ]);
    expect(
      await firstResult(client, "subscription ($set: ID!) { setChanges(setId: $set) { eventNumber } }", {
        set: "1",
      }),
    ).toEqual([
      expect.objectContaining({
        message: 'Cannot query field "eventNumber" on type "ChangeNotification".',
        extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
      }),
    ]);
  });

  it("open subscriptions per key: TOO_MANY_SUBSCRIPTIONS beyond the limit, a place freed by completing one", async () => {
    const headers = platform.headersOf(platform.requester);
    const created = await post(
      platform.gatewayUrl,
      'mutation { createMonitoringSet(input: { name: "limits", dataGroups: ["ADDRESS"] }) { id } }',
      {},
      headers,
    );
    const setId = (created.body as { data: { createMonitoringSet: { id: string } } }).data.createMonitoringSet
      .id;
    await post(
      platform.gatewayUrl,
      "mutation ($set: ID!, $codes: [String!]!) { addMonitoredPersons(setId: $set, personCodes: $codes) { changed } }",
      { set: setId, codes: [codes[0]] },
      headers,
    );
    const client = connect(limited);
    const open: (() => void)[] = [];
    for (let i = 0; i < 2; i++) {
      open.push(
        client.subscribe(
          { query: SUBSCRIPTION, variables: { set: setId } },
          { next: () => {}, error: () => {}, complete: () => {} },
        ),
      );
    }
    const refusal = await firstResult(client, SUBSCRIPTION, { set: setId });
    expect(refusal).toEqual([
      expect.objectContaining({
        message: expect.stringContaining(
          "already has 2 open subscriptions, the most the gateway keeps per key (2)",
        ),
        extensions: { code: "TOO_MANY_SUBSCRIPTIONS", limit: 2, found: 2 },
      }),
    ]);
    // Completing one gives its place back: a new subscription is accepted and delivers.
    open[0]!();
    const delivered = firstResult(client, SUBSCRIPTION, { set: setId });
    await registerChanges(sql, [{ personCode: codes[0]!, dataGroups: ["ADDRESS"] }]);
    expect(await delivered).toEqual({ setChanges: { eventNo: 1 } });
  });
});
