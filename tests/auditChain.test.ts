import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, copyFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { anchorLine } from "@rnp/gateway/auditAnchors";
import {
  chainContent,
  chainHash,
  type Disclosure,
  GENESIS_HASH,
  verifyAuditChain,
} from "@rnp/gateway/auditTrail";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discloseNames, ROLLBACK, startAuditStack, stopAuditStack, verify } from "./support/audit";
import { TEST_AUDIT_CHAIN_KEY, type TestPlatform } from "./support/platform";

// The keyed hash chain of the audit: whole with its anchors, and every kind of tampering found
// (edited, deleted, truncated, re-chained rows; forged or mismatching anchors) by the check and the command.

let platform: TestPlatform;
let sql: postgres.Sql;

beforeAll(async () => {
  ({ platform, sql } = await startAuditStack());
  // Rows and anchors to tamper with, also when this file runs alone.
  await discloseNames(6);
});
afterAll(stopAuditStack);

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
  createHash("sha256").update(prev).update("\n").update(chainContent(row)).digest("hex");

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
