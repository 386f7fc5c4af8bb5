/**
 * The register's change log (`person.change_log`): the published, append-only feed other
 * subgraphs read. Every change appends its rows here as the last statement of its
 * transaction, so the log's order is commit order.
 */
import { REGISTER_CHANGES_CHANNEL } from "@rnp/policy/wire";
import { allDataGroupNames } from "@rnp/schema/supergraph";
import { type SQL, sql } from "drizzle-orm";
import { rowsOf, type Transaction } from "./transaction";

/** A data group's name as the supergraph declares it (`DataGroupName`), e.g. `ADDRESS`. */
export type DataGroup = string;

/** What happened, as `change_log.kind` records it. */
export type ChangeKind =
  | "ADDRESS_DECLARED"
  | "NAME_CHANGED"
  | "DOCUMENT_ISSUED"
  | "DOCUMENT_INVALIDATED"
  | "MARRIAGE"
  | "DIVORCE"
  | "BIRTH"
  | "DEATH"
  | "MUNICIPALITY_RENAMED";

/** One row of the change log: a person whose data of these groups changed. */
export interface ChangeRow {
  personCode: string;
  dataGroups: readonly DataGroup[];
  kind: ChangeKind;
}

/**
 * A set-based batch of log rows for a mass change: `personCodes` is a query yielding one
 * column of distinct personal codes, evaluated inside the appending statement.
 */
export interface ChangeSet {
  personCodes: SQL;
  dataGroups: readonly DataGroup[];
  kind: ChangeKind;
}

export interface AppendResult {
  /** Rows appended. */
  count: number;
  /** Sequence number of the last row appended; null when none was. */
  lastSeq: number | null;
}

// Read from the committed supergraph once, on first use: the catalog declares the groups,
// and a copy here could drift from it.
let declaredGroups: readonly string[] | undefined;

/**
 * The groups in the order the log lists them: the supergraph's declaration order. Throws
 * for a name the supergraph does not declare, a mistake in the calling change that would
 * otherwise log a row no grant can match.
 */
export function inLogOrder(groups: readonly DataGroup[]): DataGroup[] {
  declaredGroups ??= allDataGroupNames();
  const declared = declaredGroups;
  const unknown = groups.filter((group) => !declared.includes(group));
  if (unknown.length > 0) {
    throw new Error(`The change log has no data group ${unknown.join(", ")}; the supergraph declares none.`);
  }
  return declared.filter((group) => groups.includes(group));
}

const groupsLiteral = (groups: readonly DataGroup[]) => `{${inLogOrder(groups).join(",")}}`;

/**
 * Appends rows to the change log. Must be the LAST statement of the change's transaction:
 * it takes the next `n` sequence values by upserting `change_sequence` (id 1), whose row lock
 * is held until commit, so sequence order equals commit order and a reader that sees seq N
 * sees every seq below N. It inserts the rows with seqs value−n+1 … value in the order given
 * (a `ChangeSet` in personal-code order) and queues `NOTIFY register_changes` with the
 * highest seq, which PostgreSQL delivers on commit. One statement for any number of rows.
 */
export async function appendChanges(
  tx: Transaction,
  rows: readonly ChangeRow[] | ChangeSet,
): Promise<AppendResult> {
  let source: SQL;
  if (Array.isArray(rows)) {
    const list = rows as readonly ChangeRow[];
    if (list.length === 0) return { count: 0, lastSeq: null };
    const json = JSON.stringify(
      list.map((row, index) => ({
        ord: index + 1,
        person_code: row.personCode,
        data_groups: inLogOrder(row.dataGroups),
        kind: row.kind,
      })),
    );
    source = sql`select r.ord::bigint as ord, r.person_code, r.data_groups, r.kind
      from jsonb_to_recordset(${json}::jsonb) as r(ord int, person_code text, data_groups text[], kind text)`;
  } else {
    const set = rows as ChangeSet;
    source = sql`select row_number() over (order by p.person_code) as ord, p.person_code,
        ${groupsLiteral(set.dataGroups)}::text[] as data_groups, ${set.kind}::text as kind
      from (${set.personCodes}) as p(person_code)`;
  }
  const [result] = await rowsOf<{ count: number; last_seq: string | null }>(
    tx,
    sql`with source as materialized (${source}),
      counted as (select count(*)::bigint as n from source),
      next as (
        insert into person.change_sequence (id, value)
        select 1, counted.n from counted where counted.n > 0
        on conflict (id) do update set value = person.change_sequence.value + excluded.value
        returning value
      ),
      appended as (
        insert into person.change_log (seq, person_code, data_groups, kind)
        select next.value - counted.n + source.ord, source.person_code, source.data_groups, source.kind
        from source, counted, next
        returning seq
      )
      select (select count(*) from appended)::int as count,
        (select value from next)::text as last_seq,
        (select pg_notify(${REGISTER_CHANGES_CHANNEL}, value::text) from next) as notified`,
  );
  return { count: result?.count ?? 0, lastSeq: result?.last_seq ? Number(result.last_seq) : null };
}
