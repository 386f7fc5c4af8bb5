import { randomBytes } from "node:crypto";
import { cpus } from "node:os";
import { commandLine, completePersonCode } from "@rnp/common";
import { createDatabase, migrateDatabase } from "@rnp/db";
import { databaseFromEnv, projectDataDir } from "@rnp/db/embedded";
import { isRegisterSeeded, seedRegister } from "@rnp/generator";
import { provisionRequester, syntheticRegistrationNumber } from "@rnp/platform/provision";
import { decodeWakeUp, NOTIFICATIONS_CHANNEL } from "@rnp/policy/wire";
import { allDataGroupNames } from "@rnp/schema";
import { registerChanges } from "../../tests/support/changes";
import { type PartProcess, startPartProcess } from "../../tests/support/processes";
import { percentile, residentMiB, SubscriberPool, until, within } from "./subscribers";

// Parts run in this process (the raw-SQL capture, a search) would log every request at info.
process.env.LOG_LEVEL ??= "warn";

const usage = `Usage: pnpm bench:monitoring [--codes N] [--mass N] [--subscribers N] [--events N]
                             [--sets N] [--open N] [--timeout SECONDS]

Measures monitoring in one run, every part in its own process, and prints each goal of
issue 10 as met or not met:
  1. the time to add N codes (default 1 000 000) to a set, 100 000 a call, through the gateway;
  2. notifications created per second for a mass change of N persons (default 200 000) whose
     codes are in two sets (both sets waited for, the notifications counted);
  3. events per second delivered, with person data, to N subscribers (default 100) of one set
     of 1 000 register persons, each changed once;
  4. p50/p99 from a change's commit to those subscribers, --events single changes (default
     200), next to a bare PostgreSQL LISTEN/NOTIFY round trip measured in the same run;
  5. p50/p99 from commit to subscriber with one subscriber on each of --sets sets (default
     1 000), --events single changes, each in one set;
  6. the gateway's resident memory with --open subscriptions (default 10 000) open on those sets.
Every wait is bounded by --timeout (default 300 s); a wait that runs out fails the run.
Database: DATABASE_URL, else the embedded PostgreSQL in .data/bench-postgres.`;

const cli = commandLine({
  usage,
  options: {
    codes: { type: "string" },
    mass: { type: "string" },
    subscribers: { type: "string" },
    events: { type: "string" },
    sets: { type: "string" },
    open: { type: "string" },
    timeout: { type: "string" },
  },
});
const codeCount = cli.wholeNumber("codes", cli.values.codes, 1_000_000, { min: 1 });
const massCount = cli.wholeNumber("mass", cli.values.mass, 200_000, { min: 1 });
const subscriberCount = cli.wholeNumber("subscribers", cli.values.subscribers, 100, { min: 1 });
const latencySamples = cli.wholeNumber("events", cli.values.events, 200, { min: 1 });
const setCount = cli.wholeNumber("sets", cli.values.sets, 1_000, { min: 1, max: 5_000 });
const openCount = cli.wholeNumber("open", cli.values.open, 10_000, { min: 0 });
const timeoutMs = cli.wholeNumber("timeout", cli.values.timeout, 300, { min: 1 }) * 1000;

const parts: PartProcess[] = [];
const pools: SubscriberPool[] = [];
let stopDatabase: (() => Promise<void>) | undefined;
const goals: string[] = [];

function goal(name: string, met: boolean, figure: string) {
  goals.push(`   ${met ? "met    " : "NOT met"}  ${name}: ${figure}`);
}

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

const ms = (value: number) => `${value.toFixed(1)} ms`;

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
  const startGateway = () =>
    start("gateway/src/index.ts", {
      // All subscribers share one key; its limits are not what is measured here.
      MAX_SUBSCRIPTIONS_PER_KEY: String(subscriberCount + setCount + openCount + 100),
      RATE_LIMIT_PER_MINUTE: "1000000",
      OPERATOR_API_KEY: operatorKey,
      PERSON_SUBGRAPH_URL: person.url,
      CATALOG_SUBGRAPH_URL: catalog.url,
      MONITORING_SUBGRAPH_URL: monitoring.url,
    });
  const gateway = await startGateway();
  const requester = await provisionRequester(gateway.url, operatorKey, {
    name: "Bench Monitoring AS",
    registrationNumber: syntheticRegistrationNumber(4),
    dataGroups: allDataGroupNames(),
    purpose: "Monitoring benchmark",
  });
  const connectionParams = { authorization: `Bearer ${requester.key}`, grant: requester.grantNumber };
  const post = async <T>(query: string, variables: Record<string, unknown>) => {
    const response = await fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...connectionParams },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
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
  const lastEventNo = async (setId: string) => {
    const [row] = await db.sql`select last_event_no from monitoring.sets where id = ${Number(setId)}`;
    return Number(row!.last_event_no);
  };
  const change = (codes: string[]) =>
    registerChanges(
      db.sql,
      codes.map((personCode) => ({ personCode, dataGroups: ["ADDRESS"] })),
    );

  // 1. Bulk add.
  const codes = syntheticCodes(Math.max(codeCount, massCount));
  const bulkSet = await createSet("bulk");
  let started = performance.now();
  for (let i = 0; i < codeCount; i += 100_000)
    await add(bulkSet, codes.slice(i, Math.min(codeCount, i + 100_000)));
  const addSeconds = (performance.now() - started) / 1000;
  console.log(
    `\n1. added ${codeCount} codes in ${addSeconds.toFixed(1)} s (${Math.round(codeCount / addSeconds)} codes/s)`,
  );

  // 2. Mass change: the notifier turns it into notifications of both sets; both are waited for.
  const massSet = await createSet("mass");
  for (let i = 0; i < massCount; i += 100_000)
    await add(massSet, codes.slice(i, Math.min(massCount, i + 100_000)));
  const expectedBulk = Math.min(massCount, codeCount);
  started = performance.now();
  await change(codes.slice(0, massCount));
  const committed = performance.now();
  await until(
    async () => (await lastEventNo(massSet)) >= massCount && (await lastEventNo(bulkSet)) >= expectedBulk,
    timeoutMs,
    `the notifications of the mass change in both sets (${massCount} and ${expectedBulk})`,
  );
  const notifySeconds = (performance.now() - committed) / 1000;
  const created = (await lastEventNo(massSet)) + (await lastEventNo(bulkSet));
  console.log(
    `2. mass change of ${massCount} persons: change log written in ${((committed - started) / 1000).toFixed(1)} s; ${created} notifications created (counted in both sets) in ${notifySeconds.toFixed(1)} s (${Math.round(created / notifySeconds)}/s)`,
  );

  // 3 and 4. Subscribers of one set of register persons, selecting person data.
  const registerCodes = (
    await db.sql`select person_code from person.persons where death_date is null order by person_code limit ${Math.max(1000, setCount)}`
  ).map((row) => row.person_code as string);
  const liveCodes = registerCodes.slice(0, 1000);
  const liveSet = await createSet("live");
  await add(liveSet, liveCodes);
  const live = new SubscriberPool(gateway.url, connectionParams, 1);
  pools.push(live);
  const liveIndexes = Array.from({ length: subscriberCount }, () => live.subscribe(liveSet));
  // Every subscription is running once it has the first event (one warm-up change).
  await change([liveCodes[0]!]);
  await live.allReceived(liveIndexes, 1, timeoutMs, `${subscriberCount} subscribers to start`);
  const deliveredBefore = live.delivered;
  const withPersonBefore = live.withPerson;
  started = performance.now();
  await change(liveCodes);
  await live.allReceived(
    liveIndexes,
    1 + liveCodes.length,
    timeoutMs,
    `${liveCodes.length} events at each of ${subscriberCount} subscribers`,
  );
  const deliverSeconds = (performance.now() - started) / 1000;
  const delivered = live.delivered - deliveredBefore;
  const withPerson = live.withPerson - withPersonBefore;
  const eventsPerSecond = delivered / deliverSeconds;
  console.log(
    `3. ${subscriberCount} subscribers of one set: ${delivered} events (${withPerson} with person data) delivered in ${deliverSeconds.toFixed(1)} s (${Math.round(eventsPerSecond)} events/s)`,
  );
  goal(
    "≥ 20 000 events/s delivered with person data",
    withPerson / deliverSeconds >= 20_000,
    `${Math.round(withPerson / deliverSeconds)} events/s with person data`,
  );

  // 4. Latency of single changes, one at a time, against a bare LISTEN/NOTIFY round trip;
  // the notifier's part (commit → its NOTIFY naming the set, heard here) is measured apart.
  const heard = new Map<string, () => void>();
  const notifierListener = await db.sql.listen(NOTIFICATIONS_CHANNEL, (payload) => {
    for (const id of decodeWakeUp(payload) ?? []) heard.get(id)?.();
  });
  const notifierLags: number[] = [];
  const timedChange = async (setId: string, code: string) => {
    const notified = new Promise<number>((resolve) => heard.set(setId, () => resolve(performance.now())));
    await change([code]);
    const commit = performance.now();
    void within(notified, timeoutMs, `the notifier's NOTIFY for set ${setId}`).then(
      (at) => notifierLags.push(at - commit),
      () => {},
    );
    return commit;
  };
  const latencies: number[] = [];
  const liveArrivals = live.arrivals.get(liveSet)!;
  let eventNo = await lastEventNo(liveSet);
  for (let i = 0; i < latencySamples; i++) {
    eventNo++;
    const commit = await timedChange(liveSet, liveCodes[i % liveCodes.length]!);
    await live.allReceived(
      liveIndexes,
      eventNo,
      timeoutMs,
      `event ${eventNo} at ${subscriberCount} subscribers`,
    );
    for (const at of liveArrivals.get(eventNo) ?? []) latencies.push(at - commit);
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
    await within(received, timeoutMs, "a bare NOTIFY");
    bare.push(performance.now() - sent);
  }
  await listener.unlisten();
  latencies.sort((a, b) => a - b);
  bare.sort((a, b) => a - b);
  console.log(
    `4. commit → subscriber (${latencySamples} single changes × ${subscriberCount} subscribers): p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}`,
  );
  console.log(
    `   bare PostgreSQL LISTEN/NOTIFY round trip: p50 ${percentile(bare, 50).toFixed(2)} ms, p99 ${percentile(bare, 99).toFixed(2)} ms`,
  );
  const sortedLags = () => [...notifierLags].sort((a, b) => a - b);
  console.log(
    `   of which commit → the notifier's NOTIFY: p50 ${ms(percentile(sortedLags(), 50))}, p99 ${ms(percentile(sortedLags(), 99))}`,
  );
  const oneSetBound = 3 * percentile(bare, 99) + 5;
  goal(
    `${subscriberCount} subscribers on one set: p99 ≤ 3 × NOTIFY p99 + 5 ms (${ms(oneSetBound)})`,
    percentile(latencies, 99) <= oneSetBound,
    `p99 ${ms(percentile(latencies, 99))}`,
  );
  await live.dispose();

  // 5. One subscriber on each of many sets; each change wakes one set.
  const setIds: string[] = [];
  for (let i = 0; i < setCount; i += 8) {
    const batch = await Promise.all(
      registerCodes.slice(i, Math.min(setCount, i + 8)).map(async (code, j) => {
        const id = await createSet(`many-${i + j}`);
        await add(id, [code]);
        return id;
      }),
    );
    setIds.push(...batch);
  }
  const many = new SubscriberPool(gateway.url, connectionParams, 1);
  pools.push(many);
  const manyIndexes = setIds.map((id) => many.subscribe(id));
  // Warm-up: one change per set gives each subscription its first event.
  await change(registerCodes.slice(0, setCount));
  await many.allReceived(manyIndexes, 1, timeoutMs, `${setCount} subscribers of ${setCount} sets to start`);
  const spread: number[] = [];
  notifierLags.length = 0;
  for (let i = 0; i < latencySamples; i++) {
    const s = i % setCount;
    const expected = 2 + Math.floor(i / setCount);
    const commit = await timedChange(setIds[s]!, registerCodes[s]!);
    await many.allReceived([manyIndexes[s]!], expected, timeoutMs, `event ${expected} of set ${setIds[s]}`);
    spread.push(many.arrivals.get(setIds[s]!)!.get(expected)![0]! - commit);
  }
  spread.sort((a, b) => a - b);
  console.log(
    `5. commit → subscriber, 1 subscriber on each of ${setCount} sets (${latencySamples} single changes): p50 ${ms(percentile(spread, 50))}, p99 ${ms(percentile(spread, 99))}`,
  );
  console.log(
    `   of which commit → the notifier's NOTIFY: p50 ${ms(percentile(sortedLags(), 50))}, p99 ${ms(percentile(sortedLags(), 99))}`,
  );
  await notifierListener.unlisten();
  goal(
    `${setCount} subscribers over ${setCount} sets: p99 ≤ 20 ms`,
    percentile(spread, 99) <= 20,
    `p99 ${ms(percentile(spread, 99))}`,
  );

  // 6. Memory with many open subscriptions, each running (it has replayed its set's first
  // event), on a gateway process of its own: what the sections above left in the first
  // one's heap is not counted, only a fresh gateway's and what the subscriptions hold.
  if (openCount > 0) {
    const fresh = await startGateway();
    const idleMiB = residentMiB(fresh.child.pid);
    const open = new SubscriberPool(fresh.url, connectionParams, 100);
    pools.push(open);
    const openIndexes = Array.from({ length: openCount }, (_, i) => open.subscribe(setIds[i % setCount]!));
    await open.allReceived(openIndexes, 1, timeoutMs, `${openCount} subscriptions to open and replay`);
    const openedMiB = residentMiB(fresh.child.pid);
    // V8's memory reducer gives back heap a few seconds after the opening burst ends.
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const openMiB = residentMiB(fresh.child.pid);
    console.log(
      `6. a second gateway's resident memory: ${idleMiB.toFixed(0)} MiB started; with ${openCount} subscriptions open on ${setCount} sets ${openedMiB.toFixed(0)} MiB once all had replayed, ${openMiB.toFixed(0)} MiB 10 s later`,
    );
    goal(
      `${openCount} open subscriptions: gateway memory ≤ 300 MB`,
      openMiB * 1.048_576 <= 300,
      `${(openMiB * 1.048_576).toFixed(0)} MB resident`,
    );
  }

  console.log("\ngoals (issue 10):");
  for (const line of goals) console.log(line);

  for (const pool of pools.splice(0)) await pool.dispose();
  // Leave the bench database as it was for the next run.
  const requesterId = Number(requester.requesterId);
  await db.sql`delete from monitoring.notifications where set_id in (select id from monitoring.sets where requester_id = ${requesterId})`;
  await db.sql`delete from monitoring.members where set_id in (select id from monitoring.sets where requester_id = ${requesterId})`;
  await db.sql`update monitoring.sets set deleted = true where requester_id = ${requesterId}`;
  await db.close();
}

async function shutdown() {
  for (const pool of pools.splice(0)) await pool.dispose();
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
