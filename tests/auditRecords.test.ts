import { provisionRequester, syntheticRegistrationNumber } from "@rnp/platform/provision";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, startAuditStack, stopAuditStack, verify } from "./support/audit";
import { createGrant } from "./support/grants";
import type { TestPlatform } from "./support/platform";

// The audit records one entry per (request, person) disclosed, with the groups disclosed, none
// for refusals, and keeps its chain whole under concurrent requests.

let platform: TestPlatform;
let sql: postgres.Sql;

beforeAll(async () => {
  ({ platform, sql } = await startAuditStack());
});
afterAll(stopAuditStack);

/** The audit entries of one request: personal code → sorted data groups. */
async function entriesOf(requestId: string) {
  const rows =
    await sql`select person_code, data_groups from audit.disclosures where request_id = ${requestId}`;
  return Object.fromEntries(rows.map((row) => [row.person_code as string, row.data_groups as string[]]));
}

describe("audit completeness", () => {
  it("holds exactly one entry per (request, person) disclosed, with the groups disclosed, and none for refusals", async () => {
    const codes = (
      await sql`select p.person_code from person.persons p
        join person.marriages m on m.spouse_a = p.person_code and m.divorced_on is null
        join person.persons s on s.person_code = m.spouse_b and s.death_date is null
        where p.death_date is null order by p.person_code limit 4`
    ).map((row) => row.person_code as string);
    const [a, b, c, d] = codes as [string, string, string, string];
    const [spouse] =
      await sql`select spouse_b from person.marriages where spouse_a = ${d} and divorced_on is null`;

    const single = await run(
      "query One($c: String!) { person(personCode: $c) { givenName birthDate } }",
      { c: a },
      undefined,
      // The client's id is only a correlation id: spaces and control characters dropped, cut to 64.
      { "x-request-id": `my ref 42 ${"x".repeat(100)}` },
    );
    const correlationId = `myref42${"x".repeat(57)}`;
    expect(single.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(single.extensions?.correlationId).toBe(correlationId);
    const batch = await run(
      "query ($cs: [String!]!) { persons(personCodes: $cs) { surname declaredAddress { address { fullAddress } } } }",
      { cs: [b, c, "010150-00010", "12345"] },
    );
    const family = await run(
      "query ($c: String!) { person(personCode: $c) { personCode spouse { givenName } } }",
      {
        c: d,
      },
    );
    const nameOnly = await createGrant(platform, { dataGroups: ["NAME"] });
    const refused = await run(
      "query ($c: String!) { person(personCode: $c) { declaredAddress { declaredFrom } } }",
      { c: a },
      nameOnly,
    );
    const unknown = await run("query ($c: String!) { person(personCode: $c) { givenName } }", {
      c: "010150-00010",
    });

    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await entriesOf(single.requestId)).toEqual({ [a]: ["BIRTH", "NAME"] });
    expect(await entriesOf(batch.requestId)).toEqual({ [b]: ["ADDRESS", "NAME"], [c]: ["ADDRESS", "NAME"] });
    expect(await entriesOf(family.requestId)).toEqual({ [d]: ["FAMILY"], [spouse!.spouse_b]: ["NAME"] });
    expect(await entriesOf(refused.requestId)).toEqual({});
    expect(await entriesOf(unknown.requestId)).toEqual({});

    const [row] = await sql`select * from audit.disclosures where request_id = ${single.requestId}`;
    expect(row).toMatchObject({
      requester_id: Number(platform.requester.requesterId),
      grant_number: platform.requester.grantNumber,
      purpose: "Whole-stack tests",
      operation_name: "One",
      client_address: expect.stringMatching(/127\.0\.0\.1/),
      correlation_id: correlationId,
    });
    expect(row!.operation_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("audit under concurrency", () => {
  it("records each of 50 simultaneous requests once and keeps the chain whole", async () => {
    const codes = (await sql`select person_code from person.persons order by person_code desc limit 50`).map(
      (row) => row.person_code as string,
    );
    const results = await Promise.all(
      codes.map((c) => run("query ($c: String!) { person(personCode: $c) { surname } }", { c })),
    );
    const ids = results.map((r) => r.requestId);
    const rows =
      await sql`select request_id, person_code from audit.disclosures where request_id in ${sql(ids)}`;
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => r.request_id)).size).toBe(50);
    expect(await verify()).toMatchObject({ ok: true });
  });

  it("records 8 simultaneous batches of 1 000 persons while another requester's single query goes through", async () => {
    const all = (await sql`select person_code from person.persons order by person_code limit 3000`).map(
      (row) => row.person_code as string,
    );
    const other = await provisionRequester(platform.gatewayUrl, platform.operatorKey, {
      name: "Otra Banka AS",
      registrationNumber: syntheticRegistrationNumber(3),
      dataGroups: ["NAME"],
      purpose: "Another requester",
    });
    const batches = Array.from({ length: 8 }, (_, i) =>
      Array.from({ length: 1_000 }, (_, j) => all[(i * 375 + j) % all.length]!),
    );
    const [single, ...results] = await Promise.all([
      platform.query<{ person: { surname: string } | null }>(
        "query ($c: String!) { person(personCode: $c) { surname } }",
        { c: all[0] },
        { headers: platform.headersOf(other) },
      ),
      ...batches.map((cs) =>
        run("query Batch($cs: [String!]!) { persons(personCodes: $cs) { personCode surname } }", { cs }),
      ),
    ]);
    expect(single.errors).toBeUndefined();
    expect(single.data?.person?.surname).toEqual(expect.any(String));
    for (const [i, result] of results.entries()) {
      expect(result.errors).toBeUndefined();
      const [{ count }] =
        (await sql`select count(*)::int as count from audit.disclosures where request_id = ${result.requestId}`) as unknown as [
          { count: number },
        ];
      expect(count).toBe(new Set(batches[i]).size);
    }
    expect(await verify()).toMatchObject({ ok: true });
  });
});
