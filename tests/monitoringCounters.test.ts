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
import type { TestPlatform } from "./support/platform";

/**
 * Issue 15: a monitoring set's counters are an existence and change oracle unless they move
 * only for members the grant covers. A member who fails the grant's conditions is added like
 * any other (adding tells nothing), but its changes move neither `lastEventNo`, nor a cursor,
 * nor the `eventNo` of the next delivered notification, by polling or by subscription.
 */

let platform: TestPlatform;
let sql: postgres.Sql;
let adults: string[];
let minors: string[];
const hyphenated = (code: string) => `${code.slice(0, 6)}-${code.slice(6)}`;
const ADULTS_ONLY = [{ field: "age", operator: "GREATER_THAN", value: 18 }];

beforeAll(async () => {
  ({ platform, sql, adults, minors } = await startMonitoringStack());
});
afterAll(stopMonitoringStack);

async function lastEventNo(grant: string, setId: string) {
  const answer = await call<{ monitoringSet: { lastEventNo: number } }>(
    grant,
    "query ($id: ID!) { monitoringSet(id: $id) { lastEventNo } }",
    { id: setId },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data!.monitoringSet.lastEventNo;
}

async function page(grant: string, setId: string, after: string | null) {
  const answer = await call<ChangePage>(grant, CHANGES, { set: setId, after, first: 100 });
  expect(answer.errors).toBeUndefined();
  return answer.data!.changes;
}

describe("a monitoring set's counters move only for members the grant covers", () => {
  it("polling: lastEventNo, endCursor and eventNo stay put while an uncovered member changes", async () => {
    const grant = await monitoringGrant(ADULTS_ONLY);
    const [adult, minor] = [adults[30]!, minors[3]!];
    const setId = await createSet(grant, [adult, minor]);
    expect(await lastEventNo(grant, setId)).toBe(0);

    // Nothing numbered yet, and the minor's changes number nothing: an empty set looks the same.
    await registerChanges(sql, [{ personCode: minor, dataGroups: ["ADDRESS"] }]);
    await notifierCaughtUp();
    expect(await lastEventNo(grant, setId)).toBe(0);
    expect(await page(grant, setId, null)).toEqual({ nodes: [], endCursor: null, hasNextPage: false });

    await registerChanges(sql, [{ personCode: adult, dataGroups: ["ADDRESS"] }]);
    await notified(setId, 1);
    const first = await page(grant, setId, null);
    expect(first.nodes.map((n) => [n.eventNo, n.personCode])).toEqual([[1, hyphenated(adult)]]);
    const cursor = first.endCursor;

    await registerChanges(
      sql,
      Array.from({ length: 5 }, () => ({ personCode: minor, dataGroups: ["ADDRESS"] })),
    );
    await notifierCaughtUp();
    expect(await lastEventNo(grant, setId)).toBe(1);
    expect(await page(grant, setId, cursor)).toEqual({ nodes: [], endCursor: cursor, hasNextPage: false });

    // The adult's next change comes as 2: no gap counts the minor's five.
    await registerChanges(sql, [{ personCode: adult, dataGroups: ["ADDRESS"] }]);
    await notified(setId, 2);
    const next = await page(grant, setId, cursor);
    expect(next.nodes.map((n) => [n.eventNo, n.personCode])).toEqual([[2, hyphenated(adult)]]);
    const [minorRows] =
      await sql`select count(*)::int as n from monitoring.notifications where set_id = ${Number(setId)} and person_code = ${minor}`;
    expect(minorRows!.n).toBe(0);
  });

  it("subscription: the next notification after an uncovered member's changes follows the last without a gap", async () => {
    const grant = await monitoringGrant(ADULTS_ONLY);
    const [adult, minor] = [adults[31]!, minors[4]!];
    const setId = await createSet(grant, [adult, minor]);
    const iterator = connect(grant).iterate<{ setChanges: { eventNo: number; personCode: string } }>({
      query: "subscription ($set: ID!) { setChanges(setId: $set) { eventNo personCode } }",
      variables: { set: setId },
    });
    await registerChanges(sql, [
      { personCode: minor, dataGroups: ["ADDRESS"] },
      { personCode: minor, dataGroups: ["ADDRESS"] },
      { personCode: adult, dataGroups: ["ADDRESS"] },
    ]);
    const { value } = await iterator.next();
    expect(value?.errors).toBeUndefined();
    expect(value?.data?.setChanges).toEqual({ eventNo: 1, personCode: hyphenated(adult) });
    await registerChanges(sql, [
      { personCode: minor, dataGroups: ["ADDRESS"] },
      { personCode: adult, dataGroups: ["ADDRESS"] },
    ]);
    const second = await iterator.next();
    expect(second.value?.data?.setChanges).toEqual({ eventNo: 2, personCode: hyphenated(adult) });
    await iterator.return?.();
    expect(await lastEventNo(grant, setId)).toBe(2);
  });

  it("follows a change of the grant's conditions from the next operation under the grant", async () => {
    const grant = await monitoringGrant(ADULTS_ONLY);
    const [adult, minor] = [adults[32]!, minors[5]!];
    const setId = await createSet(grant, [adult, minor]);
    await platform.operator(
      "mutation ($n: String!, $c: [GrantConditionInput!]) { updateGrant(number: $n, input: { conditions: $c }) { number } }",
      { n: grant, c: [{ field: "age", operator: "LESS_THAN", value: "18" }] },
    );
    // Any operation under the grant brings the set's copy of the conditions up to date.
    expect(await lastEventNo(grant, setId)).toBe(0);
    await registerChanges(sql, [
      { personCode: adult, dataGroups: ["ADDRESS"] },
      { personCode: minor, dataGroups: ["ADDRESS"] },
    ]);
    await notified(setId, 1);
    await notifierCaughtUp();
    expect(await lastEventNo(grant, setId)).toBe(1);
    const changes = await page(grant, setId, null);
    expect(changes.nodes.map((n) => [n.eventNo, n.personCode])).toEqual([[1, hyphenated(minor)]]);
  });
});
