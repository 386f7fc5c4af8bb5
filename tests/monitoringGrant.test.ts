import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADD,
  CHANGES,
  call,
  createSet,
  monitoringGrant,
  refusal,
  setMonitoringAllowed,
  startMonitoringStack,
  stopMonitoringStack,
} from "./support/monitoringSets";
import type { TestPlatform } from "./support/platform";

/**
 * Issue 7, item 3: monitoring runs under the set's own grant; another grant of the requester,
 * one that no longer allows monitoring or covers the set's groups, or a revoked one is refused.
 */

let platform: TestPlatform;
let adults: string[];

beforeAll(async () => {
  ({ platform, adults } = await startMonitoringStack());
});
afterAll(stopMonitoringStack);

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
