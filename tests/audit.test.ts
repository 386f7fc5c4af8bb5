import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { verifyAuditChain } from "@rnp/gateway/auditTrail";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGrant } from "./support/grants";
import { startTestPlatform, type TestPlatform } from "./support/platform";

let platform: TestPlatform;
let sql: postgres.Sql;
const hyphenated = (code: string) => `${code.slice(0, 6)}-${code.slice(6)}`;

beforeAll(async () => {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
  await platform?.stop();
});

async function run(
  query: string,
  variables: Record<string, unknown>,
  grantNumber = platform.requester.grantNumber,
) {
  const result = await platform.query<Record<string, unknown>>(query, variables, {
    headers: platform.headersOf({ key: platform.requester.key, grantNumber }),
  });
  return { ...result, requestId: result.extensions?.requestId as string };
}

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

    const single = await run("query One($c: String!) { person(personCode: $c) { givenName birthDate } }", {
      c: a,
    });
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
    expect(await verifyAuditChain(sql)).toMatchObject({ ok: true });
  });
});

describe("audit queries through the graph", () => {
  it("let operators and providers filter entries, and give usage statistics", async () => {
    const [row] = await sql`select person_code from audit.disclosures order by seq limit 1`;
    const code = row!.person_code as string;
    const data = await platform.operator<{
      auditEntries: { nodes: { personCode: string; dataGroups: string[]; requester: { name: string } }[] };
    }>(
      "query ($code: String!) { auditEntries(filter: { personCode: $code }) { nodes { personCode dataGroups requester { name } } } }",
      { code },
    );
    expect(data.auditEntries.nodes.length).toBeGreaterThan(0);
    expect(data.auditEntries.nodes.every((n) => n.personCode === hyphenated(code))).toBe(true);
    expect(data.auditEntries.nodes[0]!.requester.name).toBe("Testa Banka AS");

    const { createRequester } = await platform.operator<{ createRequester: { id: string } }>(
      'mutation { createRequester(input: { name: "Datu devējs", registrationNumber: "40003521600", contactEmail: "d@d.lv" }) { id } }',
    );
    const { issueApiKey } = await platform.operator<{ issueApiKey: { key: string } }>(
      'mutation ($id: ID!) { issueApiKey(input: { requesterId: $id, role: PROVIDER, label: "audit" }) { key } }',
      { id: createRequester.id },
    );
    const today = new Date().toISOString().slice(0, 10);
    const stats = await platform.query<{
      usageStatistics: { dataGroup: string; requests: number; persons: number }[];
    }>(
      "query ($d: Date!) { usageStatistics(from: $d, to: $d) { day dataGroup requests persons requester { name } } }",
      { d: today },
      { headers: { authorization: `Bearer ${issueApiKey.key}` } },
    );
    expect(stats.errors).toBeUndefined();
    const name = stats.data!.usageStatistics.find((s) => s.dataGroup === "NAME");
    expect(name!.requests).toBeGreaterThanOrEqual(3);
    expect(name!.persons).toBeGreaterThanOrEqual(3);

    const forbidden = await platform.query("{ auditEntries { nodes { seq } } }");
    expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("show a data subject who accessed their data, without confidential grants", async () => {
    const [row] =
      await sql`select person_code from person.persons where death_date is null order by person_code limit 1`;
    const code = row!.person_code as string;
    const confidential = await createGrant(platform, {
      dataGroups: ["NAME"],
      confidential: true,
      purpose: "Investigation",
    });
    await run("query ($c: String!) { person(personCode: $c) { givenName } }", { c: code });
    await run("query ($c: String!) { person(personCode: $c) { surname } }", { c: code }, confidential);
    const report = await platform.operator<{
      dataSubjectAccessReport: { requesterName: string; purpose: string; dataGroups: string[] }[];
    }>(
      "query ($c: String!) { dataSubjectAccessReport(personCode: $c) { at requesterName purpose dataGroups } }",
      {
        c: code,
      },
    );
    const [counts] = await sql`
      select count(*) filter (where not g.confidential)::int as open, count(*) filter (where g.confidential)::int as hidden
      from audit.disclosures d join access.grants g on g.id = d.grant_id where d.person_code = ${code}`;
    expect(counts!.hidden).toBe(1);
    expect(report.dataSubjectAccessReport).toHaveLength(counts!.open);
    expect(report.dataSubjectAccessReport[0]).toEqual({
      at: expect.any(String),
      requesterName: "Testa Banka AS",
      purpose: "Whole-stack tests",
      dataGroups: ["NAME"],
    });
    expect(report.dataSubjectAccessReport.map((r) => r.purpose)).not.toContain("Investigation");
  });
});

describe("the hash chain", () => {
  const cli = fileURLToPath(new URL("../gateway/src/cli/auditVerify.ts", import.meta.url));
  const verifyCommand = () =>
    spawnSync(process.execPath, ["--import", "tsx", cli], {
      env: { ...process.env, DATABASE_URL: platform.databaseUrl },
      encoding: "utf8",
    });

  it("verifies whole, and the command exits 0", async () => {
    const verdict = await verifyAuditChain(sql);
    expect(verdict).toMatchObject({ ok: true });
    const result = verifyCommand();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("The audit trail is whole");
  });

  it("fails on an edited row and names it", async () => {
    const [row] = await sql`select seq, purpose from audit.disclosures order by seq offset 2 limit 1`;
    await sql`update audit.disclosures set purpose = 'something else' where seq = ${row!.seq}`;
    expect(await verifyAuditChain(sql)).toMatchObject({ ok: false, seq: String(row!.seq) });
    const result = verifyCommand();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`broken at row ${row!.seq}`);
    await sql`update audit.disclosures set purpose = ${row!.purpose} where seq = ${row!.seq}`;
    expect(await verifyAuditChain(sql)).toMatchObject({ ok: true });
  });

  it("fails on a deleted row, naming the row after the gap", async () => {
    const rows = await sql`select seq from audit.disclosures order by seq offset 1 limit 2`;
    await sql`delete from audit.disclosures where seq = ${rows[0]!.seq}`;
    const verdict = await verifyAuditChain(sql);
    expect(verdict).toMatchObject({ ok: false, seq: String(rows[1]!.seq) });
    expect(!verdict.ok && verdict.problem).toContain("deleted");
  });

  it("fails when the newest rows are deleted", async () => {
    const [last] = await sql`select seq from audit.disclosures order by seq desc limit 1`;
    await sql`delete from audit.disclosures where seq = ${last!.seq}`;
    // Restore the earlier deletion's effect aside: the first failure is still reported first.
    const verdict = await verifyAuditChain(sql);
    expect(verdict.ok).toBe(false);
  });
});
