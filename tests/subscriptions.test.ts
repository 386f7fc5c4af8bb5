import { type Client, createClient } from "graphql-ws";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { registerChanges } from "./support/changes";
import { createGrant } from "./support/grants";
import { startTestPlatform, type TestPlatform } from "./support/platform";

let platform: TestPlatform;
let sql: postgres.Sql;
let codes: string[];
const clients: Client[] = [];

beforeAll(async () => {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 2, onnotice: () => {} });
  codes = (
    await sql`select person_code from person.persons where death_date is null order by person_code limit 120`
  ).map((row) => row.person_code as string);
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await sql?.end();
  await platform?.stop();
});

function connect(
  params: Record<string, string> = {
    authorization: `Bearer ${platform.requester.key}`,
    grant: platform.requester.grantNumber,
  },
) {
  const client = createClient({
    url: platform.gatewayUrl.replace("http://", "ws://"),
    webSocketImpl: WebSocket,
    connectionParams: params,
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
}

async function createSetWith(
  members: string[],
  dataGroups = ["ADDRESS"],
  grantNumber = platform.requester.grantNumber,
) {
  const headers = platform.headersOf({ key: platform.requester.key, grantNumber });
  const created = await platform.query<{ createMonitoringSet: { id: string } }>(
    'mutation ($groups: [String!]!) { createMonitoringSet(input: { name: "live", dataGroups: $groups }) { id } }',
    { groups: dataGroups },
    { headers },
  );
  const setId = created.data!.createMonitoringSet.id;
  await platform.query(
    "mutation ($set: ID!, $codes: [String!]!) { addMonitoredPersons(setId: $set, personCodes: $codes) { changed } }",
    { set: setId, codes: members },
    { headers },
  );
  return setId;
}

interface Event {
  cursor: string;
  eventNo: number;
  personCode: string;
  person: { surname: string } | null;
}

const SUBSCRIPTION = `subscription ($set: ID!, $after: String) {
  setChanges(setId: $set, after: $after) { cursor eventNo personCode person { surname } }
}`;

/** Collects events until `stop(events)` says so; then unsubscribes at once. */
async function collect(
  client: Client,
  variables: Record<string, unknown>,
  stop: (events: Event[]) => boolean,
) {
  const events: Event[] = [];
  const iterator = client.iterate<{ setChanges: Event }>({ query: SUBSCRIPTION, variables });
  for await (const result of iterator) {
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    events.push(result.data!.setChanges);
    if (stop(events)) break;
  }
  return events;
}

describe("subscriptions through the gateway (graphql-ws)", () => {
  it("deliver live changes in order, each with the person's current data", async () => {
    const members = codes.slice(0, 20);
    const setId = await createSetWith(members);
    const client = connect();
    const received = collect(client, { set: setId }, (events) => events.length === 20);
    // Give the subscription a moment to be registered; it replays from the start anyway.
    await registerChanges(
      sql,
      members.map((personCode) => ({ personCode, dataGroups: ["ADDRESS"] })),
    );
    const events = await received;
    expect(events.map((e) => e.eventNo)).toEqual(members.map((_, i) => i + 1));
    expect(events.map((e) => e.personCode.replace("-", ""))).toEqual(members);
    const [row] = await sql`select surname from person.persons where person_code = ${members[0]!}`;
    expect(events[0]!.person).toEqual({ surname: row!.surname });
  });

  it("after a dropped connection, resume from the last cursor and end with exactly the full sequence", async () => {
    const members = codes.slice(20, 120);
    const setId = await createSetWith(members);
    const first = connect();
    const part = collect(first, { set: setId }, (events) => events.length === 30);
    await registerChanges(
      sql,
      members.map((personCode) => ({ personCode, dataGroups: ["ADDRESS"] })),
    );
    const before = await part;
    await first.dispose();
    const second = connect();
    const after = await collect(
      second,
      { set: setId, after: before.at(-1)!.cursor },
      (events) => events.at(-1)!.eventNo === 100,
    );
    const all = [...before, ...after].map((e) => e.eventNo);
    expect(all).toEqual(members.map((_, i) => i + 1));
  });

  it("deliver a register change made through the operator's mutation, with the new address", async () => {
    const member = codes[5]!;
    const setId = await createSetWith([member]);
    const [flat] = await sql`
      select a.address_code from person.addresses a where a.kind = 'FLAT' and a.address_code not in (
        select address_code from person.declared_addresses where person_code = ${member}) limit 1`;
    const client = connect();
    const iterator = client.iterate<{
      setChanges: {
        eventNo: number;
        dataGroups: string[];
        person: { declaredAddress: { address: { addressCode: string } } };
      };
    }>({
      query: `subscription ($set: ID!) { setChanges(setId: $set) {
        eventNo dataGroups person { declaredAddress { address { addressCode } } } } }`,
      variables: { set: setId },
    });
    await platform.operator(
      "mutation ($code: String!, $address: String!, $from: Date!) { declareAddress(personCode: $code, addressCode: $address, from: $from) { personCode } }",
      { code: member, address: flat!.address_code, from: new Date().toISOString().slice(0, 10) },
    );
    const { value } = await iterator.next();
    expect(value?.data?.setChanges).toEqual({
      eventNo: 1,
      dataGroups: ["ADDRESS"],
      person: { declaredAddress: { address: { addressCode: flat!.address_code } } },
    });
    await iterator.return?.();
  });

  it("count the persons delivered against the grant's daily quota, and end with QUOTA_EXCEEDED when it is used up", async () => {
    const number = await createGrant(platform, { dataGroups: ["ADDRESS", "NAME"], dailyQuota: 2 });
    await platform.operator(
      `mutation { updateGrant(number: "${number}", input: { monitoringAllowed: true }) { number } }`,
    );
    const setId = await createSetWith([codes[7]!, codes[8]!], ["ADDRESS"], number);
    const client = connect({ authorization: `Bearer ${platform.requester.key}`, grant: number });
    const events: Event[] = [];
    const ended = new Promise<unknown>((resolve) => {
      client.subscribe<{ setChanges: Event }>(
        { query: SUBSCRIPTION, variables: { set: setId } },
        {
          next: (result) => {
            if (result.errors) resolve(result.errors[0]);
            else events.push(result.data!.setChanges);
          },
          error: resolve,
          complete: () => resolve("completed without an error"),
        },
      );
    });
    // Two persons delivered use up the quota of 2; idle re-checks (every 300 ms here)
    // disclose nobody and count nothing, and the next one is refused.
    await registerChanges(sql, [
      { personCode: codes[7]!, dataGroups: ["ADDRESS"] },
      { personCode: codes[8]!, dataGroups: ["ADDRESS"] },
    ]);
    const error = await ended;
    expect(events.map((e) => e.eventNo)).toEqual([1, 2]);
    expect(error).toMatchObject({
      message: expect.stringContaining(`Grant ${number} allows 2 persons disclosed a day`),
      extensions: { code: "QUOTA_EXCEEDED" },
    });
  });

  it("refuse an invalid subscription with the code Apollo gives it over HTTP", async () => {
    const client = connect();
    const refusal = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: "subscription { setChanges(setId: 1) { shoeSize } }" },
        { next: () => {}, error: resolve, complete: () => resolve("completed without an error") },
      );
    });
    expect(refusal).toEqual([
      expect.objectContaining({
        message: 'Cannot query field "shoeSize" on type "ChangeNotification".',
        extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
      }),
    ]);
  });

  it("refuse a connection with an unknown key", async () => {
    const client = connect({ authorization: "Bearer rnp_unknown" });
    await expect(collect(client, { set: "1" }, () => true)).rejects.toMatchObject({ code: 4403 });
  });

  /** Subscribes to the set under `grant`, sees its first notification, then returns the next error. */
  async function errorAfter(setId: string, grant: string, member: string, withdraw: () => Promise<unknown>) {
    const client = connect({ authorization: `Bearer ${platform.requester.key}`, grant });
    const iterator = client.iterate<{ setChanges: Event }>({
      query: SUBSCRIPTION,
      variables: { set: setId },
    });
    await registerChanges(sql, [{ personCode: member, dataGroups: ["ADDRESS"] }]);
    const first = await iterator.next();
    expect(first.value?.errors).toBeUndefined();
    expect(first.value?.data?.setChanges.eventNo).toBe(1);
    await withdraw();
    try {
      for await (const result of iterator) {
        if (result.errors) return result.errors[0] as { message: string; extensions?: { code?: string } };
      }
    } catch (thrown) {
      return thrown as { message: string; extensions?: { code?: string } };
    }
    return undefined;
  }

  async function monitoringGrant() {
    const number = await createGrant(platform, { dataGroups: ["ADDRESS", "NAME"] });
    await platform.operator(
      `mutation { updateGrant(number: "${number}", input: { monitoringAllowed: true }) { number } }`,
    );
    return number;
  }

  it("end the subscription with FORBIDDEN when its grant is revoked", async () => {
    const number = await monitoringGrant();
    const setId = await createSetWith(codes.slice(0, 2), ["ADDRESS"], number);
    const error = await errorAfter(setId, number, codes[0]!, () =>
      platform.operator(`mutation { revokeGrant(number: "${number}") { revokedAt } }`),
    );
    expect(error?.extensions?.code).toBe("FORBIDDEN");
    expect(error?.message).toContain("was revoked");
  });

  it("end the subscription with FORBIDDEN when its grant no longer allows monitoring", async () => {
    const number = await monitoringGrant();
    const setId = await createSetWith(codes.slice(2, 4), ["ADDRESS"], number);
    const error = await errorAfter(setId, number, codes[2]!, () =>
      platform.operator(
        `mutation { updateGrant(number: "${number}", input: { monitoringAllowed: false }) { number } }`,
      ),
    );
    expect(error?.extensions?.code).toBe("FORBIDDEN");
    expect(error?.message).toContain(`Grant ${number} no longer allows monitoring`);
  });

  it("refuse a subscription under another grant than the set's with FORBIDDEN, before any notification", async () => {
    const number = await monitoringGrant();
    const setId = await createSetWith(codes.slice(4, 6), ["ADDRESS"], number);
    await registerChanges(sql, [{ personCode: codes[4]!, dataGroups: ["ADDRESS"] }]);
    const client = connect(); // the requester's other grant, which allows monitoring too
    const results: unknown[] = [];
    for await (const result of client.iterate<{ setChanges: Event }>({
      query: SUBSCRIPTION,
      variables: { set: setId },
    })) {
      results.push(result);
      if (result.errors) break;
    }
    expect(results).toEqual([
      {
        errors: [
          expect.objectContaining({
            message: expect.stringContaining(`Set ${setId} was created under grant ${number}`),
            extensions: expect.objectContaining({ code: "FORBIDDEN" }),
          }),
        ],
      },
    ]);
  });
});
