import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerChanges } from "./support/changes";
import {
  CHANGES,
  type ChangePage,
  call,
  connect,
  createSet,
  monitoringGrant,
  notified,
  notifierCaughtUp,
  startMonitoringStack,
  stopMonitoringStack,
} from "./support/monitoringSets";
import type { GraphQLResponse, TestPlatform } from "./support/platform";

/**
 * Issue 7, item 3: a notification is a disclosure: the grant's conditions are judged at
 * delivery (by polling and by subscription) and each delivery is audited; the published view
 * of condition values agrees with the person subgraph.
 */

let platform: TestPlatform;
let sql: postgres.Sql;
let adults: string[];
let minors: string[];
const hyphenated = (code: string) => `${code.slice(0, 6)}-${code.slice(6)}`;

beforeAll(async () => {
  ({ platform, sql, adults, minors } = await startMonitoringStack());
});
afterAll(stopMonitoringStack);

describe("a notification is a disclosure", () => {
  it("deliver only persons inside the grant's conditions, numbering nothing for the others", async () => {
    const grant = await monitoringGrant([{ field: "age", operator: "GREATER_THAN", value: 18 }]);
    const [adult, minor] = [adults[10]!, minors[0]!];
    const setId = await createSet(grant, [adult, minor]);
    await registerChanges(sql, [
      { personCode: minor, dataGroups: ["ADDRESS"] },
      { personCode: minor, dataGroups: ["ADDRESS"] },
      { personCode: adult, dataGroups: ["ADDRESS"] },
      { personCode: minor, dataGroups: ["ADDRESS"] },
    ]);
    await notified(setId, 1);
    await notifierCaughtUp();
    const whole = await call<ChangePage>(grant, CHANGES, { set: setId, first: 100 });
    expect(whole.errors).toBeUndefined();
    expect(whole.data!.changes.nodes.map((n) => [n.eventNo, n.personCode])).toEqual([[1, hyphenated(adult)]]);
    expect(whole.data!.changes.hasNextPage).toBe(false);

    // One notification a page: the minor's changes were never numbered, so no empty pages.
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
    expect(pages).toEqual([{ events: [1], hasNextPage: false }]);
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
    // More of the minor's changes than one of the gateway's batches (500): none is numbered,
    // so the adult's come as 1 and 2, without a gap that would count the minor's.
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
      [1, hyphenated(adult)],
      [2, hyphenated(adult)],
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
    await notified(setId, 1);
    const before = await call<ChangePage>(grant, CHANGES, { set: setId });
    expect(before.data!.changes.nodes.map((n) => [n.eventNo, n.personCode])).toEqual([
      [1, hyphenated(mover!.person_code)],
    ]);
    const [flat] = await sql`select address_code from person.addresses
      where kind = 'FLAT' and municipality_code = ${other!.municipality_code} limit 1`;
    await platform.operator(
      "mutation ($code: String!, $address: String!, $from: Date!) { declareAddress(personCode: $code, addressCode: $address, from: $from) { personCode } }",
      { code: mover!.person_code, address: flat!.address_code, from: new Date().toISOString().slice(0, 10) },
    );
    // The move itself is registered once the mover is outside: it is not numbered.
    await notifierCaughtUp();
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
