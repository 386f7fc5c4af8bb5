import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, copyFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { AUDIT_WRITER_ROLE } from "@rnp/db";
import { anchorLine, readAnchorFile } from "@rnp/gateway/auditAnchors";
import { chainHash, type Disclosure, GENESIS_HASH, verifyAuditChain } from "@rnp/gateway/auditTrail";
import { provisionRequester, syntheticRegistrationNumber } from "@rnp/platform/provision";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGrant } from "./support/grants";
import { startTestPlatform, TEST_AUDIT_CHAIN_KEY, type TestPlatform } from "./support/platform";

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
  extraHeaders: Record<string, string> = {},
) {
  const result = await platform.query<Record<string, unknown>>(query, variables, {
    headers: { ...platform.headersOf({ key: platform.requester.key, grantNumber }), ...extraHeaders },
  });
  return { ...result, requestId: result.extensions?.requestId as string };
}

/** The chain verified with the test key and the anchors the gateway wrote. */
async function verify(db: postgres.Sql = sql) {
  const anchors = await readAnchorFile(platform.auditAnchorFile!, TEST_AUDIT_CHAIN_KEY);
  if (!anchors.ok) throw new Error(`anchor file broken: ${anchors.problem}`);
  expect(anchors.anchors.length).toBeGreaterThan(0);
  return verifyAuditChain(db, { key: TEST_AUDIT_CHAIN_KEY, anchors: anchors.anchors });
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

/** Registers an organisation as a data provider of `dataGroups` and returns a PROVIDER key of it. */
async function providerKey(n: number, name: string, dataGroups: string[]) {
  const registrationNumber = syntheticRegistrationNumber(n);
  const [provider] = await sql`
    insert into catalog.providers (code, name, registration_number, description, contact_email)
    values (${`P${n}`}, ${name}, ${registrationNumber}, 'Test provider', 'p@p.lv') returning id`;
  await sql`
    insert into catalog.datasets (code, name, description, provider_id, data_groups)
    values (${`D${n}`}, ${`${name} data`}, 'Test dataset', ${provider!.id}, ${dataGroups})`;
  return issueProviderKey(name, registrationNumber);
}

async function issueProviderKey(name: string, registrationNumber: string) {
  const { createRequester } = await platform.operator<{ createRequester: { id: string } }>(
    'mutation ($r: String!, $n: String!) { createRequester(input: { name: $n, registrationNumber: $r, contactEmail: "d@d.lv" }) { id } }',
    { r: registrationNumber, n: name },
  );
  const { issueApiKey } = await platform.operator<{ issueApiKey: { key: string } }>(
    'mutation ($id: ID!) { issueApiKey(input: { requesterId: $id, role: PROVIDER, label: "audit" }) { key } }',
    { id: createRequester.id },
  );
  return { authorization: `Bearer ${issueApiKey.key}` };
}

describe("audit queries through the graph", () => {
  it("let operators filter entries, and give usage statistics", async () => {
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

    const today = new Date().toISOString().slice(0, 10);
    const stats = await platform.operator<{
      usageStatistics: { dataGroup: string; requests: number; persons: number }[];
    }>("query ($d: Date!) { usageStatistics(from: $d, to: $d) { day dataGroup requests persons } }", {
      d: today,
    });
    const name = stats.usageStatistics.find((s) => s.dataGroup === "NAME");
    expect(name!.requests).toBeGreaterThanOrEqual(3);
    expect(name!.persons).toBeGreaterThanOrEqual(3);

    const forbidden = await platform.query("{ auditEntries { nodes { seq } } }");
    expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("show a provider only disclosures of its own datasets' groups, and none under confidential grants", async () => {
    const [row] = await sql`
      select p.person_code from person.persons p where p.death_date is null
        and exists (select 1 from person.declared_addresses a where a.person_code = p.person_code)
      order by p.person_code desc limit 1`;
    const code = row!.person_code as string;
    const addressProvider = await providerKey(11, "Adrešu Devējs SIA", ["ADDRESS"]);
    const nameOnly = await run("query ($c: String!) { person(personCode: $c) { givenName } }", { c: code });
    const withAddress = await run(
      "query ($c: String!) { person(personCode: $c) { surname declaredAddress { declaredFrom } } }",
      { c: code },
    );
    const confidential = await createGrant(platform, {
      dataGroups: ["NAME", "ADDRESS"],
      confidential: true,
      purpose: "Investigation",
    });
    const hidden = await run(
      "query ($c: String!) { person(personCode: $c) { declaredAddress { declaredFrom } } }",
      { c: code },
      confidential,
    );
    for (const result of [nameOnly, withAddress, hidden]) expect(result.errors).toBeUndefined();

    const entries =
      "query ($c: String!) { auditEntries(filter: { personCode: $c }) { nodes { requestId dataGroups } } }";
    type Entries = { auditEntries: { nodes: { requestId: string; dataGroups: string[] }[] } };
    const asProvider = await platform.query<Entries>(entries, { c: code }, { headers: addressProvider });
    expect(asProvider.errors).toBeUndefined();
    // Rows with ADDRESS, shown with the provider's own group only; not the NAME-only or confidential one.
    const seen = asProvider.data!.auditEntries.nodes;
    expect(seen.map((n) => n.requestId)).toContain(withAddress.requestId);
    expect(seen.map((n) => n.requestId)).not.toContain(nameOnly.requestId);
    expect(seen.map((n) => n.requestId)).not.toContain(hidden.requestId);
    expect(new Set(seen.flatMap((n) => n.dataGroups))).toEqual(new Set(["ADDRESS"]));
    const asOperator = await platform.operator<Entries>(entries, { c: code });
    expect(asOperator.auditEntries.nodes.map((n) => n.requestId)).toEqual(
      expect.arrayContaining([nameOnly.requestId, withAddress.requestId, hidden.requestId]),
    );

    const today = new Date().toISOString().slice(0, 10);
    const statistics =
      "query ($d: Date!) { usageStatistics(from: $d, to: $d) { dataGroup requests persons requester { name } } }";
    type Stats = { usageStatistics: { dataGroup: string; requests: number; requester: { name: string } }[] };
    const providerStats = await platform.query<Stats>(statistics, { d: today }, { headers: addressProvider });
    expect(providerStats.errors).toBeUndefined();
    expect(new Set(providerStats.data!.usageStatistics.map((s) => s.dataGroup))).toEqual(
      new Set(["ADDRESS"]),
    );
    const [counts] = await sql`
      select count(distinct d.request_id) filter (where not g.confidential)::int as open,
             count(distinct d.request_id) filter (where g.confidential)::int as confidential
      from audit.disclosures d join access.grants g on g.id = d.grant_id
      where 'ADDRESS' = any(d.data_groups) and d.at >= ${today}::date`;
    expect(counts!.confidential).toBeGreaterThan(0);
    const reported = providerStats.data!.usageStatistics.reduce((sum, s) => sum + s.requests, 0);
    expect(reported).toBe(counts!.open);

    const notAProvider = await issueProviderKey("Datu Devējs SIA", syntheticRegistrationNumber(12));
    const refused = await platform.query(entries, { c: code }, { headers: notAProvider });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(refused.errors?.[0]?.message).toMatch(/not registered as a data provider/);
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

/** The test's attacker: rows re-chained from `fromSeq` with another hash, the head moved to match. */
async function rechain(tx: postgres.Sql, fromSeq: number, hashOf: (prev: string, row: Disclosure) => string) {
  const [before] =
    await tx`select hash from audit.disclosures where seq < ${fromSeq} order by seq desc limit 1`;
  let prev = (before?.hash as string | undefined) ?? GENESIS_HASH;
  const rows = await tx`
    select seq, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, requester_id, key_id,
      grant_id, grant_number, purpose, person_code, data_groups, operation_name, operation_hash, request_id,
      correlation_id, client_address
    from audit.disclosures where seq >= ${fromSeq} order by seq`;
  let last = 0;
  for (const r of rows) {
    const hash = hashOf(prev, {
      at: r.at,
      requesterId: r.requester_id,
      keyId: r.key_id,
      grantId: r.grant_id,
      grantNumber: r.grant_number,
      purpose: r.purpose,
      personCode: r.person_code,
      dataGroups: r.data_groups,
      operationName: r.operation_name,
      operationHash: r.operation_hash,
      requestId: r.request_id,
      correlationId: r.correlation_id,
      clientAddress: r.client_address,
    });
    await tx`update audit.disclosures set prev_hash = ${prev}, hash = ${hash} where seq = ${r.seq}`;
    prev = hash;
    last = Number(r.seq);
  }
  await tx`update audit.chain_head set seq = ${last}, hash = ${prev} where id = 1`;
}

/** The unkeyed SHA-256 chain the audit used before it was keyed. */
const unkeyed = (prev: string, row: Disclosure) =>
  createHash("sha256")
    .update(prev)
    .update("\n")
    .update(
      JSON.stringify([
        row.at,
        row.requesterId,
        row.keyId,
        row.grantId,
        row.grantNumber,
        row.purpose,
        row.personCode,
        row.dataGroups,
        row.operationName,
        row.operationHash,
        row.requestId,
        row.clientAddress,
        row.correlationId,
      ]),
    )
    .digest("hex");

const ROLLBACK = new Error("rolled back on purpose");
/**
 * Tampers with the audit in a transaction that is rolled back, so every case starts from
 * the whole chain. Triggers are bypassed the only way there is, as a superuser in
 * replica mode (what an attacker with the database's superuser would do).
 */
async function tampered(change: (tx: postgres.Sql) => Promise<void>) {
  await sql
    .begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await change(tx as unknown as postgres.Sql);
      throw ROLLBACK;
    })
    .catch((error: unknown) => {
      if (error !== ROLLBACK) throw error;
    });
}

describe("the keyed hash chain", () => {
  const cli = fileURLToPath(new URL("../gateway/src/cli/auditVerify.ts", import.meta.url));
  const verifyCommand = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", cli, "--anchors", platform.auditAnchorFile!, ...args], {
      env: { ...process.env, DATABASE_URL: platform.databaseUrl, AUDIT_CHAIN_KEY: TEST_AUDIT_CHAIN_KEY },
      encoding: "utf8",
    });
  const newestSeqs = async (n: number) =>
    (await sql`select seq from audit.disclosures order by seq desc limit ${n}`).map((r) => Number(r.seq));

  it("verifies whole with its anchors, and the command exits 0", async () => {
    const verdict = await verify();
    expect(verdict).toMatchObject({ ok: true, anchors: expect.any(Number) });
    expect(verdict.ok && verdict.anchors).toBeGreaterThan(0);
    const result = verifyCommand();
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/The audit trail is whole: \d+ rows verified, [1-9]\d* anchors matched/);
  });

  it("fails on an edited row and names it; whole again once restored", async () => {
    const [row] = await sql`select seq, purpose from audit.disclosures order by seq offset 2 limit 1`;
    const edit = (purpose: string) =>
      sql.begin(async (tx) => {
        await tx`set local session_replication_role = replica`;
        await tx`update audit.disclosures set purpose = ${purpose} where seq = ${row!.seq}`;
      });
    await edit("something else");
    try {
      expect(await verify()).toMatchObject({ ok: false, seq: String(row!.seq) });
      const result = verifyCommand();
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`broken at row ${row!.seq}`);
    } finally {
      await edit(row!.purpose);
    }
    expect(await verify()).toMatchObject({ ok: true });
  });

  it("fails on a deleted row, naming the row after the gap", async () => {
    const rows = await sql`select seq from audit.disclosures order by seq offset 1 limit 2`;
    await tampered(async (tx) => {
      await tx`delete from audit.disclosures where seq = ${rows[0]!.seq}`;
      const verdict = await verify(tx);
      expect(verdict).toMatchObject({ ok: false, seq: String(rows[1]!.seq) });
      expect(!verdict.ok && verdict.problem).toContain("deleted");
    });
  });

  it("fails when the newest rows are deleted, also with the chain head moved to match", async () => {
    expect(await verify()).toMatchObject({ ok: true });
    const [newest, , kept] = (await newestSeqs(3)) as [number, number, number];
    await tampered(async (tx) => {
      await tx`delete from audit.disclosures where seq > ${kept}`;
      expect(await verify(tx)).toMatchObject({ ok: false });
      await tx`update audit.chain_head set seq = ${kept},
        hash = (select hash from audit.disclosures where seq = ${kept}) where id = 1`;
      // Without anchors the shortened chain is consistent: only the anchor outside the table shows it.
      expect(await verifyAuditChain(tx, { key: TEST_AUDIT_CHAIN_KEY })).toMatchObject({ ok: true });
      const verdict = await verify(tx);
      expect(verdict).toMatchObject({ ok: false, seq: String(newest) });
      expect(!verdict.ok && verdict.problem).toContain("anchored but is gone");
    });
  });

  it("detects an edited row whose chain was recomputed without the key, or with another key", async () => {
    expect(await verify()).toMatchObject({ ok: true });
    const edited = (await newestSeqs(5))[4]!;
    for (const hashOf of [
      unkeyed,
      (prev: string, row: Disclosure) => chainHash("a-guessed-key-of-32-characters-or-more", prev, row),
    ]) {
      await tampered(async (tx) => {
        await tx`update audit.disclosures set purpose = 'Rewritten' where seq = ${edited}`;
        await rechain(tx, edited, hashOf);
        const verdict = await verify(tx);
        expect(verdict).toMatchObject({ ok: false, seq: String(edited) });
        expect(!verdict.ok && verdict.problem).toContain("without the key");
      });
    }
    // The same rewrite with the real key passes the chain check, and still fails at the anchor.
    await tampered(async (tx) => {
      await tx`update audit.disclosures set purpose = 'Rewritten' where seq = ${edited}`;
      await rechain(tx, edited, (prev, row) => chainHash(TEST_AUDIT_CHAIN_KEY, prev, row));
      expect(await verifyAuditChain(tx, { key: TEST_AUDIT_CHAIN_KEY })).toMatchObject({ ok: true });
      expect(await verify(tx)).toMatchObject({
        ok: false,
        problem: expect.stringContaining("differs from its anchor"),
      });
    });
  });

  it("detects an anchor that does not match the chain, and an anchor line not signed with the key", async () => {
    const [seq] = await newestSeqs(1);
    const copy = `${platform.auditAnchorFile}.copy`;
    copyFileSync(platform.auditAnchorFile!, copy);
    appendFileSync(
      copy,
      anchorLine(TEST_AUDIT_CHAIN_KEY, { seq: seq!, hash: "f".repeat(64), at: new Date().toISOString() }),
    );
    const mismatch = verifyCommand("--anchors", copy);
    expect(mismatch.status).toBe(1);
    expect(mismatch.stderr).toContain(`broken at row ${seq}: row ${seq} differs from its anchor`);

    copyFileSync(platform.auditAnchorFile!, copy);
    appendFileSync(
      copy,
      anchorLine("not-the-key-but-long-enough-to-pass-0000", { seq: seq!, hash: "f".repeat(64), at: "x" }),
    );
    const forged = verifyCommand("--anchors", copy);
    expect(forged.status).toBe(1);
    expect(forged.stderr).toMatch(/anchors are broken: line \d+ .*HMAC does not match/);

    const wrongKey = spawnSync(
      process.execPath,
      ["--import", "tsx", cli, "--anchors", platform.auditAnchorFile!],
      {
        env: { ...process.env, DATABASE_URL: platform.databaseUrl, AUDIT_CHAIN_KEY: "x".repeat(40) },
        encoding: "utf8",
      },
    );
    expect(wrongKey.status).toBe(1);
  });
});

describe("database privileges of the audit", () => {
  /** Runs `statement` in a rolled-back transaction, as `role` when given; the SQLSTATE or "ok". */
  async function attempt(statement: string, role?: string): Promise<string> {
    let outcome = "ok";
    await sql
      .begin(async (tx) => {
        if (role) await tx.unsafe(`set local role ${role}`);
        await tx.unsafe(statement);
        throw ROLLBACK;
      })
      .catch((error: { code?: string }) => {
        if (error !== ROLLBACK) outcome = error.code ?? String(error);
      });
    return outcome;
  }
  let seq = 0;
  beforeAll(async () => {
    // A row to aim at, also when this block runs alone.
    const [row] = await sql`select person_code from person.persons order by person_code limit 1`;
    await run("query ($c: String!) { person(personCode: $c) { givenName } }", { c: row!.person_code });
    [seq] = (await sql`select seq from audit.disclosures order by seq desc limit 1`).map((r) =>
      Number(r.seq),
    ) as [number];
  });

  it("let the gateway's audit role insert rows and move the head, but not update, delete or truncate", async () => {
    const [row] = await sql`select * from audit.disclosures order by seq desc limit 1`;
    const literal = `insert into audit.disclosures (seq, at, requester_id, key_id, grant_id, grant_number, purpose,
      person_code, data_groups, operation_hash, request_id, prev_hash, hash)
      values (${Number(row!.seq) + 1}, now(), 1, 1, 1, 'G', 'p', '01015012345', '{NAME}', '${"a".repeat(64)}', 'r',
      '${"a".repeat(64)}', '${"b".repeat(64)}')`;
    expect(await attempt(literal, AUDIT_WRITER_ROLE)).toBe("ok");
    expect(await attempt("update audit.chain_head set seq = seq where id = 1", AUDIT_WRITER_ROLE)).toBe("ok");
    for (const statement of [
      `update audit.disclosures set purpose = 'x' where seq = ${seq}`,
      `delete from audit.disclosures where seq = ${seq}`,
      "truncate audit.disclosures",
      "delete from audit.chain_head",
    ]) {
      expect(await attempt(statement, AUDIT_WRITER_ROLE), statement).toBe("42501");
    }
  });

  it("are what the gateway writes with: without the role's INSERT no disclosure leaves", async () => {
    const [row] = await sql`select person_code from person.persons order by person_code limit 1`;
    await sql.unsafe(`revoke insert on audit.disclosures from ${AUDIT_WRITER_ROLE}`);
    try {
      const response = await fetch(platform.gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...platform.headersOf(platform.requester) },
        body: JSON.stringify({
          query: "query ($c: String!) { person(personCode: $c) { givenName } }",
          variables: { c: row!.person_code },
        }),
      });
      const body = (await response.json()) as { data: unknown; errors?: { message: string }[] };
      expect(response.status).toBe(503);
      expect(body.data).toBeNull();
      expect(body.errors?.[0]?.message).toMatch(/could not be recorded in the audit trail/);
    } finally {
      await sql.unsafe(`grant insert on audit.disclosures to ${AUDIT_WRITER_ROLE}`);
    }
    const again = await run("query ($c: String!) { person(personCode: $c) { givenName } }", {
      c: row!.person_code,
    });
    expect(again.errors).toBeUndefined();
    expect(await verify()).toMatchObject({ ok: true });
  });

  it("refuse UPDATE, DELETE and TRUNCATE of disclosures to every role, the owner included", async () => {
    for (const statement of [
      `update audit.disclosures set purpose = 'x' where seq = ${seq}`,
      `delete from audit.disclosures where seq = ${seq}`,
      "truncate audit.disclosures",
      "delete from audit.chain_head",
    ]) {
      expect(await attempt(statement), statement).toBe("42501");
    }
    await expect(sql`delete from audit.disclosures where seq = ${seq}`).rejects.toThrow(/append-only/);
  });
});
