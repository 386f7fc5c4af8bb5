import { type Client, createClient } from "graphql-ws";
import postgres from "postgres";
import { expect } from "vitest";
import WebSocket from "ws";
import { createGrant } from "./grants";
import { type GraphQLResponse, startTestPlatform, type TestPlatform } from "./platform";

/**
 * The platform, a direct database connection and the persons to monitor shared by the
 * monitoring-trust test files (one platform per file: vitest loads this module afresh for each
 * file), with the helpers they create sets, read changes and wait on the notifier with.
 * Everything goes through the gateway as a client would; SQL only sets up register changes
 * and reads the audit.
 */
let platform: TestPlatform;
let sql: postgres.Sql;
const clients: Client[] = [];

export async function startMonitoringStack(): Promise<{
  platform: TestPlatform;
  sql: postgres.Sql;
  adults: string[];
  minors: string[];
}> {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 2, onnotice: () => {} });
  const adults = (
    await sql`select person_code from person.persons
      where death_date is null and birth_date < now() - interval '30 years' order by person_code limit 40`
  ).map((row) => row.person_code as string);
  const minors = (
    await sql`select person_code from person.persons
      where death_date is null and birth_date > now() - interval '16 years' order by person_code limit 10`
  ).map((row) => row.person_code as string);
  expect(minors.length).toBeGreaterThan(2);
  return { platform, sql, adults, minors };
}

export async function stopMonitoringStack(): Promise<void> {
  for (const client of clients) await client.dispose();
  await sql?.end();
  await platform?.stop();
}

export function call<T>(grantNumber: string, query: string, variables: Record<string, unknown> = {}) {
  return platform.query<T>(query, variables, {
    headers: platform.headersOf({ key: platform.requester.key, grantNumber }),
  });
}

/** A grant of the test requester that allows monitoring. */
export async function monitoringGrant(
  conditions: { field: string; operator: string; value: unknown }[] = [],
) {
  const number = await createGrant(platform, { dataGroups: ["ADDRESS", "NAME"], conditions });
  await setMonitoringAllowed(number, true);
  return number;
}

export function setMonitoringAllowed(number: string, allowed: boolean) {
  return platform.operator(
    "mutation ($n: String!, $a: Boolean!) { updateGrant(number: $n, input: { monitoringAllowed: $a }) { number } }",
    { n: number, a: allowed },
  );
}

export const ADD =
  "mutation ($set: ID!, $codes: [String!]!) { addMonitoredPersons(setId: $set, personCodes: $codes) { changed } }";
export const CHANGES = `query ($set: ID!, $after: String, $first: Int) {
  changes(setId: $set, after: $after, first: $first) {
    nodes { cursor eventNo personCode dataGroups person { surname } } endCursor hasNextPage } }`;

export interface ChangePage {
  changes: {
    nodes: { cursor: string; eventNo: number; personCode: string; dataGroups: string[] }[];
    endCursor: string | null;
    hasNextPage: boolean;
  };
}

export async function createSet(grantNumber: string, members: string[], dataGroups = ["ADDRESS"]) {
  const created = await call<{ createMonitoringSet: { id: string } }>(
    grantNumber,
    'mutation ($groups: [String!]!) { createMonitoringSet(input: { name: "trust", dataGroups: $groups }) { id } }',
    { groups: dataGroups },
  );
  expect(created.errors).toBeUndefined();
  const setId = created.data!.createMonitoringSet.id;
  if (members.length > 0) {
    const added = await call(grantNumber, ADD, { set: setId, codes: members });
    expect(added.errors).toBeUndefined();
  }
  return setId;
}

/** Resolves once the notifier has numbered `count` notifications of the set (delivered or not). */
export async function notified(setId: string, count: number) {
  for (;;) {
    const [row] = await sql`select last_event_no::int as n from monitoring.sets where id = ${Number(setId)}`;
    if ((row?.n as number) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Waits until the notifier has followed the change log up to its current end. */
export async function notifierCaughtUp() {
  const [end] = await sql`select coalesce(max(seq), 0)::bigint as seq from person.change_log`;
  for (;;) {
    const [position] = await sql`select min(change_seq) as change_seq from monitoring.notifier_partitions`;
    if (position && BigInt(position.change_seq) >= BigInt(end!.seq)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A change-log row registered at `changedAt`, as a register transaction begun then and committed now would leave. */
export async function registerChangeAt(personCode: string, changedAt: Date) {
  await sql.begin(async (tx) => {
    const [counter] = await tx`
      insert into person.change_sequence (id, value) values (1, 1)
      on conflict (id) do update set value = person.change_sequence.value + 1 returning value`;
    await tx`insert into person.change_log (seq, person_code, data_groups, kind, changed_at)
      values (${Number(counter!.value)}, ${personCode}, ${["ADDRESS"]}, 'TEST', ${changedAt})`;
    await tx`select pg_notify('register_changes', ${String(counter!.value)})`;
  });
}

export function refusal(response: GraphQLResponse) {
  return { code: response.errors?.[0]?.extensions?.code, message: response.errors?.[0]?.message ?? "" };
}

export function connect(grantNumber: string) {
  const client = createClient({
    url: platform.gatewayUrl.replace("http://", "ws://"),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${platform.requester.key}`, grant: grantNumber },
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
}
