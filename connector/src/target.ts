import Database from "better-sqlite3";
import {
  type ColumnDataType,
  Kysely,
  MysqlDialect,
  PostgresDialect,
  SqliteDialect,
  sql,
  type Transaction,
} from "kysely";
import { createPool } from "mysql2";
import pg from "pg";
import type { ColumnConfig, ConnectorConfig } from "./schema";

/** The target database through Kysely; its tables are named by the configuration, so rows are untyped. */
// biome-ignore lint/suspicious/noExplicitAny: the tables are the recipient's, known only at run time.
export type TargetDb = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: as above.
export type TargetTx = Transaction<any>;

/** The connector's own tables beside the mapped ones. */
export const STATE_TABLE = "connector_state";
export const DEAD_LETTER_TABLE = "connector_dead_letter";

/** Opens the target the configuration names. */
export function openTarget(target: ConnectorConfig["target"]): TargetDb {
  switch (target.dialect) {
    case "sqlite": {
      const database = new Database(target.url, { fileMustExist: false });
      database.pragma("journal_mode = WAL");
      database.pragma("busy_timeout = 5000");
      return new Kysely({ dialect: new SqliteDialect({ database }) });
    }
    case "postgres":
    case "pg":
      return new Kysely({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target.url, max: 4 }) }),
      });
    case "mysql":
    case "mariadb":
      return new Kysely({
        dialect: new MysqlDialect({
          pool: createPool({ uri: target.url, connectionLimit: 4, dateStrings: true }),
        }),
      });
  }
}

const isMysql = (config: ConnectorConfig) =>
  config.target.dialect === "mysql" || config.target.dialect === "mariadb";

function typeOf(config: ConnectorConfig, column: Pick<ColumnConfig, "type">): ColumnDataType {
  switch (column.type) {
    case "integer":
      return "bigint";
    case "date":
      return config.target.dialect === "sqlite" ? "text" : "date";
    case "boolean":
      return config.target.dialect === "sqlite" ? "integer" : "boolean";
    default:
      return isMysql(config) ? "varchar(255)" : "text";
  }
}

/** The columns of each table the connector writes, as it wants them (name → type). */
function wantedTables(config: ConnectorConfig) {
  const key = "varchar(32)" as const;
  const tables = new Map<string, { columns: [string, ColumnDataType][]; primary: string[] }>();
  const main: [string, ColumnDataType][] = [[config.table.key, key]];
  for (const c of config.table.columns) main.push([c.column, typeOf(config, c)]);
  main.push(["removed_at", "varchar(32)"], ["synced_at", "varchar(32)"]);
  tables.set(config.table.name, { columns: main, primary: [config.table.key] });
  for (const child of config.children) {
    const columns: [string, ColumnDataType][] = [
      [config.table.key, key],
      ["position", "integer"],
    ];
    for (const c of child.columns) columns.push([c.column, typeOf(config, c)]);
    tables.set(child.name, { columns, primary: [config.table.key, "position"] });
  }
  return tables;
}

/**
 * `connector init`: creates the mapped tables, the state and the dead-letter table, and adds
 * the columns a changed mapping names to tables that exist (columns no longer mapped are left
 * for the recipient to drop). Returns what it did, one sentence each.
 */
export async function initTarget(db: TargetDb, config: ConnectorConfig): Promise<string[]> {
  const done: string[] = [];
  const existing = new Map((await db.introspection.getTables()).map((t) => [t.name, t]));
  const wanted = wantedTables(config);
  wanted.set(STATE_TABLE, {
    columns: [
      ["name", "varchar(64)"],
      ["value", isMysql(config) ? "varchar(512)" : "text"],
    ],
    primary: ["name"],
  });
  for (const [name, table] of wanted) {
    const found = existing.get(name);
    if (!found) {
      let create = db.schema.createTable(name);
      for (const [column, type] of table.columns) create = create.addColumn(column, type);
      await create.addPrimaryKeyConstraint(`${name}_pkey`, table.primary as never).execute();
      done.push(`created table ${name}`);
      continue;
    }
    for (const [column, type] of table.columns) {
      if (found.columns.some((c) => c.name === column)) continue;
      await db.schema.alterTable(name).addColumn(column, type).execute();
      done.push(`added column ${name}.${column}`);
    }
  }
  if (!existing.has(DEAD_LETTER_TABLE)) {
    await db.schema
      .createTable(DEAD_LETTER_TABLE)
      .addColumn("person_code", "varchar(32)", (c) => c.primaryKey())
      .addColumn("reason", isMysql(config) ? "varchar(1000)" : "text")
      .addColumn("failed_at", "varchar(32)")
      .execute();
    done.push(`created table ${DEAD_LETTER_TABLE}`);
  }
  return done;
}

/** A value of the state table, read in or out of a transaction. */
export async function readState(db: TargetDb | TargetTx, name: string): Promise<string | undefined> {
  const row = await db.selectFrom(STATE_TABLE).select("value").where("name", "=", name).executeTakeFirst();
  return row?.value ?? undefined;
}

/** Sets a value of the state table inside the caller's transaction (delete and insert: one form for every dialect). */
export async function writeState(tx: TargetTx, name: string, value: string): Promise<void> {
  await tx.deleteFrom(STATE_TABLE).where("name", "=", name).execute();
  await tx.insertInto(STATE_TABLE).values({ name, value }).execute();
}

/** Checks the connector can write the target: a row into its state table and back out, rolled back. */
export async function probeWrite(db: TargetDb): Promise<void> {
  await db
    .transaction()
    .execute(async (tx) => {
      await writeState(tx, "probe", new Date().toISOString());
      await sql`select 1`.execute(tx);
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
}

class RolledBack extends Error {}
