import { createHash } from "node:crypto";
import { verifyAuditChain } from "@rnp/gateway/auditTrail";
import { parse, print } from "graphql";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  asAdmin,
  decide,
  getById,
  hexOf,
  postByHash,
  postById,
  postDocument,
  startCompositeStack,
  stopCompositeStack,
  submit,
} from "./support/compositeSets";
import { createGrant } from "./support/grants";
import { TEST_AUDIT_CHAIN_KEY, type TestPlatform } from "./support/platform";

let platform: TestPlatform;
let sql: postgres.Sql;
let personCode: string;
/** A grant of NAME and BIRTH only. */
let narrowGrant: string;

const CHECK = `query CustomerCheck($code: String!) {
  person(personCode: $code) { personCode givenName surname }
}`;

beforeAll(async () => {
  ({ platform, sql, personCode } = await startCompositeStack());
  narrowGrant = await createGrant(platform, { dataGroups: ["NAME", "BIRTH"] });
});
afterAll(stopCompositeStack);

describe("composite data sets: review and execution by id", () => {
  it("a submitted set lists its groups and fields, is refused while pending, and executes by id once approved", async () => {
    const submitted = await submit("Customer check", narrowGrant, CHECK);
    expect(submitted).toMatchObject({
      version: 1,
      status: "SUBMITTED",
      covered: true,
      fields: ["Person.givenName", "Person.surname"],
      dataGroups: [{ dataGroup: "NAME", covered: true }],
      compositeSet: { title: "Customer check", grant: { number: narrowGrant } },
    });
    // The id is the SHA-256 of the document as stored (printed, as Apollo's tools print it).
    expect(submitted.document).toBe(print(parse(CHECK)));
    expect(submitted.documentId).toBe(
      `sha256:${createHash("sha256").update(submitted.document).digest("hex")}`,
    );

    const pending = await postById(submitted.documentId, { code: personCode });
    expect(pending.status).toBe(404);
    expect(pending.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(pending.body.errors?.[0]?.message).toContain("submitCompositeSet");

    const listed = await platform.operator<{
      pendingCompositeSets: { nodes: { compositeSet: { id: string }; version: number }[] };
    }>("{ pendingCompositeSets(first: 100) { nodes { compositeSet { id } version } } }");
    expect(listed.pendingCompositeSets.nodes).toContainEqual({
      compositeSet: { id: submitted.compositeSet.id },
      version: 1,
    });

    const approved = await decide("approveCompositeSet", submitted);
    expect(approved.data?.approveCompositeSet?.status).toBe("APPROVED");

    const expected = { person: expect.objectContaining({ givenName: expect.any(String) }) };
    // The grant header may be left out: the set runs under its own grant.
    for (const answer of [
      await postById(submitted.documentId, { code: personCode }),
      await postById(hexOf(submitted.documentId), { code: personCode }, narrowGrant),
      await getById(submitted.documentId, { code: personCode }),
      await postByHash(hexOf(submitted.documentId), { code: personCode }),
    ]) {
      expect(answer.body.errors).toBeUndefined();
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual(expected);
    }
    // Another of the requester's grants is not the set's.
    const otherGrant = await postById(
      submitted.documentId,
      { code: personCode },
      platform.requester.grantNumber,
    );
    expect(otherGrant.status).toBe(403);
    expect(otherGrant.body.errors?.[0]?.message).toContain(`Grant: ${narrowGrant}`);
  });

  it("audit rows name the set and version executed, and the chain still verifies", async () => {
    const doc = "query BirthCheck($code: String!) { person(personCode: $code) { birthDate } }";
    const version = await submit("Birth check", narrowGrant, doc);
    await decide("approveCompositeSet", version);
    const answer = await postById(version.documentId, { code: personCode });
    expect(answer.body.errors).toBeUndefined();
    const requestId = answer.body.extensions?.requestId as string;
    const rows = await sql`select composite_set_id, composite_set_version, operation_name
      from audit.disclosures where request_id = ${requestId}`;
    expect(rows).toEqual([
      {
        composite_set_id: Number(version.compositeSet.id),
        composite_set_version: 1,
        operation_name: "BirthCheck",
      },
    ]);
    const adHoc = await postDocument(doc, { code: personCode }, narrowGrant);
    const [row] = await sql`select composite_set_id from audit.disclosures
      where request_id = ${adHoc.body.extensions?.requestId as string}`;
    expect(row).toEqual({ composite_set_id: null });
    expect(await verifyAuditChain(sql, { key: TEST_AUDIT_CHAIN_KEY })).toMatchObject({ ok: true });
  });

  it("an edited document is a new version that needs approval, while the approved one keeps working until retired", async () => {
    const first = await submit(
      "Names",
      narrowGrant,
      "query Names($code: String!) { person(personCode: $code) { surname } }",
    );
    await decide("approveCompositeSet", first);
    const revised = await asAdmin<{
      reviseCompositeSet: { version: number; status: string; documentId: string };
    }>(
      "mutation ($id: ID!, $doc: String!) { reviseCompositeSet(id: $id, document: $doc) { version status documentId } }",
      {
        id: first.compositeSet.id,
        doc: "query Names($code: String!) { person(personCode: $code) { surname givenName } }",
      },
    );
    expect(revised.errors).toBeUndefined();
    const second = revised.data!.reviseCompositeSet;
    expect(second).toMatchObject({ version: 2, status: "SUBMITTED" });
    expect(second.documentId).not.toBe(first.documentId);

    expect((await postById(first.documentId, { code: personCode })).status).toBe(200);
    const waiting = await postById(second.documentId, { code: personCode });
    expect(waiting.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");

    await decide("approveCompositeSet", { compositeSet: first.compositeSet, version: 2 });
    expect((await postById(second.documentId, { code: personCode })).body.data).toEqual({
      person: { surname: expect.any(String), givenName: expect.any(String) },
    });
    expect((await postById(first.documentId, { code: personCode })).status).toBe(200);

    const retired = await decide("retireCompositeSet", first, "Replaced by version 2");
    expect(retired.data?.retireCompositeSet).toMatchObject({
      status: "RETIRED",
      reason: "Replaced by version 2",
    });
    const gone = await postById(first.documentId, { code: personCode });
    expect(gone.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");

    const listed = await asAdmin<{
      compositeSets: { nodes: { id: string; versions: { version: number; status: string }[] }[] };
    }>("{ compositeSets { nodes { id versions { version status } } } }");
    expect(listed.data?.compositeSets.nodes.find((s) => s.id === first.compositeSet.id)?.versions).toEqual([
      { version: 2, status: "APPROVED" },
      { version: 1, status: "RETIRED" },
    ]);
  });

  it("a set over a group outside its grant cannot be approved, and can be rejected with a reason", async () => {
    const version = await submit(
      "Addresses",
      narrowGrant,
      "query Where($code: String!) { person(personCode: $code) { surname declaredAddress { declaredFrom } } }",
    );
    expect(version.covered).toBe(false);
    expect(version.dataGroups).toContainEqual({ dataGroup: "ADDRESS", covered: false });
    const refused = await decide("approveCompositeSet", version);
    expect(refused.errors?.[0]?.extensions?.code).toBe("COMPOSITE_SET_NOT_COVERED");
    expect(refused.errors?.[0]?.message).toContain(`ADDRESS, which grant ${narrowGrant} does not cover`);
    const rejected = await decide("rejectCompositeSet", version, "ADDRESS is not in your legal basis.");
    expect(rejected.data?.rejectCompositeSet).toMatchObject({
      status: "REJECTED",
      reason: "ADDRESS is not in your legal basis.",
    });
    const again = await decide("approveCompositeSet", version);
    expect(again.errors?.[0]?.extensions?.code).toBe("COMPOSITE_SET_NOT_COVERED");
  });

  it("documents that are not one named operation over persons are refused with what to change", async () => {
    const cases: [string, string][] = [
      ['query { person(personCode: "1") { surname } }', "Name the operation"],
      ["query A { dataGroups { name } }", "not a person field"],
      ['mutation M { revokeGrant(number: "G") { number } }', "not a mutation"],
      ['query Q { person(personCode: "1") { nope } }', "does not validate"],
      ["query Q {", "not valid GraphQL"],
    ];
    for (const [document, message] of cases) {
      const answer = await asAdmin(
        "mutation ($input: SubmitCompositeSetInput!) { submitCompositeSet(input: $input) { version } }",
        { input: { title: "x", grantNumber: narrowGrant, document } },
      );
      expect(answer.errors?.[0]?.extensions?.code, document).toBe("BAD_USER_INPUT");
      expect(answer.errors?.[0]?.message, document).toContain(message);
    }
    // The requester's REQUESTER key cannot submit; an unknown id is not found.
    const plain = await platform.query(
      "mutation ($input: SubmitCompositeSetInput!) { submitCompositeSet(input: $input) { version } }",
      { input: { title: "x", grantNumber: narrowGrant, document: CHECK } },
    );
    expect(plain.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const unknown = await postById(`sha256:${"0".repeat(64)}`, {});
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const malformed = await postById("CustomerCheck", {});
    expect(malformed.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(malformed.body.errors?.[0]?.message).toContain("`sha256:` and 64 lower-case hex digits");
  });
});
