import { once } from "node:events";
import { finished } from "node:stream/promises";
import { migrateDatabase } from "@rnp/db";
import postgres from "postgres";
import { rewriteCopyLines } from "./copyText";
import type { AnonymisationKeys } from "./keys";
import { FULLY_BOXED, measureRegister, type RegisterMeasure } from "./measure";
import { AnonymisationPlan, DEFAULT_K } from "./plan";
import { registerTables, type TableRewrite } from "./register";
import { TooFewRowsError } from "./rowBoxes";

export interface AnonymiseOptions {
  /** The register to read (only read, in one repeatable-read snapshot). */
  from: string;
  /** An empty database (migrated here when it is not yet). */
  to: string;
  keys: AnonymisationKeys;
  /** The day ages are kept on and no birth date passes (default today, UTC). */
  asOf?: string;
  /** The smallest class of rows the kept quasi-identifiers may leave (default 5, at least 2). */
  k?: number;
  /** Rows written so far of one table, and its total, after each piece. */
  onProgress?: (table: string, done: number, total: number) => void;
  /** A step of the run starts ("planning", "copying", "measuring"). */
  onStep?: (step: string) => void;
}

export interface AnonymiseSummary {
  persons: number;
  /** Rows written per table. */
  rows: Record<string, number>;
  milliseconds: number;
  /** The k aimed at, and the k measured on the written register per table (before it committed). */
  k: { target: number; measured: RegisterMeasure };
  /** How much was generalised: persons whose birth year is kept exactly or within 5 years, and the exceptions. */
  generalisation: {
    birthYearExact: number;
    birthYearWithinFive: number;
    twinGroupsOutsideBox: number;
    generationsTooClose: number;
    namesOutsideBand: number;
    changeLogCopied: boolean;
  };
}

/** A refusal the command prints as it is: the sentence says what to fix. */
export class AnonymiseError extends Error {}

/** `postgres://user:secret@host:5432/db` → `host:5432/db`: never print a password. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "(an unparsable URL)";
  }
}

async function reach(url: string, role: "source" | "target"): Promise<postgres.Sql> {
  let sql: postgres.Sql;
  try {
    sql = postgres(url, {
      max: 1,
      onnotice: () => {},
      connect_timeout: 10,
      connection: { application_name: "rnp-anonymise" },
    });
  } catch (error) {
    throw new AnonymiseError(
      `the ${role} database URL is not a PostgreSQL URL (${(error as Error).message})`,
    );
  }
  try {
    await sql`select 1`;
    return sql;
  } catch (error) {
    await sql.end({ timeout: 1 }).catch(() => {});
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new AnonymiseError(
      `cannot reach the ${role} database ${describeUrl(url)} (${reason}); check the URL and that PostgreSQL runs there`,
    );
  }
}

/**
 * Writes an anonymised copy of the `from` register into the empty `to` database: every
 * person table through `RegisterAnonymiser`, streamed with COPY out of one snapshot and COPY
 * into one target transaction (a failure leaves the target empty). Only the `person` schema
 * is copied: requesters, grants, audit and monitoring sets stay behind.
 */
export async function anonymiseRegister(options: AnonymiseOptions): Promise<AnonymiseSummary> {
  const started = performance.now();
  if (options.from === options.to)
    throw new AnonymiseError("--from and --to name the same database; write into another, empty one");
  const source = await reach(options.from, "source");
  let target: postgres.Sql | undefined;
  try {
    target = await reach(options.to, "target");
    const [registered] = await source<
      { exists: boolean }[]
    >`select to_regclass('person.persons') is not null as exists`;
    if (!registered?.exists)
      throw new AnonymiseError(
        `the source database ${describeUrl(options.from)} holds no register (no table person.persons)`,
      );
    await refuseNonEmptyTarget(target, options.to);
    await migrateDatabase(options.to);
    return await copyAnonymised(source, target, options, started);
  } finally {
    await source.end({ timeout: 5 });
    await target?.end({ timeout: 5 });
  }
}

async function refuseNonEmptyTarget(target: postgres.Sql, url: string): Promise<void> {
  const [table] = await target<
    { exists: boolean }[]
  >`select to_regclass('person.persons') is not null as exists`;
  if (!table?.exists) return;
  const [row] = await target<{ persons: boolean; seeded: boolean }[]>`
    select exists (select 1 from person.persons) as persons, exists (select 1 from person.seed_info) as seeded`;
  if (row?.persons || row?.seeded) {
    throw new AnonymiseError(
      `the target database ${describeUrl(url)} already holds a register; give an empty database (or drop and create it again)`,
    );
  }
}

/** Reads the plan of a run from the source alone: what the key holder recomputes (tests do). */
export async function readPlan(
  from: string,
  keys: AnonymisationKeys,
  asOf: string,
  k: number = DEFAULT_K,
): Promise<AnonymisationPlan> {
  const source = await reach(from, "source");
  try {
    return await source.begin("isolation level repeatable read read only", async (sql) => {
      await sql`set local datestyle to 'ISO, YMD'`;
      await sql`set local timezone to 'UTC'`;
      return AnonymisationPlan.read(sql, keys, asOf, k);
    });
  } finally {
    await source.end({ timeout: 5 });
  }
}

async function copyAnonymised(
  source: postgres.Sql,
  target: postgres.Sql,
  options: AnonymiseOptions,
  started: number,
): Promise<AnonymiseSummary> {
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const k = options.k ?? DEFAULT_K;
  if (!Number.isInteger(k) || k < 2)
    throw new AnonymiseError(`k must be a whole number of 2 or more; got ${k}`);
  const rows: Record<string, number> = {};
  let persons = 0;
  let measured: RegisterMeasure | undefined;
  let plan: AnonymisationPlan | undefined;
  await source.begin("isolation level repeatable read read only", async (from) => {
    await from`set local datestyle to 'ISO, YMD'`;
    await from`set local timezone to 'UTC'`;
    options.onStep?.("planning");
    try {
      plan = await AnonymisationPlan.read(from, options.keys, asOf, k);
    } catch (error) {
      if (error instanceof TooFewRowsError) throw new AnonymiseError(error.message);
      throw error;
    }
    const planned = plan;
    await target.begin(async (to) => {
      await to`set local datestyle to 'ISO, YMD'`;
      await to`set local timezone to 'UTC'`;
      options.onStep?.("copying");
      for (const table of registerTables(planned)) {
        const [counted] = await from.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table.table}`);
        const total = counted?.n ?? 0;
        rows[table.table] = await copyTable(from, to, table, total, options.onProgress);
        if (table.table === "person.persons") persons = rows[table.table] ?? 0;
        // Rows lie in the order they were read (the source's); reorder them by their new key.
        if (table.clusterOn) await cluster(to, table.table, table.clusterOn);
      }
      for (const serial of ["declared_addresses", "identity_documents", "name_history", "marriages"]) {
        await to.unsafe(
          `select setval(pg_get_serial_sequence('person.${serial}', 'id'), coalesce((select max(id) from person.${serial}), 0) + 1, false)`,
        );
      }
      options.onStep?.("measuring");
      measured = await measureRegister(to, planned);
      refuseBelowK(measured, k);
    });
  });
  await target.unsafe(
    "analyze person.persons, person.addresses, person.declared_addresses, person.identity_documents, person.name_history, person.marriages, person.parent_child, person.change_log",
  );
  if (!measured || !plan) throw new Error("the run ended without a measurement");
  const kept = plan.persons.birthYearsKept();
  return {
    persons,
    rows,
    milliseconds: performance.now() - started,
    k: { target: k, measured },
    generalisation: {
      birthYearExact: kept.exact,
      birthYearWithinFive: kept.withinFive,
      twinGroupsOutsideBox: plan.persons.twinsOutsideBox,
      generationsTooClose: plan.persons.generationsTooClose,
      namesOutsideBand: plan.names.outside,
      changeLogCopied: plan.changes.copied,
    },
  };
}

/** Rolls the target back (by throwing) when a table's smallest class is below k. */
function refuseBelowK(measured: RegisterMeasure, k: number): void {
  for (const [table, measure] of Object.entries(measured) as [
    keyof RegisterMeasure,
    RegisterMeasure[keyof RegisterMeasure],
  ][]) {
    if (measure.k !== null && measure.k < k) {
      throw new AnonymiseError(
        `the written ${table} would single out classes of ${measure.k} (k = ${k} is the target); nothing was written`,
      );
    }
    if (FULLY_BOXED.includes(table) && measure.placed < measure.rows) {
      throw new AnonymiseError(
        `${measure.rows - measure.placed} written ${table} rows fall outside every class of the plan; nothing was written`,
      );
    }
  }
}

/** Rewrites a table in the order of an index (its primary key, or the one named, unqualified). */
async function cluster(sql: postgres.TransactionSql, table: string, index: string): Promise<void> {
  let name = index;
  if (index === "primary") {
    const [row] = await sql<{ name: string }[]>`
      select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid
       where i.indrelid = ${table}::regclass and i.indisprimary`;
    if (!row) throw new Error(`${table} has no primary key to order by`);
    name = row.name;
  }
  await sql.unsafe(`cluster ${table} using ${name}`);
}

/**
 * COPY out of the snapshot, rewrite, COPY in. postgres.js never settles a COPY stream whose
 * statement fails after the data was sent (porsager/postgres#1173), so a `select 1` queued
 * behind the COPY turns such a failure into an error instead of a hang (as the generator's
 * loader does).
 */
async function copyTable(
  from: postgres.TransactionSql,
  to: postgres.TransactionSql,
  table: TableRewrite,
  total: number,
  onProgress: AnonymiseOptions["onProgress"],
): Promise<number> {
  const readable = await from.unsafe(`copy (${table.select}) to stdout`).readable();
  const writable = await to.unsafe(`copy ${table.table} (${table.columns.join(", ")}) from stdin`).writable();
  let startProbe: (probe: Promise<unknown>) => void = () => {};
  const probe = new Promise<unknown>((resolve, reject) => {
    startProbe = (started) => started.then(resolve, reject);
  });
  const sendCopyDone = writable._final.bind(writable);
  writable._final = (callback) => {
    sendCopyDone(callback);
    startProbe(to`select 1`.execute());
  };
  let done = 0;
  const rewrite = table.rewrite ?? ((fields: string[]) => fields);
  try {
    for await (const piece of rewriteCopyLines(readable, rewrite, (count) => {
      done += count;
    })) {
      if (!writable.write(piece)) await once(writable, "drain");
      onProgress?.(table.table, done, total);
    }
    // postgres.js pauses the socket when the stream's buffer is full and resumes it only
    // from the stream's read(); when that happens on the last chunk, the rest of the answer
    // (ReadyForQuery) is never read and the connection's next statement hangs. The stream
    // has ended by now, so resuming the socket is safe.
    readable._read(0);
    writable.end();
    await Promise.all([finished(writable), probe]);
  } catch (error) {
    readable.destroy();
    throw new Error(`copying ${table.table} failed: ${String(error)}`, { cause: error });
  }
  onProgress?.(table.table, done, total);
  return done;
}
