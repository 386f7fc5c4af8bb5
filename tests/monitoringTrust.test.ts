import { type Client, createClient } from "graphql-ws";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { registerChanges } from "./support/changes";
import { createGrant } from "./support/grants";
import { type GraphQLResponse, startTestPlatform, type TestPlatform } from "./support/platform";

/**
 * Issue 7, item 3: monitoring runs under the set's own grant, a notification is a disclosure
 * (conditions at delivery, audited), and a member hears only of changes since it was added.
 * Everything goes through the gateway as a client would; SQL only sets up register changes
 * and reads the audit.
 */

let platform: TestPlatform;
let sql: postgres.Sql;
let adults: string[];
let minors: string[];
const clients: Client[] = [];
const hyphenated = (code: string) => `${code.slice(0, 6)}-${code.slice(6)}`;

beforeAll(async () => {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 2, onnotice: () => {} });
  adults = (
    await sql`select person_code from person.persons
      where death_date is null and birth_date < now() - interval '30 years' order by person_code limit 40`
  ).map((row) => row.person_code as string);
  minors = (
    await sql`select person_code from person.persons
      where death_date is null and birth_date > now() - interval '16 years' order by person_code limit 10`
  ).map((row) => row.person_code as string);
  expect(minors.length).toBeGreaterThan(2);
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await sql?.end();
  await platform?.stop();
});

function call<T>(grantNumber: string, query: string, variables: Record<string, unknown> = {}) {
  return platform.query<T>(query, variables, {
    headers: platform.headersOf({ key: platform.requester.key, grantNumber }),
  });
}

/** A grant of the test requester that allows monitoring. */
async function monitoringGrant(conditions: { field: string; operator: string; value: unknown }[] = []) {
  const number = await createGrant(platform, { dataGroups: ["ADDRESS", "NAME"], conditions });
  await setMonitoringAllowed(number, true);
  return number;
}

function setMonitoringAllowed(number: string, allowed: boolean) {
  return platform.operator(
    "mutation ($n: String!, $a: Boolean!) { updateGrant(number: $n, input: { monitoringAllowed: $a }) { number } }",
    { n: number, a: allowed },
  );
}

const ADD =
  "mutation ($set: ID!, $codes: [String!]!) { addMonitoredPersons(setId: $set, personCodes: $codes) { changed } }";
const CHANGES = `query ($set: ID!, $after: String, $first: Int) {
  changes(setId: $set, after: $after, first: $first) {
    nodes { cursor eventNo personCode dataGroups person { surname } } endCursor hasNextPage } }`;

interface ChangePage {
  changes: {
    nodes: { cursor: string; eventNo: number; personCode: string; dataGroups: string[] }[];
    endCursor: string | null;
    hasNextPage: boolean;
  };
}

async function createSet(grantNumber: string, members: string[], dataGroups = ["ADDRESS"]) {
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
async function notified(setId: string, count: number) {
  for (;;) {
    const [row] = await sql`select last_event_no::int as n from monitoring.sets where id = ${Number(setId)}`;
    if ((row?.n as number) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Waits until the notifier has followed the change log up to its current end. */
async function notifierCaughtUp() {
  const [end] = await sql`select coalesce(max(seq), 0)::bigint as seq from person.change_log`;
  for (;;) {
    const [position] = await sql`select change_seq from monitoring.follower_position where id = 1`;
    if (position && BigInt(position.change_seq) >= BigInt(end!.seq)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A change-log row registered at `changedAt`, as a register transaction begun then and committed now would leave. */
async function registerChangeAt(personCode: string, changedAt: Date) {
  await sql.begin(async (tx) => {
    const [counter] = await tx`
      insert into person.change_sequence (id, value) values (1, 1)
      on conflict (id) do update set value = person.change_sequence.value + 1 returning value`;
    await tx`insert into person.change_log (seq, person_code, data_groups, kind, changed_at)
      values (${Number(counter!.value)}, ${personCode}, ${["ADDRESS"]}, 'TEST', ${changedAt})`;
    await tx`select pg_notify('register_changes', ${String(counter!.value)})`;
  });
}

function refusal(response: GraphQLResponse) {
  return { code: response.errors?.[0]?.extensions?.code, message: response.errors?.[0]?.message ?? "" };
}

function connect(grantNumber: string) {
  const client = createClient({
    url: platform.gatewayUrl.replace("http://", "ws://"),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${platform.requester.key}`, grant: grantNumber },
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
}

describe("monitoring runs under the set's own grant", () => {
  it("refuse the set's changes, members and additions under another grant of the requester", async () => {
    const own = await monitoringGrant();
    const setId = await createSet(own, [adults[0]!]);
    const other = platform.requester.grantNumber; // valid, allows monitoring, covers ADDRESS
    for (const [query, variables] of [
      [CHANGES, { set: setId }],
      [ADD, { set: setId, codes: [adults[1]!] }],
      ["query ($id: ID!) { monitoringSet(id: $id) { memberCount } }", { id: setId }],
    ] as const) {
      const { code, message } = refusal(await call(other, query, variables));
      expect(code).toBe("FORBIDDEN");
      expect(message).toContain(`Set ${setId} was created under grant ${own}`);
      expect(message).toContain("name that grant in the `Grant` header");
    }
    const listed = await call<{ monitoringSets: { id: string }[] }>(other, "{ monitoringSets { id } }");
    expect(listed.data!.monitoringSets.map((set) => set.id)).not.toContain(setId);
    const under = await call<{ monitoringSets: { id: string; grantNumber: string }[] }>(
      own,
      "{ monitoringSets { id grantNumber } }",
    );
    expect(under.data!.monitoringSets).toEqual([{ id: setId, grantNumber: own }]);
  });

  it("refuse changes and additions once the grant no longer allows monitoring, and serve them again when it does", async () => {
    const grant = await monitoringGrant();
    const setId = await createSet(grant, [adults[2]!]);
    await setMonitoringAllowed(grant, false);
    for (const [query, variables] of [
      [CHANGES, { set: setId }],
      [ADD, { set: setId, codes: [adults[3]!] }],
    ] as const) {
      const { code, message } = refusal(await call(grant, query, variables));
      expect(code).toBe("FORBIDDEN");
      expect(message).toContain(`Grant ${grant} no longer allows monitoring`);
    }
    await setMonitoringAllowed(grant, true);
    expect((await call(grant, CHANGES, { set: setId })).errors).toBeUndefined();
  });

  it("refuse changes once the grant no longer covers the set's groups", async () => {
    const grant = await monitoringGrant();
    const setId = await createSet(grant, [adults[4]!], ["ADDRESS"]);
    await platform.operator(
      "mutation ($n: String!) { updateGrant(number: $n, input: { dataGroups: [NAME] }) { number } }",
      { n: grant },
    );
    const { code, message } = refusal(
      await call(grant, "query ($set: ID!) { changes(setId: $set) { endCursor } }", { set: setId }),
    );
    expect(code).toBe("FORBIDDEN");
    expect(message).toContain("monitors ADDRESS, which grant");
  });

  it("refuse everything after revocation, yet let the set be emptied and deleted under another grant", async () => {
    const grant = await monitoringGrant();
    const setId = await createSet(grant, [adults[5]!]);
    await platform.operator("mutation ($n: String!) { revokeGrant(number: $n) { revokedAt } }", { n: grant });
    for (const [query, variables] of [
      [CHANGES, { set: setId }],
      [ADD, { set: setId, codes: [adults[6]!] }],
    ] as const) {
      const { code, message } = refusal(await call(grant, query, variables));
      expect(code).toBe("FORBIDDEN");
      expect(message).toContain("was revoked");
    }
    // Under the requester's other grant it is still the revoked grant's set: no changes…
    expect(refusal(await call(platform.requester.grantNumber, CHANGES, { set: setId })).code).toBe(
      "FORBIDDEN",
    );
    // …but reducing monitoring stays possible.
    const removed = await call<{ removeMonitoredPersons: { changed: number } }>(
      platform.requester.grantNumber,
      "mutation ($set: ID!, $codes: [String!]!) { removeMonitoredPersons(setId: $set, personCodes: $codes) { changed } }",
      { set: setId, codes: [adults[5]!] },
    );
    expect(removed.data?.removeMonitoredPersons.changed).toBe(1);
    const deleted = await call<{ deleteMonitoringSet: boolean }>(
      platform.requester.grantNumber,
      "mutation ($id: ID!) { deleteMonitoringSet(id: $id) }",
      { id: setId },
    );
    expect(deleted.data?.deleteMonitoringSet).toBe(true);
  });
});

describe("a notification is a disclosure", () => {
  it("deliver only persons inside the grant's conditions, paging past the others without loops", async () => {
    const grant = await monitoringGrant([{ field: "age", operator: "GREATER_THAN", value: 18 }]);
    const [adult, minor] = [adults[10]!, minors[0]!];
    const setId = await createSet(grant, [adult, minor]);
    await registerChanges(sql, [
      { personCode: minor, dataGroups: ["ADDRESS"] },
      { personCode: minor, dataGroups: ["ADDRESS"] },
      { personCode: adult, dataGroups: ["ADDRESS"] },
      { personCode: minor, dataGroups: ["ADDRESS"] },
    ]);
    await notified(setId, 4);
    const whole = await call<ChangePage>(grant, CHANGES, { set: setId, first: 100 });
    expect(whole.errors).toBeUndefined();
    expect(whole.data!.changes.nodes.map((n) => [n.eventNo, n.personCode])).toEqual([[3, hyphenated(adult)]]);
    expect(whole.data!.changes.hasNextPage).toBe(false);

    // One notification a page: the withheld ones give empty pages that still move on.
    const pages: { events: number[]; hasNextPage: boolean }[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: GraphQLResponse<ChangePage> = await call<ChangePage>(grant, CHANGES, {
        set: setId,
        after,
        first: 1,
      });
      pages.push({
        events: page.data!.changes.nodes.map((n) => n.eventNo),
        hasNextPage: page.data!.changes.hasNextPage,
      });
      after = page.data!.changes.endCursor;
      if (!page.data!.changes.hasNextPage) break;
    }
    expect(pages).toEqual([
      { events: [], hasNextPage: true },
      { events: [], hasNextPage: true },
      { events: [3], hasNextPage: true },
      { events: [], hasNextPage: false },
    ]);
    // Nothing of the minor was audited; the adult once per request that delivered it.
    const [minorRows] =
      await sql`select count(*)::int as n from audit.disclosures where person_code = ${minor}`;
    expect(minorRows!.n).toBe(0);
  });

  it("never send a subscriber a person outside the grant's conditions", async () => {
    const grant = await monitoringGrant([{ field: "age", operator: "GREATER_THAN", value: 18 }]);
    const [adult, minor] = [adults[11]!, minors[1]!];
    const setId = await createSet(grant, [adult, minor]);
    const client = connect(grant);
    const iterator = client.iterate<{ setChanges: { eventNo: number; personCode: string } }>({
      query: "subscription ($set: ID!) { setChanges(setId: $set) { eventNo personCode person { surname } } }",
      variables: { set: setId },
    });
    // More withheld notifications than one of the gateway's batches (500): the stream must
    // move past a batch with nothing to deliver rather than run it again and again.
    await registerChanges(sql, [
      ...Array.from({ length: 600 }, () => ({ personCode: minor, dataGroups: ["ADDRESS"] })),
      { personCode: adult, dataGroups: ["ADDRESS"] },
      { personCode: minor, dataGroups: ["ADDRESS"] },
      { personCode: adult, dataGroups: ["ADDRESS"] },
    ]);
    const received: [number, string][] = [];
    for (;;) {
      const { value } = await iterator.next();
      expect(value?.errors).toBeUndefined();
      received.push([value!.data!.setChanges.eventNo, value!.data!.setChanges.personCode]);
      if (received.length === 2) break;
    }
    await iterator.return?.();
    expect(received).toEqual([
      [601, hyphenated(adult)],
      [603, hyphenated(adult)],
    ]);
    const [minorRows] =
      await sql`select count(*)::int as n from audit.disclosures where person_code = ${minor}`;
    expect(minorRows!.n).toBe(0);
  });

  it("judge the conditions on the day of delivery: a member who moves out of the municipality is no longer notified", async () => {
    const [mover, other] = await sql`
      select distinct on (a.municipality_code) d.person_code, a.municipality_code
        from person.declared_addresses d join person.addresses a on a.address_code = d.address_code
        join person.persons p on p.person_code = d.person_code
       where d.kind = 'DECLARED' and d.declared_to is null and p.death_date is null
         and p.birth_date < now() - interval '30 years'
         and d.person_code not in ${sql(adults)}
       order by a.municipality_code, d.person_code limit 2`;
    const grant = await monitoringGrant([
      { field: "municipalityCode", operator: "EQUALS", value: mover!.municipality_code },
    ]);
    const setId = await createSet(grant, [mover!.person_code, other!.person_code]);
    await registerChanges(sql, [
      { personCode: other!.person_code, dataGroups: ["ADDRESS"] },
      { personCode: mover!.person_code, dataGroups: ["ADDRESS"] },
    ]);
    await notified(setId, 2);
    const before = await call<ChangePage>(grant, CHANGES, { set: setId });
    expect(before.data!.changes.nodes.map((n) => [n.eventNo, n.personCode])).toEqual([
      [2, hyphenated(mover!.person_code)],
    ]);
    const [flat] = await sql`select address_code from person.addresses
      where kind = 'FLAT' and municipality_code = ${other!.municipality_code} limit 1`;
    await platform.operator(
      "mutation ($code: String!, $address: String!, $from: Date!) { declareAddress(personCode: $code, addressCode: $address, from: $from) { personCode } }",
      { code: mover!.person_code, address: flat!.address_code, from: new Date().toISOString().slice(0, 10) },
    );
    await notified(setId, 3);
    const after = await call<ChangePage>(grant, CHANGES, { set: setId });
    expect(after.errors).toBeUndefined();
    expect(after.data!.changes.nodes).toEqual([]);
    expect(after.data!.changes.hasNextPage).toBe(false);
  });

  it("audit one row per request and person: the changed groups and the person data selected", async () => {
    const grant = await monitoringGrant();
    const [a, b] = [adults[20]!, adults[21]!];
    const setId = await createSet(grant, [a, b], ["ADDRESS", "NAME"]);
    await registerChanges(sql, [
      { personCode: a, dataGroups: ["ADDRESS"] },
      { personCode: a, dataGroups: ["NAME"] },
      { personCode: b, dataGroups: ["ADDRESS"] },
    ]);
    await notified(setId, 3);
    // No person data selected: the notifications alone disclose a (ADDRESS, NAME) and b (ADDRESS).
    const bare = await call<ChangePage>(
      grant,
      "query ($set: ID!) { changes(setId: $set) { nodes { eventNo personCode dataGroups } } }",
      { set: setId },
    );
    expect(bare.data!.changes.nodes).toHaveLength(3);
    const bareRows = await sql`select person_code, data_groups from audit.disclosures
      where grant_number = ${grant} order by person_code`;
    expect(bareRows.map((r) => [r.person_code, r.data_groups])).toEqual([
      [a, ["ADDRESS", "NAME"]],
      [b, ["ADDRESS"]],
    ]);
    // With `person { surname }`: b's row gains NAME, still one row per person for the request.
    const full = await call<ChangePage>(grant, CHANGES, { set: setId });
    expect(full.data!.changes.nodes).toHaveLength(3);
    const rows = await sql`select person_code, data_groups, request_id from audit.disclosures
      where grant_number = ${grant} order by seq`;
    expect(rows).toHaveLength(4);
    const second = rows.slice(2).map((r) => [r.person_code, r.data_groups]);
    expect(second.sort()).toEqual([
      [a, ["ADDRESS", "NAME"]],
      [b, ["ADDRESS", "NAME"]],
    ]);
    expect(new Set(rows.map((r) => r.request_id)).size).toBe(2);
  });
});

describe("members hear only of changes made after they were added", () => {
  it("do not notify a change registered before the member was added, though followed after", async () => {
    const grant = await monitoringGrant();
    const person = adults[30]!;
    const setId = await createSet(grant, []);
    const [{ now }] = (await sql`select now() as now`) as unknown as [{ now: Date }];
    await call(grant, ADD, { set: setId, codes: [person] });
    // Begun a second before the addition, committed after it: not the member's change.
    await registerChangeAt(person, new Date(now.getTime() - 1_000));
    await registerChanges(sql, [{ personCode: person, dataGroups: ["ADDRESS"] }]);
    await notifierCaughtUp();
    const page = await call<ChangePage>(grant, CHANGES, { set: setId });
    expect(page.data!.changes.nodes.map((n) => [n.eventNo, n.personCode])).toEqual([[1, hyphenated(person)]]);
  });

  it("give a removed and re-added member nothing from before it came back", async () => {
    const grant = await monitoringGrant();
    const person = adults[31]!;
    const setId = await createSet(grant, [person]);
    const [{ now: whileFirstMember }] = (await sql`select now() as now`) as unknown as [{ now: Date }];
    await call(
      grant,
      "mutation ($set: ID!, $codes: [String!]!) { removeMonitoredPersons(setId: $set, personCodes: $codes) { changed } }",
      { set: setId, codes: [person] },
    );
    await call(grant, ADD, { set: setId, codes: [person] });
    await registerChangeAt(person, whileFirstMember);
    await notifierCaughtUp();
    const page = await call<ChangePage>(grant, CHANGES, { set: setId });
    expect(page.data!.changes.nodes).toEqual([]);
  });
});

describe("the published view of condition values", () => {
  it("is read-only and agrees with what the person subgraph tests", async () => {
    await expect(
      sql`update person.condition_subjects set sex = 'MALE' where person_code = ${adults[0]!}`,
    ).rejects.toThrow(/cannot update view/);
    const [row] = await sql`select * from person.condition_subjects where person_code = ${adults[0]!}`;
    const [person] = await sql`select birth_date, sex::text, death_date from person.persons
      where person_code = ${adults[0]!}`;
    expect(row).toMatchObject({ birth_date: person!.birth_date, sex: person!.sex, deceased: false });
  });
});
