import { randomBytes } from "node:crypto";
import { provisionRequester, syntheticRegistrationNumber } from "@rnp/platform/provision";
import { type Client, createClient } from "graphql-ws";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { registerChanges } from "./support/changes";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { ALL_GROUPS } from "./support/platform";
import { type PartProcess, startPartProcess } from "./support/processes";

let database: TestDatabase;
let sql: postgres.Sql;
const parts: PartProcess[] = [];
const clients: Client[] = [];
const secret = randomBytes(24).toString("base64url");
const operatorKey = `rnp_op_${randomBytes(24).toString("base64url")}`;
let env: Record<string, string>;
let person: PartProcess;
let catalog: PartProcess;
let requester: { key: string; grantNumber: string };

async function start(entry: string, extra: Record<string, string> = {}) {
  const part = await startPartProcess(entry, { ...env, PORT: "0", ...extra });
  parts.push(part);
  return part;
}

const gatewayFor = (monitoring: PartProcess) =>
  start("gateway/src/index.ts", {
    OPERATOR_API_KEY: operatorKey,
    PERSON_SUBGRAPH_URL: person.url,
    CATALOG_SUBGRAPH_URL: catalog.url,
    MONITORING_SUBGRAPH_URL: monitoring.url,
  });

beforeAll(async () => {
  database = await createTestDatabase("seeded");
  sql = postgres(database.url, { max: 2, onnotice: () => {} });
  env = { DATABASE_URL: database.url, INTERNAL_SIGNING_SECRET: secret };
  person = await start("subgraphs/person/src/index.ts");
  catalog = await start("subgraphs/catalog/src/index.ts");
}, 120_000);
afterAll(async () => {
  for (const client of clients) await client.dispose();
  for (const part of parts) part.child.kill("SIGKILL");
  await sql?.end();
  await database?.drop();
});

async function post(url: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${requester.key}`,
      grant: requester.grantNumber,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: Record<string, { id: string }>; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

interface Event {
  cursor: string;
  eventNo: number;
}

/** Subscribes on a gateway and collects events until `enough`, an error, or the socket closing. */
async function collect(
  gateway: PartProcess,
  setId: string,
  after: string | null,
  enough: (events: Event[]) => boolean,
) {
  const client = createClient({
    url: gateway.url.replace("http://", "ws://"),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${requester.key}`, grant: requester.grantNumber },
    retryAttempts: 0,
  });
  clients.push(client);
  const events: Event[] = [];
  try {
    for await (const result of client.iterate<{ setChanges: Event }>({
      query:
        "subscription ($set: ID!, $after: String) { setChanges(setId: $set, after: $after) { cursor eventNo } }",
      variables: { set: setId, after },
    })) {
      if (result.errors) break;
      events.push(result.data!.setChanges);
      if (enough(events)) break;
    }
  } catch {
    // The socket died with its gateway: the caller resumes elsewhere from the last cursor.
  }
  return events;
}

describe("two gateways and two monitoring subgraphs on one database", () => {
  it("keep the full sequence across a killed gateway and a killed monitoring process", async () => {
    const monitoringA = await start("subgraphs/monitoring/src/index.ts");
    const monitoringB = await start("subgraphs/monitoring/src/index.ts");
    const gatewayA = await gatewayFor(monitoringA);
    const gatewayB = await gatewayFor(monitoringB);
    requester = await provisionRequester(gatewayA.url, operatorKey, {
      name: "Replica Banka AS",
      registrationNumber: syntheticRegistrationNumber(9),
      dataGroups: ALL_GROUPS,
      purpose: "Replica test",
    });
    const codes = (await sql`select person_code from person.persons order by person_code limit 300`).map(
      (row) => row.person_code as string,
    );
    const { createMonitoringSet } = await post(
      gatewayB.url,
      'mutation { createMonitoringSet(input: { name: "replicas", dataGroups: ["ADDRESS"] }) { id } }',
      {},
    );
    const setId = createMonitoringSet!.id;
    await post(
      gatewayA.url,
      "mutation ($s: ID!, $c: [String!]!) { addMonitoredPersons(setId: $s, personCodes: $c) { changed } }",
      {
        s: setId,
        c: codes,
      },
    );

    // Subscribers on both gateways; the burst of 300 changes arrives in three commits.
    const onB = collect(gatewayB, setId, null, (events) => events.length === 300);
    const onA = collect(gatewayA, setId, null, (events) => events.length >= 60);
    for (let i = 0; i < 3; i++) {
      await registerChanges(
        sql,
        codes.slice(i * 100, i * 100 + 100).map((personCode) => ({ personCode, dataGroups: ["ADDRESS"] })),
      );
    }
    const beforeKill = await onA;
    gatewayA.child.kill("SIGKILL");
    const resumed = await collect(
      gatewayB,
      setId,
      beforeKill.at(-1)!.cursor,
      (events) => events.at(-1)!.eventNo === 300,
    );
    expect([...beforeKill, ...resumed].map((e) => e.eventNo)).toEqual(codes.map((_, i) => i + 1));
    expect((await onB).map((e) => e.eventNo)).toEqual(codes.map((_, i) => i + 1));

    // A monitoring process dies mid-burst: notifications keep coming from the other replica's
    // notifier, and a subscriber of the gateway that used it resumes on a restarted gateway.
    const gatewayC = await gatewayFor(monitoringA);
    const after300 = Buffer.from(`set:${setId}:300`).toString("base64url");
    const onC = collect(gatewayC, setId, after300, () => false);
    monitoringA.child.kill("SIGKILL");
    await registerChanges(
      sql,
      codes.slice(0, 100).map((personCode) => ({ personCode, dataGroups: ["ADDRESS"] })),
    );
    const partial = await onC;
    const lastSeen = partial.at(-1)?.cursor ?? after300;
    const monitoringRestarted = await start("subgraphs/monitoring/src/index.ts");
    const gatewayD = await gatewayFor(monitoringRestarted);
    const rest = await collect(gatewayD, setId, lastSeen, (events) => events.at(-1)!.eventNo === 400);
    expect([...partial, ...rest].map((e) => e.eventNo)).toEqual(
      Array.from({ length: 100 }, (_, i) => 301 + i),
    );
  }, 180_000); // Six processes started and killed on two shared cores.
});
