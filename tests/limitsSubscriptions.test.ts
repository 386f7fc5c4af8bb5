import { type Client, createClient } from "graphql-ws";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { registerChanges } from "./support/changes";
import { LIMITS, nested, post, startGateway, startLimitsStack, stopLimitsStack } from "./support/limits";
import type { TestPlatform } from "./support/platform";

// The operation limits over graphql-ws, with the same codes, and the limit on open
// subscriptions per key.

let platform: TestPlatform;
let sql: postgres.Sql;
let codes: string[];
let limited: string;
const clients: Client[] = [];

beforeAll(async () => {
  ({ platform, sql, codes } = await startLimitsStack());
  limited = await startGateway(LIMITS);
}, 120_000);
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await stopLimitsStack();
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
