import { fileURLToPath } from "node:url";
import { sql as dsql } from "drizzle-orm";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { ensureAuditPrivileges } from "./auditPrivileges";
import * as schema from "./schema/index";

export { AUDIT_WRITER_ROLE, ensureAuditPrivileges } from "./auditPrivileges";
export { schema };
export type Database = PostgresJsDatabase<Record<string, never>>;

export interface DatabaseOptions {
  /** Most connections the pool opens. */
  max?: number;
  /** Called with every SQL statement sent; tests count statements with it. */
  onStatement?: (query: string) => void;
  /** Name shown in pg_stat_activity. */
  applicationName?: string;
}

export interface DatabaseClient {
  db: Database;
  /** The raw `postgres` client, for COPY and statements drizzle does not express. */
  sql: postgres.Sql;
  close(): Promise<void>;
}

/** Opens a connection pool; nothing connects until the first statement. */
export function createDatabase(url: string, options: DatabaseOptions = {}): DatabaseClient {
  const onStatement = options.onStatement;
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? "rnp" },
    ...(onStatement ? { debug: (_connection: number, query: string) => onStatement(query) } : {}),
  });
  const db = drizzle(sql);
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}

export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

/**
 * Applies the committed drizzle-kit migrations, then the audit trail's role and triggers
 * (`ensureAuditPrivileges`). An advisory lock serialises replicas that start at the same
 * time, so each migration runs once.
 */
export async function migrateDatabase(url: string): Promise<void> {
  const client = createDatabase(url, { max: 1, applicationName: "rnp-migrate" });
  try {
    // One connection (max: 1), so the session lock covers the migrator's statements.
    await client.sql`select pg_advisory_lock(727001)`;
    await migrate(client.db, { migrationsFolder });
    await ensureAuditPrivileges(client.sql);
    await client.sql`select pg_advisory_unlock(727001)`;
  } finally {
    await client.close();
  }
}

/** True when the database answers a trivial statement. */
export async function isDatabaseReachable(db: Database): Promise<boolean> {
  try {
    await db.execute(dsql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/** A readiness report with one check, the database. */
export async function databaseReadiness(db: Database) {
  const ok = await isDatabaseReachable(db);
  return { ready: ok, checks: { database: { ok } } };
}

/**
 * Stops a `sql.listen()` on shutdown. A server that is already gone (stopped first, or the
 * connection cut) took the LISTEN with the connection, so a closed connection is success
 * here, not an error to print; any other error still throws.
 */
export async function unlistenQuietly(listener: { unlisten(): Promise<void> }): Promise<void> {
  try {
    await listener.unlisten();
  } catch (error) {
    const code = (error as { code?: string } | null)?.code;
    if (code !== "CONNECTION_CLOSED" && code !== "CONNECTION_ENDED" && code !== "CONNECTION_DESTROYED")
      throw error;
  }
}
