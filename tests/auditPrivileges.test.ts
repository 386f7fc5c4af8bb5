import { AUDIT_WRITER_ROLE } from "@rnp/db";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLLBACK, run, startAuditStack, stopAuditStack, verify } from "./support/audit";
import type { TestPlatform } from "./support/platform";

// The database privileges of the audit: the gateway's role may only append, and nobody,
// the owner included, may rewrite or delete disclosures.

let platform: TestPlatform;
let sql: postgres.Sql;

beforeAll(async () => {
  ({ platform, sql } = await startAuditStack());
});
afterAll(stopAuditStack);

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
