import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerChanges } from "./support/changes";
import {
  ADD,
  CHANGES,
  type ChangePage,
  call,
  createSet,
  monitoringGrant,
  notifierCaughtUp,
  registerChangeAt,
  startMonitoringStack,
  stopMonitoringStack,
} from "./support/monitoringSets";

/** Issue 7, item 3: a member of a monitoring set hears only of changes made after it was added. */

let sql: postgres.Sql;
let adults: string[];
const hyphenated = (code: string) => `${code.slice(0, 6)}-${code.slice(6)}`;

beforeAll(async () => {
  ({ sql, adults } = await startMonitoringStack());
});
afterAll(stopMonitoringStack);

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
