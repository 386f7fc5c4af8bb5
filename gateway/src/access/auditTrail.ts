import { createHmac } from "node:crypto";
import { AUDIT_WRITER_ROLE } from "@rnp/db";
import type postgres from "postgres";
import type { Anchor, AnchorSink } from "./auditAnchors";

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
  /** Made by the gateway, unique per request. */
  requestId: string;
  /** The client's own `x-request-id`, cut short; null when it sent none. */
  correlationId: string | null;
  clientAddress: string | null;
  /** The composite data set and version executed by id; null for a document sent in full. */
  compositeSetId?: number | null;
  compositeSetVersion?: number | null;
  /** The person who acted through a portal session (an official, a data subject); else null. */
  actorPersonCode?: string | null;
  /** How the data left (`PDP`, `SELF`, `SUBSCRIPTION`, …); null is an API request. */
  channel?: string | null;
  /** The purpose or case reference an official entered for a look-up by hand. */
  caseReference?: string | null;
}

export const GENESIS_HASH = "0".repeat(64);

/**
 * HMAC-SHA256, keyed with the chain key, over the previous row's hash and this row's
 * content in a fixed field order. Without the key (which the database does not hold) an
 * edited row's chain cannot be recomputed so that it verifies.
 */
export function chainHash(key: string, prevHash: string, row: Disclosure): string {
  return createHmac("sha256", key).update(prevHash).update("\n").update(chainContent(row)).digest("hex");
}

/** A row's content as the chain hashes it: its fields in a fixed order, as JSON. */
export function chainContent(row: Disclosure): string {
  return JSON.stringify([
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
    // Only when set: rows written before composite sets existed keep their content, and verify.
    ...(row.compositeSetId == null ? [] : [row.compositeSetId, row.compositeSetVersion]),
    // Likewise: rows written before channels and actors keep their content.
    ...(row.channel == null ? [] : [row.channel, row.actorPersonCode ?? null, row.caseReference ?? null]),
  ]);
}

/** The newest row of the chain after an append. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * Appends disclosures to the chain in one transaction. Locking the chain head row orders
 * appends from every gateway replica, so each row links to the row committed before it.
 * (`FOR UPDATE` re-reads the head after waiting; a snapshot taken before the wait would
 * not see the append that held the lock.) The rows go as one JSON parameter
 * (`jsonb_to_recordset`), so any number of them stays far from PostgreSQL's 65 535
 * parameters a statement; `seq` is the head's plus the row's position, so seq order is
 * chain order.
 */
export async function appendDisclosures(
  sql: postgres.Sql,
  key: string,
  rows: Disclosure[],
): Promise<ChainHead | null> {
  if (rows.length === 0) return null;
  return sql.begin(async (tx) => {
    // Least privilege for the statements below: INSERT disclosures, update the head. Sent
    // with the head's lock in one pipeline (one connection keeps their order): a round trip less.
    let [, [head]] = await Promise.all([
      tx.unsafe(`set local role ${AUDIT_WRITER_ROLE}`),
      tx`select seq, hash from audit.chain_head where id = 1 for update`,
    ]);
    if (!head) {
      await tx`insert into audit.chain_head (id, seq, hash) values (1, 0, ${GENESIS_HASH}) on conflict (id) do nothing`;
      [head] = await tx`select seq, hash from audit.chain_head where id = 1 for update`;
    }
    const firstSeq = Number(head!.seq) + 1;
    let prevHash = head!.hash as string;
    const prevHashes: string[] = [];
    const hashes: string[] = [];
    for (const row of rows) {
      prevHashes.push(prevHash);
      prevHash = chainHash(key, prevHash, row);
      hashes.push(prevHash);
    }
    const lastSeq = firstSeq + rows.length - 1;
    const records = rows.map((row, i) => ({
      seq: firstSeq + i,
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
      correlation_id: row.correlationId,
      client_address: row.clientAddress,
      composite_set_id: row.compositeSetId ?? null,
      composite_set_version: row.compositeSetVersion ?? null,
      actor_person_code: row.actorPersonCode ?? null,
      channel: row.channel ?? null,
      case_reference: row.caseReference ?? null,
      prev_hash: prevHashes[i],
      hash: hashes[i],
    }));
    await tx`
      with appended as (
        insert into audit.disclosures (seq, at, requester_id, key_id, grant_id, grant_number, purpose,
          person_code, data_groups, operation_name, operation_hash, request_id, correlation_id,
          client_address, composite_set_id, composite_set_version, actor_person_code, channel,
          case_reference, prev_hash, hash)
        select * from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(seq bigint,
          at timestamptz, requester_id int, key_id int, grant_id int, grant_number text, purpose text,
          person_code text, data_groups text[], operation_name text, operation_hash text, request_id text,
          correlation_id text, client_address text, composite_set_id int, composite_set_version int,
          actor_person_code text, channel text, case_reference text, prev_hash text, hash text))
      -- A data-modifying WITH runs whether or not it is referenced: one round trip for both.
      update audit.chain_head set seq = ${lastSeq}, hash = ${prevHash} where id = 1`;
    return { seq: lastSeq, hash: prevHash };
  });
}

/** Rows one group-commit transaction carries at most (one request's rows are never split). */
export const MAX_ROWS_PER_APPEND = 10_000;

export interface AuditWriterOptions {
  sql: postgres.Sql;
  /** The chain key (`AUDIT_CHAIN_KEY`). */
  key: string;
  /** Where the chain head is anchored; none: no anchors (the chain is still keyed). */
  anchors?: AnchorSink;
  /**
   * Anchor at most this often (default 1 000 ms): the head after a flush is anchored at
   * once when the last anchor is older, else when the interval ends. 0: after every flush.
   */
  anchorIntervalMs?: number;
  /** Called when an anchor could not be written (the disclosures are committed anyway). */
  onAnchorError?: (error: unknown) => void;
  /** Told each append's duration and the rows waiting, for the gateway's metrics. */
  observer?: AuditObserver;
}

export interface AuditObserver {
  /** One transaction of `rows` disclosures took `seconds` (failed or not). */
  written(seconds: number, rows: number): void;
  /** Disclosures waiting for their transaction now. */
  waiting(rows: number): void;
}

/**
 * Group commit for the audit trail: disclosures of requests that finish while an append
 * is running are written together by the next one. Each caller's promise settles when its
 * own rows are committed (or the append failed), so no response leaves unrecorded, and
 * under load one transaction carries many requests instead of each waiting for the lock.
 * After a flush the new chain head is anchored outside the database (see `anchorIntervalMs`).
 */
export class AuditWriter {
  private queue: { rows: Disclosure[]; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private flushing: Promise<void> | null = null;
  private lastAnchorAt = 0;
  private unanchored: ChainHead | null = null;
  private anchorTimer: NodeJS.Timeout | null = null;
  private anchorWrites: Promise<void> = Promise.resolve();
  private readonly anchorIntervalMs: number;

  constructor(private readonly options: AuditWriterOptions) {
    this.anchorIntervalMs = options.anchorIntervalMs ?? 1_000;
  }

  append(rows: Disclosure[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => this.queue.push({ rows, resolve, reject }));
    this.reportWaiting();
    this.flushing ??= this.flush();
    return done;
  }

  /** Waits for pending appends and writes the last head's anchor. */
  async close(): Promise<void> {
    await this.flushing;
    if (this.anchorTimer) clearTimeout(this.anchorTimer);
    this.anchorTimer = null;
    this.anchorNow();
    await this.anchorWrites;
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      // Bounded transactions: at most MAX_ROWS_PER_APPEND rows (or one request's) each.
      let count = 0;
      let take = 0;
      while (
        take < this.queue.length &&
        (take === 0 || count + this.queue[take]!.rows.length <= MAX_ROWS_PER_APPEND)
      ) {
        count += this.queue[take]!.rows.length;
        take++;
      }
      const batch = this.queue.splice(0, take);
      this.reportWaiting();
      const started = performance.now();
      try {
        const head = await appendDisclosures(
          this.options.sql,
          this.options.key,
          batch.flatMap((entry) => entry.rows),
        );
        this.options.observer?.written((performance.now() - started) / 1000, count);
        if (head) await this.anchorAfterFlush(head);
        for (const entry of batch) entry.resolve();
      } catch (error) {
        this.options.observer?.written((performance.now() - started) / 1000, count);
        for (const entry of batch) entry.reject(error);
      }
    }
    this.flushing = null;
  }

  private reportWaiting() {
    if (!this.options.observer) return;
    let rows = 0;
    for (const entry of this.queue) rows += entry.rows.length;
    this.options.observer.waiting(rows);
  }

  private async anchorAfterFlush(head: ChainHead): Promise<void> {
    if (!this.options.anchors) return;
    this.unanchored = head;
    const wait = this.lastAnchorAt + this.anchorIntervalMs - Date.now();
    if (wait <= 0) {
      // A due anchor is written before the callers' responses leave: a millisecond's append.
      this.anchorNow();
      await this.anchorWrites;
    } else {
      this.anchorTimer ??= setTimeout(() => {
        this.anchorTimer = null;
        this.anchorNow();
      }, wait).unref();
    }
  }

  private anchorNow(): void {
    const head = this.unanchored;
    const sink = this.options.anchors;
    if (!head || !sink) return;
    this.unanchored = null;
    this.lastAnchorAt = Date.now();
    const anchor: Anchor = { seq: head.seq, hash: head.hash, at: new Date().toISOString() };
    this.anchorWrites = this.anchorWrites
      .then(() => sink.record(anchor))
      .catch((error: unknown) => this.options.onAnchorError?.(error));
  }
}

export type ChainVerdict =
  | { ok: true; rows: number; anchors: number }
  | { ok: false; rows: number; seq: string; problem: string };

export interface VerifyOptions {
  /** The chain key the rows were written with. */
  key: string;
  /** Anchors read (and HMAC-checked) from outside the database; each must match the chain. */
  anchors?: Anchor[];
  onProgress?: (rows: number) => void;
}

/**
 * Re-computes the keyed chain from the first row, streaming. Fails at the first row whose
 * content does not match its HMAC (edited, or chained with another key), whose `prev_hash`
 * is not the hash of the row before it (a row before it was deleted or edited), whose hash
 * differs from an anchor's, when the chain head names a row that is gone, or when an
 * anchor names a row the table no longer has (the newest rows were deleted, even if the
 * head was rewritten to match).
 */
export async function verifyAuditChain(sql: postgres.Sql, options: VerifyOptions): Promise<ChainVerdict> {
  const anchored = new Map<number, string[]>();
  for (const anchor of options.anchors ?? []) {
    anchored.set(anchor.seq, [...(anchored.get(anchor.seq) ?? []), anchor.hash]);
  }
  let prevHash = GENESIS_HASH;
  let prevSeq: string | null = null;
  let rows = 0;
  let anchorsMatched = 0;
  const cursor = sql`
    select d.seq::text as seq, to_char(d.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
           requester_id, key_id, grant_id, grant_number, purpose, person_code, data_groups, operation_name,
           operation_hash, request_id, correlation_id, client_address, composite_set_id,
           composite_set_version, actor_person_code, channel, case_reference, prev_hash, hash
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
      const expected = chainHash(options.key, prevHash, {
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
        correlationId: row.correlation_id,
        clientAddress: row.client_address,
        compositeSetId: row.composite_set_id,
        compositeSetVersion: row.composite_set_version,
        actorPersonCode: row.actor_person_code,
        channel: row.channel,
        caseReference: row.case_reference,
      });
      if (expected !== row.hash) {
        return {
          ok: false,
          rows,
          seq,
          problem: `row ${seq} was edited, or the chain was recomputed without the key: its content no longer matches its HMAC (or AUDIT_CHAIN_KEY is not the key it was written with)`,
        };
      }
      const witnessed = anchored.get(Number(seq));
      if (witnessed) {
        if (witnessed.some((hash) => hash !== row.hash)) {
          return {
            ok: false,
            rows,
            seq,
            problem: `row ${seq} differs from its anchor: the chain was rewritten from this row on`,
          };
        }
        anchorsMatched += witnessed.length;
        anchored.delete(Number(seq));
      }
      prevHash = row.hash as string;
      prevSeq = seq;
      rows++;
      if (rows % 10_000 === 0) options.onProgress?.(rows);
    }
  }
  if (anchored.size > 0) {
    const missing = Math.max(...anchored.keys());
    return {
      ok: false,
      rows,
      seq: String(missing),
      problem: `row ${missing} was anchored but is gone: rows were deleted${prevSeq && Number(prevSeq) < missing ? ` after row ${prevSeq}` : ""}`,
    };
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
  return { ok: true, rows, anchors: anchorsMatched };
}
