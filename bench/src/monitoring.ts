import { randomBytes } from "node:crypto";
import { cpus } from "node:os";
import { commandLine, completePersonCode } from "@rnp/common";
import { createDatabase, migrateDatabase } from "@rnp/db";
import { databaseFromEnv, projectDataDir } from "@rnp/db/embedded";
import { isRegisterSeeded, seedRegister } from "@rnp/generator";
import { provisionRequester, syntheticRegistrationNumber } from "@rnp/platform/provision";
import { allDataGroupNames } from "@rnp/schema";
import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";
import { registerChanges } from "../../tests/support/changes";
import { type PartProcess, startPartProcess } from "../../tests/support/processes";

const usage = `Usage: pnpm bench:monitoring [--codes N] [--mass N] [--subscribers N] [--events N]

Measures monitoring in one run, every part in its own process:
  1. the time to add N codes (default 1 000 000) to a set, 100 000 a call, through the gateway;
  2. notifications created per second for a mass change of N persons (default 200 000);
  3. events per second delivered to N concurrent subscribers (default 100) of one set;
  4. p50/p99 latency from a change's commit to a subscriber, next to a bare PostgreSQL
     LISTEN/NOTIFY round trip measured in the same run.
Database: DATABASE_URL, else the embedded PostgreSQL in .data/bench-postgres.`;

const cli = commandLine({
  usage,
  options: {
    codes: { type: "string", default: "1000000" },
    mass: { type: "string", default: "200000" },
    subscribers: { type: "string", default: "100" },
    events: { type: "string", default: "200" },
  },
});
const codeCount = cli.wholeNumber("codes", cli.values.codes, 1_000_000, { min: 1 });
const massCount = cli.wholeNumber("mass", cli.values.mass, 200_000, { min: 1 });
const subscriberCount = cli.wholeNumber("subscribers", cli.values.subscribers, 100, { min: 1 });
const latencySamples = cli.wholeNumber("events", cli.values.events, 200, { min: 1 });

const parts: PartProcess[] = [];
const clients: Client[] = [];
let stopDatabase: (() => Promise<void>) | undefined;

/** `count` distinct valid personal codes (old format, born 1940–1999), not all in the register. */
function syntheticCodes(count: number): string[] {
  const codes: string[] = [];
  for (let day = 0; codes.length < count; day++) {
    const date = new Date(Date.UTC(1940, 0, 1) + day * 86_400_000);
    const ddmmyy = `${String(date.getUTCDate()).padStart(2, "0")}${String(date.getUTCMonth() + 1).padStart(2, "0")}${String(date.getUTCFullYear() % 100).padStart(2, "0")}`;
    for (let serial = 0; serial < 1000 && codes.length < count; serial++) {
      const code = completePersonCode(`${ddmmyy}1${String(serial).padStart(3, "0")}`);
      if (code) codes.push(code);
    }
  }
  return codes;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main() {
  const server = await databaseFromEnv({ dataDir: projectDataDir("bench-postgres") });
  stopDatabase = server.stop;
  const databaseUrl = server.url;
  await migrateDatabase(databaseUrl);
  const db = createDatabase(databaseUrl, { max: 4 });
  if (!(await isRegisterSeeded(db.sql))) await seedRegister(db.sql, { persons: 10_000, seed: 1 });
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`);

  const secret = randomBytes(24).toString("base64url");
  const operatorKey = `rnp_op_${randomBytes(24).toString("base64url")}`;
  const env = { DATABASE_URL: databaseUrl, INTERNAL_SIGNING_SECRET: secret, PORT: "0" };
  const start = async (entry: string, extra: Record<string, string> = {}) => {
    const part = await startPartProcess(entry, { ...env, ...extra });
    parts.push(part);
    return part;
  };
  const person = await start("subgraphs/person/src/index.ts");
  const catalog = await start("subgraphs/catalog/src/index.ts");
  const monitoring = await start("subgraphs/monitoring/src/index.ts");
  const gateway = await start("gateway/src/index.ts", {
    // All subscribers share one key.
    MAX_SUBSCRIPTIONS_PER_KEY: String(Math.max(100, subscriberCount)),
    OPERATOR_API_KEY: operatorKey,
    PERSON_SUBGRAPH_URL: person.url,
    CATALOG_SUBGRAPH_URL: catalog.url,
    MONITORING_SUBGRAPH_URL: monitoring.url,
  });
  const requester = await provisionRequester(gateway.url, operatorKey, {
    name: "Bench Monitoring AS",
    registrationNumber: syntheticRegistrationNumber(4),
    dataGroups: allDataGroupNames(),
    purpose: "Monitoring benchmark",
  });
  const post = async <T>(query: string, variables: Record<string, unknown>) => {
    const response = await fetch(gateway.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${requester.key}`,
        grant: requester.grantNumber,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown };
    if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const createSet = async (name: string) =>
    (
      await post<{ createMonitoringSet: { id: string } }>(
        'mutation ($name: String!) { createMonitoringSet(input: { name: $name, dataGroups: ["ADDRESS"] }) { id } }',
        { name },
      )
    ).createMonitoringSet.id;
  const add = (setId: string, codes: string[]) =>
    post(
      "mutation ($s: ID!, $c: [String!]!) { addMonitoredPersons(setId: $s, personCodes: $c) { changed } }",
      {
        s: setId,
        c: codes,
      },
    );

  // 1. Bulk add.
  const codes = syntheticCodes(Math.max(codeCount, massCount));
  const bulkSet = await createSet("bulk");
  let started = performance.now();
  for (let i = 0; i < codeCount; i += 100_000) await add(bulkSet, codes.slice(i, i + 100_000));
  const addSeconds = (performance.now() - started) / 1000;
  console.log(
    `\n1. added ${codeCount} codes in ${addSeconds.toFixed(1)} s (${Math.round(codeCount / addSeconds)} codes/s)`,
  );

  // 2. Mass change: the notifier turns it into notifications.
  const massSet = await createSet("mass");
  for (let i = 0; i < massCount; i += 100_000)
    await add(massSet, codes.slice(i, Math.min(massCount, i + 100_000)));
  started = performance.now();
  await registerChanges(
    db.sql,
    codes.slice(0, massCount).map((personCode) => ({ personCode, dataGroups: ["ADDRESS"] })),
  );
  const committed = performance.now();
  for (;;) {
    const [row] = await db.sql`select last_event_no from monitoring.sets where id = ${Number(massSet)}`;
    if (Number(row!.last_event_no) >= massCount) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const notifySeconds = (performance.now() - committed) / 1000;
  // The bulk set holds the same codes, so each change is notified twice.
  const created = massCount * 2;
  console.log(
    `2. mass change of ${massCount} persons: change log written in ${((committed - started) / 1000).toFixed(1)} s; ${created} notifications created in ${notifySeconds.toFixed(1)} s (${Math.round(created / notifySeconds)}/s)`,
  );

  // 3 and 4. Subscribers of one small set.
  const liveCodes = codes.slice(0, 1000);
  const liveSet = await createSet("live");
  await add(liveSet, liveCodes);
  const arrivals = new Map<number, number[]>();
  const counts = Array.from({ length: subscriberCount }, () => 0);
  const subscribed: Promise<void>[] = [];
  let expected = 0;
  let allArrived: () => void = () => {};
  for (let s = 0; s < subscriberCount; s++) {
    const client = createClient({
      url: gateway.url.replace("http://", "ws://"),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${requester.key}`, grant: requester.grantNumber },
      retryAttempts: 0,
    });
    clients.push(client);
    subscribed.push(
      (async () => {
        for await (const result of client.iterate<{ setChanges: { eventNo: number } }>({
          query: "subscription ($s: ID!) { setChanges(setId: $s) { eventNo personCode } }",
          variables: { s: liveSet },
        })) {
          const eventNo = result.data?.setChanges.eventNo;
          if (eventNo === undefined) continue;
          const list = arrivals.get(eventNo) ?? [];
          list.push(performance.now());
          arrivals.set(eventNo, list);
          counts[s]!++;
          if (counts.every((n) => n >= expected) && expected > 0) allArrived();
        }
      })().catch(() => {}),
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 1000)); // let every subscription register
  expected = liveCodes.length;
  const done = new Promise<void>((resolve) => {
    allArrived = resolve;
  });
  started = performance.now();
  await registerChanges(
    db.sql,
    liveCodes.map((personCode) => ({ personCode, dataGroups: ["ADDRESS"] })),
  );
  await done;
  const deliverSeconds = (performance.now() - started) / 1000;
  const delivered = subscriberCount * liveCodes.length;
  console.log(
    `3. ${subscriberCount} subscribers: ${delivered} events delivered in ${deliverSeconds.toFixed(1)} s (${Math.round(delivered / deliverSeconds)} events/s)`,
  );

  // 4. Latency of single changes, one at a time, against a bare LISTEN/NOTIFY round trip.
  const latencies: number[] = [];
  for (let i = 0; i < latencySamples; i++) {
    const eventNo = liveCodes.length + i + 1;
    expected = eventNo;
    const arrived = new Promise<void>((resolve) => {
      allArrived = resolve;
    });
    await registerChanges(db.sql, [
      { personCode: liveCodes[i % liveCodes.length]!, dataGroups: ["ADDRESS"] },
    ]);
    const commit = performance.now();
    await arrived;
    for (const at of arrivals.get(eventNo) ?? []) latencies.push(at - commit);
  }
  const bare: number[] = [];
  let resolveNotify: () => void = () => {};
  const listener = await db.sql.listen("bench_round_trip", () => resolveNotify());
  for (let i = 0; i < latencySamples; i++) {
    const received = new Promise<void>((resolve) => {
      resolveNotify = resolve;
    });
    const sent = performance.now();
    await db.sql`select pg_notify('bench_round_trip', ${String(i)})`;
    await received;
    bare.push(performance.now() - sent);
  }
  await listener.unlisten();
  latencies.sort((a, b) => a - b);
  bare.sort((a, b) => a - b);
  console.log(
    `4. commit → subscriber (${latencySamples} single changes × ${subscriberCount} subscribers): p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
  );
  console.log(
    `   bare PostgreSQL LISTEN/NOTIFY round trip: p50 ${percentile(bare, 50).toFixed(2)} ms, p99 ${percentile(bare, 99).toFixed(2)} ms`,
  );

  for (const client of clients) await client.dispose();
  await Promise.all(subscribed);
  // Leave the bench database as it was for the next run.
  await db.sql`delete from monitoring.notifications where set_id in (select id from monitoring.sets where requester_id = ${Number(requester.requesterId)})`;
  await db.sql`delete from monitoring.members where set_id in (select id from monitoring.sets where requester_id = ${Number(requester.requesterId)})`;
  await db.sql`update monitoring.sets set deleted = true where requester_id = ${Number(requester.requesterId)}`;
  await db.close();
}

async function shutdown() {
  for (const client of clients) await Promise.resolve(client.dispose()).catch(() => {});
  for (const part of parts.reverse()) await part.stop().catch(() => {});
  await stopDatabase?.();
}

main()
  .then(shutdown)
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await shutdown();
    process.exit(1);
  });
