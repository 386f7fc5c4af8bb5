/**
 * The running platform's connection facts, written by `pnpm start` into `.data/platform.json`
 * (mode 0600) and removed when it stops, so that the project's own tools (`pnpm simulate`,
 * `pnpm audit:verify`, `pnpm monitoring:import`, `pnpm seed`) work beside it: without it each
 * would try to start the embedded PostgreSQL that the platform already runs, and be refused.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** What a tool needs to reach the running platform. */
export interface RunningPlatformFacts {
  /** The `pnpm start` process; the facts are ignored once it is gone (a `kill -9`). */
  pid: number;
  /** The database, with its password (the file is readable by its owner only). */
  databaseUrl: string;
  /** The embedded cluster's folder, or null when the platform runs on DATABASE_URL. */
  dataDir: string | null;
  /** The gateway's GraphQL endpoint. */
  gatewayUrl: string;
  /** The audit chain key file, or null when the key came from AUDIT_CHAIN_KEY. */
  auditChainKeyFile: string | null;
  /** The file the audit chain head is anchored to, if any. */
  auditAnchorFile: string | null;
  /** The development demo requester (absent on a production start). */
  demo?: { key: string; grantNumber: string };
  startedAt: string;
}

/** The facts file of the platform whose data root (the folder above its cluster) is `dataRoot`. */
export function runningPlatformFile(dataRoot: string): string {
  return path.join(dataRoot, "platform.json");
}

/** Writes the facts (mode 0600, whole or not at all) and returns a function that removes them. */
export function writeRunningPlatform(dataRoot: string, facts: RunningPlatformFacts): () => void {
  const file = runningPlatformFile(dataRoot);
  const partial = `${file}.${process.pid}.tmp`;
  // With DATABASE_URL no embedded cluster has made `.data/` yet (a fresh checkout).
  mkdirSync(dataRoot, { recursive: true });
  writeFileSync(partial, `${JSON.stringify(facts, null, 2)}\n`, { mode: 0o600 });
  renameSync(partial, file);
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    process.off("exit", remove);
    // Only our own: a later start on the same folder may have written its facts since.
    if (readFacts(file)?.pid === facts.pid) rmSync(file, { force: true });
  };
  // A start that ends without its stop (an uncaught error, process.exit) leaves no stale file.
  process.once("exit", remove);
  return remove;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readFacts(file: string): RunningPlatformFacts | null {
  if (!existsSync(file)) return null;
  try {
    const facts = JSON.parse(readFileSync(file, "utf8")) as RunningPlatformFacts;
    return Number.isInteger(facts.pid) && typeof facts.databaseUrl === "string" ? facts : null;
  } catch {
    return null;
  }
}

/**
 * The facts of the platform running on `dataRoot`, or null when none runs (no file, an
 * unreadable one, or one left by a process that is gone).
 */
export function readRunningPlatform(dataRoot: string): RunningPlatformFacts | null {
  const facts = readFacts(runningPlatformFile(dataRoot));
  return facts && facts.pid !== process.pid && alive(facts.pid) ? facts : null;
}
