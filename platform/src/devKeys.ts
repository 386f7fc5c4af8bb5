/**
 * The keys `pnpm start` hands out in development, kept in `.data/` beside the embedded
 * cluster (as the audit chain key is) so that they survive a restart: scripts and the
 * explorer link keep working, and no key of an earlier start is left valid behind them.
 * Never written into a page: the banner prints them, the explorer takes its key from the
 * address's fragment.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The file of the bootstrap operator key under `dataRoot`. */
export const operatorKeyFile = (dataRoot: string) => path.join(dataRoot, "operator.key");
/** The file of the demo requester's key under `dataRoot`. */
export const demoKeyFile = (dataRoot: string) => path.join(dataRoot, "demo-requester.key");

/** The key in `file`, or null when there is none (or it is empty). */
export function readKeyFile(file: string): string | null {
  if (!existsSync(file)) return null;
  const key = readFileSync(file, "utf8").trim();
  return key || null;
}

/** Writes `key` to `file`, readable by its owner only. */
export function writeKeyFile(file: string, key: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  // writeFileSync's mode applies only to a new file.
  chmodSync(file, 0o600);
}

/** The operator key kept in `dataRoot`, made (random) on the first start. */
export function loadOrCreateOperatorKey(dataRoot: string): string {
  const file = operatorKeyFile(dataRoot);
  const kept = readKeyFile(file);
  if (kept) return kept;
  const key = `rnp_op_${randomBytes(24).toString("base64url")}`;
  writeKeyFile(file, key);
  return key;
}
