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
 * Appends disclosures to the chain in one transaction. Locking the chain head row orders
 * appends from every gateway replica, so each row links to the row committed before it.
 * (`FOR UPDATE` re-reads the head after waiting; a snapshot taken before the wait would
 * not see the append that held the lock.)
 */
export async function appendDisclosures(sql: postgres.Sql, rows: Disclosure[]): Promise<void> {
  if (rows.length === 0) return;
  await sql.begin(async (tx) => {
    let [head] = await tx`select hash from audit.chain_head where id = 1 for update`;
    if (!head) {
      await tx`insert into audit.chain_head (id, seq, hash) values (1, 0, ${GENESIS_HASH}) on conflict (id) do nothing`;
      [head] = await tx`select hash from audit.chain_head where id = 1 for update`;
    }
    let prevHash = head!.hash as string;
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
    await tx`
      with appended as (insert into audit.disclosures ${tx(values)} returning seq)
      update audit.chain_head set seq = (select max(seq) from appended), hash = ${prevHash} where id = 1`;
  });
}

/**
 * Group commit for the audit trail: disclosures of requests that finish while an append
 * is running are written together by the next one. Each caller's promise settles when its
 * own rows are committed (or the append failed), so no response leaves unrecorded, and
 * under load one transaction carries many requests instead of each waiting for the lock.
 */
export class AuditWriter {
  private queue: { rows: Disclosure[]; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private flushing: Promise<void> | null = null;

  constructor(private readonly sql: postgres.Sql) {}

  append(rows: Disclosure[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => this.queue.push({ rows, resolve, reject }));
    this.flushing ??= this.flush();
    return done;
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      try {
        await appendDisclosures(
          this.sql,
          batch.flatMap((entry) => entry.rows),
        );
        for (const entry of batch) entry.resolve();
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.flushing = null;
  }
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
    select d.seq::text as seq, to_char(d.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
           requester_id, key_id, grant_id, grant_number, purpose, person_code, data_groups, operation_name,
           operation_hash, request_id, client_address, prev_hash, hash
    from audit.disclosures d order by d.seq`.cursor(2_000);
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
  // An empty chain has a genesis head (seq 0) or none.
  if (head && (head.hash !== prevHash || head.seq !== (prevSeq ?? "0"))) {
    return {
      ok: false,
      rows,
      seq: head.seq as string,
      problem: `row ${head.seq}, the newest appended, is missing or changed: rows at the end of the chain were deleted`,
    };
  }
  return { ok: true, rows };
}
