import { createDatabase, type DatabaseClient } from "@rnp/db";
import { createGatewayServer, type GatewayServer } from "@rnp/gateway";
import { type Client, createClient } from "graphql-ws";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { registerChanges } from "./support/changes";
import {
  startTestPlatform,
  TEST_AUDIT_CHAIN_KEY,
  TEST_SIGNING_SECRET,
  type TestPlatform,
} from "./support/platform";

// Fan-out of subscriptions on a gateway of the test's own, whose subscription server it can
// count: wake-ups by set, one execution per batch for subscribers at one cursor, their audit
// rows, and the bounded queue that closes a consumer which stops reading.

let platform: TestPlatform;
let sql: postgres.Sql;
let database: DatabaseClient;
let gateway: GatewayServer;
let gatewayUrl: string;
let codes: string[];
const clients: Client[] = [];
const sockets: WebSocket[] = [];

const BATCH = 100;
const SLOW_CONSUMER_MS = 1_000;
const ALIASES = 400;

beforeAll(async () => {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 2, onnotice: () => {} });
  codes = (
    await sql`select person_code from person.persons where death_date is null order by person_code limit 200`
  ).map((row) => row.person_code as string);
  database = createDatabase(platform.databaseUrl, { max: 6 });
  gateway = await createGatewayServer({
    subgraphUrls: platform.subgraphUrls,
    database,
    signingSecret: TEST_SIGNING_SECRET,
    audit: { key: TEST_AUDIT_CHAIN_KEY },
    // No idle re-check during a test: every execution counted comes from a wake-up or a replay.
    subscriptionRecheckMs: 600_000,
    limits: { maxAliases: ALIASES },
    subscriptions: { batchSize: BATCH, maxQueuedEvents: 2 * BATCH, slowConsumerTimeoutMs: SLOW_CONSUMER_MS },
  });
  gatewayUrl = (await gateway.listen(0)).replace("http://", "ws://");
}, 120_000);
afterAll(async () => {
  for (const socket of sockets) socket.terminate();
  for (const client of clients) await client.dispose();
  await gateway?.stop();
  await database?.close();
  await sql?.end();
  await platform?.stop();
});

const connectionParams = () => ({
  authorization: `Bearer ${platform.requester.key}`,
  grant: platform.requester.grantNumber,
});

function connect() {
  const client = createClient({
    url: gatewayUrl,
    webSocketImpl: WebSocket,
    connectionParams: connectionParams(),
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
}

async function createSetWith(members: string[]) {
  const created = await platform.query<{ createMonitoringSet: { id: string } }>(
    'mutation { createMonitoringSet(input: { name: "fan-out", dataGroups: ["ADDRESS"] }) { id } }',
  );
  const setId = created.data!.createMonitoringSet.id;
  const added = await platform.query(
    "mutation ($set: ID!, $codes: [String!]!) { addMonitoredPersons(setId: $set, personCodes: $codes) { changed } }",
    { set: setId, codes: members },
  );
  expect(added.errors).toBeUndefined();
  return setId;
}

/** Polls the gateway's own counters until `check` holds; fails naming `what` after 20 s. */
async function until(check: () => boolean, what: string) {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(`Waited 20 s for ${what}: ${JSON.stringify(gateway.subscriptionStats())}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const SUBSCRIPTION = `subscription ($set: ID!, $after: String) {
  setChanges(setId: $set, after: $after) { cursor eventNo personCode person { surname } }
}`;

interface Event {
  cursor: string;
  eventNo: number;
  personCode: string;
}

/** A subscriber that keeps what it receives; `until(n)` resolves once it has n events. */
function subscriber(setId: string, after?: string) {
  const events: Event[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  let failure: unknown;
  const client = connect();
  client.subscribe<{ setChanges: Event }>(
    { query: SUBSCRIPTION, variables: { set: setId, ...(after ? { after } : {}) } },
    {
      next: (result) => {
        if (result.errors) failure = result.errors;
        else events.push(result.data!.setChanges);
        for (const wait of waiting.filter((w) => events.length >= w.count)) wait.resolve();
      },
      error: (error) => {
        failure = error;
      },
      complete: () => {},
    },
  );
  return {
    client,
    events,
    received(count: number) {
      if (events.length >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${events.length} of ${count} events arrived; ${JSON.stringify(failure)}`)),
          20_000,
        );
        waiting.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
  };
}

/** Waits until `count` subscriptions are open and no batch is running: each is idle at its cursor. */
const idle = (count: number) =>
  until(
    () => gateway.subscriptionStats().open === count && gateway.subscriptionStats().inFlight === 0,
    `${count} idle subscriptions`,
  );

describe("subscriptions that fan out", () => {
  it("a change in one set does not execute another set's subscriptions, and a set's subscribers share one execution", async () => {
    const [a, b] = [await createSetWith(codes.slice(0, 5)), await createSetWith(codes.slice(5, 10))];
    const subscribers = [subscriber(a), subscriber(a), subscriber(b), subscriber(b)];
    await idle(4);
    const stats = gateway.subscriptionStats();
    const [beforeA, beforeB] = [stats.executionsOf(a), stats.executionsOf(b)];

    await registerChanges(sql, [{ personCode: codes[0]!, dataGroups: ["ADDRESS"] }]);
    await Promise.all(subscribers.slice(0, 2).map((s) => s.received(1)));
    await idle(4);
    // A's two subscribers shared one execution; B's ran nothing.
    expect(gateway.subscriptionStats().executionsOf(a)).toBe(beforeA + 1);
    expect(gateway.subscriptionStats().executionsOf(b)).toBe(beforeB);

    await registerChanges(sql, [{ personCode: codes[5]!, dataGroups: ["ADDRESS"] }]);
    await Promise.all(subscribers.slice(2).map((s) => s.received(1)));
    await idle(4);
    expect(gateway.subscriptionStats().executionsOf(b)).toBe(beforeB + 1);
    expect(gateway.subscriptionStats().executionsOf(a)).toBe(beforeA + 1);
    for (const s of subscribers) expect(s.events.map((e) => e.eventNo)).toEqual([1]);
    expect(subscribers[0]!.events[0]!.personCode.replace("-", "")).toBe(codes[0]);
    expect(subscribers[2]!.events[0]!.personCode.replace("-", "")).toBe(codes[5]);
    for (const s of subscribers) await s.client.dispose();
    await idle(0);
  });

  it("a shared execution still audits one row per subscriber and person, each with its own request id", async () => {
    const members = codes.slice(10, 13);
    const setId = await createSetWith(members);
    const subscribers = [subscriber(setId), subscriber(setId), subscriber(setId)];
    await idle(3);
    const [{ seq }] = (await sql`select coalesce(max(seq), 0)::bigint as seq from audit.disclosures`) as [
      { seq: string },
    ];
    const before = gateway.subscriptionStats().executionsOf(setId);
    await registerChanges(
      sql,
      members.slice(0, 2).map((personCode) => ({ personCode, dataGroups: ["ADDRESS"] })),
    );
    await Promise.all(subscribers.map((s) => s.received(2)));
    await idle(3);
    expect(gateway.subscriptionStats().executionsOf(setId)).toBe(before + 1);
    const rows = await sql`
      select request_id, person_code, key_id, data_groups from audit.disclosures
      where seq > ${seq} and person_code = any(${members}) order by seq`;
    // 3 subscribers × 2 persons, none twice; each subscriber's two rows share its request id.
    expect(rows).toHaveLength(6);
    const requests = new Map<string, string[]>();
    for (const row of rows)
      requests.set(row.request_id, [...(requests.get(row.request_id) ?? []), row.person_code]);
    expect(requests.size).toBe(3);
    for (const persons of requests.values()) expect(persons.sort()).toEqual(members.slice(0, 2).sort());
    expect(new Set(rows.map((row) => row.key_id)).size).toBe(1);
    for (const row of rows) expect(row.data_groups).toEqual(["ADDRESS", "NAME"]);
    for (const s of subscribers) await s.client.dispose();
    await idle(0);
  });

  it("a consumer that stops reading is closed with 4499 and resumes exactly by cursor", async () => {
    const members = codes.slice(100, 200);
    const setId = await createSetWith(members);
    const total = 1_000;
    // Large events that cost little (400 aliases of the personal code, about 10 kB), so the
    // socket's buffers (some MB) fill with a few hundred of them.
    const aliases = Array.from({ length: ALIASES }, (_, i) => `c${i}: personCode`).join(" ");
    const query = `subscription ($set: ID!) { setChanges(setId: $set) { cursor eventNo ${aliases} } }`;
    const socket = new WebSocket(gatewayUrl, "graphql-transport-ws");
    sockets.push(socket);
    const received: { eventNo: number; cursor: string }[] = [];
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    socket.on("message", (data) => {
      const message = JSON.parse(String(data));
      if (message.type === "connection_ack") {
        socket.send(
          JSON.stringify({ id: "1", type: "subscribe", payload: { query, variables: { set: setId } } }),
        );
        // From now on the client reads nothing: the server's writes back up.
        socket.pause();
      } else if (message.type === "next") {
        expect(message.payload.errors).toBeUndefined();
        received.push(message.payload.data.setChanges);
      }
    });
    await new Promise((resolve) => socket.once("open", resolve));
    socket.send(JSON.stringify({ type: "connection_init", payload: connectionParams() }));
    await until(() => gateway.subscriptionStats().open === 1, "the raw client's subscription");
    await registerChanges(
      sql,
      Array.from({ length: total }, (_, i) => ({
        personCode: members[i % members.length]!,
        dataGroups: ["ADDRESS"],
      })),
    );
    await until(() => gateway.subscriptionStats().tooSlow === 1, "the slow consumer to be closed");
    socket.resume();
    const { code, reason } = await closed;
    await idle(0);
    expect(code).toBe(4499);
    expect(reason).toContain("resubscribe with your last cursor");
    // What reached the client before the close is a gapless start of the sequence, short of the whole.
    expect(received.length).toBeGreaterThan(0);
    expect(received.length).toBeLessThan(total);
    expect(received.map((e) => e.eventNo)).toEqual(received.map((_, i) => i + 1));

    const resumed = subscriber(setId, received.at(-1)!.cursor);
    await resumed.received(total - received.length);
    expect([...received, ...resumed.events].map((e) => e.eventNo)).toEqual(
      Array.from({ length: total }, (_, i) => i + 1),
    );
    await resumed.client.dispose();
  }, 120_000);
});
