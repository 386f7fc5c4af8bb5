import {
  addresses,
  declaredAddresses,
  identityDocuments,
  marriages,
  nameHistory,
  parentChild,
  persons,
} from "@rnp/db/schema/person";
import type { PgTable } from "drizzle-orm/pg-core";
import type postgres from "postgres";
import { copyRows, copyTarget } from "./copy";
import { REGISTER_DATE } from "./dates";
import { generateRegisterChunks, validateGenerateOptions } from "./generate";
import { emptyChunk, type RegisterChunk, type RegisterTable, TABLE_LOAD_ORDER } from "./rows";
import { suspendForeignKeysAndIndexes } from "./suspendConstraints";

export interface SeedOptions {
  /** Persons to generate (exactly). */
  persons: number;
  /** Default 1. The same seed and number of persons always load the same register. */
  seed?: number;
  /** Called after each batch is loaded with the persons loaded so far. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Empty the person tables first (TRUNCATE … CASCADE), in the same transaction, so a
   * failed re-seed keeps the previous register. Without it a seeded database is refused.
   */
  replace?: boolean;
}

export interface SeedSummary {
  seed: number;
  persons: number;
  /** Rows loaded per table. */
  rows: Record<RegisterTable, number>;
}

const TABLES: Record<RegisterTable, PgTable> = {
  addresses,
  persons,
  declaredAddresses,
  identityDocuments,
  nameHistory,
  marriages,
  parentChild,
};

/** Tables with a bigserial id the generator fills itself; their sequences move past it afterwards. */
const SERIAL_TABLES = ["declared_addresses", "identity_documents", "name_history", "marriages"] as const;

/** Advisory lock key held while seeding (the migrator uses 727001). */
const SEED_LOCK = 727_002;

/** Persons generated between two yields to the event loop, so COPY data keeps flowing meanwhile. */
const GENERATION_STEP = 1_000;
/** Persons per COPY batch: large enough that statement overhead does not matter, small enough for memory. */
const LOAD_BATCH = 25_000;

/** True when a register was seeded: the seed_info row is written last, in the same transaction. */
export async function isRegisterSeeded(sql: postgres.Sql): Promise<boolean> {
  const [row] = await sql<{ seeded: boolean }[]>`select exists (select 1 from person.seed_info) as seeded`;
  return row?.seeded ?? false;
}

/**
 * Generates the synthetic register and bulk-loads it (COPY) into an empty, migrated
 * database, in one transaction: a failure leaves the person tables as they were, and the
 * seed_info row written at the end marks a complete register. Foreign keys and secondary
 * indexes are dropped for the load and restored (and so checked) before the commit.
 *
 * Generation and loading overlap: while PostgreSQL processes one batch, the next one is
 * generated in small steps between which the event loop sends COPY data.
 */
export async function seedRegister(sql: postgres.Sql, options: SeedOptions): Promise<SeedSummary> {
  const { persons: total, seed } = validateGenerateOptions(options);
  const rows = Object.fromEntries(TABLE_LOAD_ORDER.map((table) => [table, 0])) as Record<
    RegisterTable,
    number
  >;
  await sql.begin(async (tx) => {
    // Two processes seeding at once (e.g. replicas starting together): the second waits
    // here, then finds the register seeded instead of colliding with the first's rows.
    await tx`select pg_advisory_xact_lock(${SEED_LOCK})`;
    if (options.replace) await emptyRegister(tx);
    else await refuseNonEmptyRegister(tx);
    const restore = await suspendForeignKeysAndIndexes(
      tx,
      TABLE_LOAD_ORDER.map((table) => copyTarget(TABLES[table]).table),
    );
    let loaded = 0;
    let loading: Promise<void> = Promise.resolve();
    let failed = false;
    let batch = emptyChunk();
    const startLoading = async (chunk: RegisterChunk) => {
      await loading;
      loading = loadChunk(tx, chunk).then(() => {
        for (const table of TABLE_LOAD_ORDER) rows[table] += chunk[table].length;
        loaded += chunk.persons.length;
        options.onProgress?.(loaded, total);
      });
      // Handled here so a failure while the next batch is generated is not an unhandled
      // rejection; it is rethrown by the next `await loading`.
      loading.catch(() => {
        failed = true;
      });
    };
    for (const chunk of generateRegisterChunks({ persons: total, seed, chunkSize: GENERATION_STEP })) {
      if (failed) break;
      appendChunk(batch, chunk);
      if (batch.persons.length >= LOAD_BATCH) {
        await startLoading(batch);
        batch = emptyChunk();
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await startLoading(batch);
    await loading;
    await restore();
    for (const table of SERIAL_TABLES) {
      await tx.unsafe(
        `select setval(pg_get_serial_sequence('person.${table}', 'id'), coalesce((select max(id) from person.${table}), 0) + 1, false)`,
      );
    }
    await tx`insert into person.seed_info (id, seed, persons, generated_at) values (1, ${seed}, ${total}, ${REGISTER_DATE})`;
  });
  // Fresh statistics, so the first queries against the register get good plans.
  await sql.unsafe(`analyze ${TABLE_LOAD_ORDER.map((table) => copyTarget(TABLES[table]).table).join(", ")}`);
  return { seed, persons: total, rows };
}

async function refuseNonEmptyRegister(tx: postgres.TransactionSql): Promise<void> {
  const [row] = await tx<{ seeded: boolean; persons: boolean }[]>`
    select exists (select 1 from person.seed_info) as seeded, exists (select 1 from person.persons) as persons`;
  if (row?.seeded)
    throw new Error("the register is already seeded (person.seed_info has a row); replace it to seed again");
  if (row?.persons)
    throw new Error("person.persons is not empty; seed an empty, migrated database or replace the register");
}

async function emptyRegister(tx: postgres.TransactionSql): Promise<void> {
  // The old register's change log goes with it; person.change_sequence stays, so sequence
  // numbers keep rising and the monitoring notifier's position stays valid.
  const tables = [
    ...TABLE_LOAD_ORDER.map((table) => copyTarget(TABLES[table]).table),
    "person.seed_info",
    "person.change_log",
  ];
  await tx.unsafe(`truncate ${tables.join(", ")} restart identity cascade`);
}

async function loadChunk(tx: postgres.TransactionSql, chunk: RegisterChunk): Promise<void> {
  for (const table of TABLE_LOAD_ORDER) await copyRows(tx, TABLES[table], chunk[table]);
}

function appendChunk(target: RegisterChunk, chunk: RegisterChunk): void {
  for (const table of TABLE_LOAD_ORDER) {
    const rows = target[table] as unknown[];
    for (const row of chunk[table]) rows.push(row);
  }
}
