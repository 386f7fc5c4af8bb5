/**
 * A composite set's review finds what the gateway will need when the set runs, marked
 * arguments included: the groups shown to the operator are the ones a run needs, and a set
 * whose grant lacks one cannot be approved (rather than approved and refused on every run).
 */
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decide, postById, startCompositeStack, stopCompositeStack, submit } from "./support/compositeSets";
import { createGrant } from "./support/grants";
import type { TestPlatform } from "./support/platform";

let platform: TestPlatform;
let sql: postgres.Sql;

/** A document per set (a requester cannot hold one document in two sets). */
const byDocument = (name: string) => `query ${name}($number: String!) {
  searchPersons(documentNumber: $number) { nodes { person { surname } } }
}`;

beforeAll(async () => {
  ({ platform, sql } = await startCompositeStack());
});
afterAll(stopCompositeStack);

describe("composite data sets: marked arguments", () => {
  it("a set that writes `searchPersons(documentNumber:)` is reviewed with DOCUMENTS, and is not covered by a grant without it", async () => {
    const narrow = await createGrant(platform, { dataGroups: ["NAME", "BIRTH"] });
    const version = await submit("Holder of a document", narrow, byDocument("HolderOf"));
    expect(version.dataGroups).toEqual([
      { dataGroup: "DOCUMENTS", covered: false },
      { dataGroup: "NAME", covered: true },
    ]);
    expect(version.fields).toEqual(["Person.surname"]);
    expect(version.covered).toBe(false);
    const refused = await decide("approveCompositeSet", version);
    expect(refused.errors?.[0]?.extensions?.code).toBe("COMPOSITE_SET_NOT_COVERED");
    expect(refused.errors?.[0]?.message).toContain(`DOCUMENTS, which grant ${narrow} does not cover`);
  });

  it("under a grant with the argument's group, the approved set runs", async () => {
    const grant = await createGrant(platform, { dataGroups: ["NAME", "DOCUMENTS"] });
    const version = await submit("Holder of a document (covered)", grant, byDocument("CoveredHolderOf"));
    expect(version.covered).toBe(true);
    const approved = await decide("approveCompositeSet", version);
    expect(approved.errors).toBeUndefined();
    const [row] = await sql`select number from person.identity_documents order by id limit 1`;
    const answer = await postById(version.documentId, { number: row!.number as string });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.status).toBe(200);
    expect(answer.body.data).toEqual({
      searchPersons: { nodes: [{ person: { surname: expect.any(String) } }] },
    });
  });
});
