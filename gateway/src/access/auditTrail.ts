import { createHash } from "node:crypto";
import type postgres from "postgres";

export interface Disclosure {
  at: string;
  requesterId: number;
  keyId: number;
  grantId: number;
  grantNumber: string;
  purpose: string;
  personCode: string;
  dataGroups: string[];
  operationName: string | null;
  operationHash: string;
  requestId: string;
  clientAddress: string | null;
}

export const GENESIS_HASH = "0".repeat(64);
const CHAIN_LOCK = 727003;

/** SHA-256 over the previous row's hash and this row's content, in a fixed field order. */
export function chainHash(prevHash: string, row: Disclosure): string {
  const content = JSON.stringify([
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
  ]);
  return createHash("sha256").update(prevHash).update("\n").update(content).digest("hex");
}

/**
 * Appends disclosures to the chain in one transaction. An advisory lock orders appends
 * from every gateway replica, so each row links to the row committed before it.
 */
export async function appendDisclosures(sql: postgres.Sql, rows: Disclosure[]): Promise<void> {
  if (rows.length === 0) return;
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${CHAIN_LOCK})`;
    const [head] = await tx`select hash from audit.chain_head where id = 1`;
    let prevHash = (head?.hash as string | undefined) ?? GENESIS_HASH;
    const values = rows.map((row) => {
      const hash = chainHash(prevHash, row);
      const value = {
        at: row.at,
        requester_id: row.requesterId,
        key_id: row.keyId,
        grant_id: row.grantId,
        grant_number: row.grantNumber,
        purpose: row.purpose,
        person_code: row.personCode,
        data_groups: row.dataGroups,
        operation_name: row.operationName,
        operation_hash: row.operationHash,
        request_id: row.requestId,
        client_address: row.clientAddress,
        prev_hash: prevHash,
        hash,
      };
      prevHash = hash;
      return value;
    });
    const inserted = await tx`insert into audit.disclosures ${tx(values)} returning seq`;
    const lastSeq = inserted.at(-1)!.seq as string;
    await tx`
      insert into audit.chain_head (id, seq, hash) values (1, ${lastSeq}, ${prevHash})
      on conflict (id) do update set seq = excluded.seq, hash = excluded.hash`;
  });
}

export type ChainVerdict =
  | { ok: true; rows: number }
  | { ok: false; rows: number; seq: string; problem: string };

/**
 * Re-computes the chain from the first row. Fails at the first row whose content does not
 * match its hash (edited), whose `prev_hash` is not the hash of the row before it (a row
 * before it was deleted or edited), or when the chain head names a row that is gone.
 */
export async function verifyAuditChain(
  sql: postgres.Sql,
  onProgress?: (rows: number) => void,
): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let prevSeq: string | null = null;
  let rows = 0;
  const cursor = sql`
    select seq::text, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, requester_id, key_id,
           grant_id, grant_number, purpose, person_code, data_groups, operation_name, operation_hash, request_id,
           client_address, prev_hash, hash
    from audit.disclosures order by seq`.cursor(2_000);
  for await (const batch of cursor) {
    for (const row of batch) {
      const seq = row.seq as string;
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          rows,
          seq,
          problem: prevSeq
            ? `row ${seq} does not follow row ${prevSeq}: a row between them was deleted, or row ${prevSeq} was edited`
            : `row ${seq} is the first row but does not start the chain: earlier rows were deleted`,
        };
      }
      const expected = chainHash(prevHash, {
        at: row.at,
        requesterId: row.requester_id,
        keyId: row.key_id,
        grantId: row.grant_id,
        grantNumber: row.grant_number,
        purpose: row.purpose,
        personCode: row.person_code,
        dataGroups: row.data_groups,
        operationName: row.operation_name,
        operationHash: row.operation_hash,
        requestId: row.request_id,
        clientAddress: row.client_address,
      });
      if (expected !== row.hash) {
        return {
          ok: false,
          rows,
          seq,
          problem: `row ${seq} was edited: its content no longer matches its hash`,
        };
      }
      prevHash = row.hash as string;
      prevSeq = seq;
      rows++;
      if (rows % 10_000 === 0) onProgress?.(rows);
    }
  }
  const [head] = await sql`select seq::text, hash from audit.chain_head where id = 1`;
  if (head && (head.hash !== prevHash || head.seq !== prevSeq)) {
    return {
      ok: false,
      rows,
      seq: head.seq as string,
      problem: `row ${head.seq}, the newest appended, is missing or changed: rows at the end of the chain were deleted`,
    };
  }
  return { ok: true, rows };
}
