import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import {
  appendFileSync,
  chmodSync,
  closeSync,
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { appendFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";

/**
 * The chain key, the anchors and where they live. The database holds neither: someone who
 * can write the audit tables can recompute an unkeyed chain, but not an HMAC without the
 * key, and cannot take back an anchor line already written to a file outside the database.
 */

/** Shortest `AUDIT_CHAIN_KEY` accepted: 32 characters (a generated key has 43). */
export const MIN_CHAIN_KEY_LENGTH = 32;

/** Why a chain key is unusable, or null. */
export function chainKeyProblem(key: string): string | null {
  return key.length < MIN_CHAIN_KEY_LENGTH
    ? `the audit chain key has ${key.length} characters; use at least ${MIN_CHAIN_KEY_LENGTH} (e.g. \`openssl rand -base64 32\`)`
    : null;
}

/**
 * Reads the chain key kept in `file`, creating it (random, mode 0600) when absent. For the
 * embedded database of `pnpm start`: the file sits in `.data/`, beside the PostgreSQL
 * folder and not inside it, so a copy of the cluster does not carry the key.
 */
export function loadOrCreateChainKey(file: string): string {
  if (existsSync(file)) {
    const key = readFileSync(file, "utf8").trim();
    const problem = chainKeyProblem(key);
    if (problem) throw new Error(`${file}: ${problem}`);
    return key;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString("base64url");
  // `wx`: two processes starting at once must not each write a different key.
  try {
    writeFileSync(file, `${key}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return loadOrCreateChainKey(file);
    throw error;
  }
  chmodSync(file, 0o600);
  return key;
}

/** A chain state witnessed outside the table: row `seq` had hash `hash` at time `at`. */
export interface Anchor {
  seq: number;
  hash: string;
  at: string;
}

function anchorMac(key: string, anchor: Anchor): string {
  return createHmac("sha256", key)
    .update(`rnp-audit-anchor\n${anchor.seq}\n${anchor.hash}\n${anchor.at}`)
    .digest("hex");
}

/** One line of the anchor file: the anchor and its HMAC, as JSON. */
export function anchorLine(key: string, anchor: Anchor): string {
  return `${JSON.stringify({ ...anchor, mac: anchorMac(key, anchor) })}\n`;
}

/** Where anchors go. `record` failing is logged by the caller; the rows are already committed. */
export interface AnchorSink {
  record(anchor: Anchor): Promise<void>;
}

/**
 * Appends anchor lines to a file (created with mode 0600). A last line left torn by a crash
 * is closed with a newline first, so the next anchor starts a line of its own.
 */
export function fileAnchorSink(file: string, key: string): AnchorSink {
  mkdirSync(path.dirname(file), { recursive: true });
  if (existsSync(file)) {
    const size = statSync(file).size;
    if (size > 0) {
      const last = Buffer.alloc(1);
      const fd = openSync(file, "r");
      try {
        readSync(fd, last, 0, 1, size - 1);
      } finally {
        closeSync(fd);
      }
      if (last.toString() !== "\n") appendFileSync(file, "\n");
    }
  }
  return {
    record: (anchor) => appendFile(file, anchorLine(key, anchor), { mode: 0o600 }),
  };
}

export type AnchorReadResult =
  | {
      ok: true;
      anchors: Anchor[] /** Lines that are not JSON (torn by a crash mid-write). */;
      torn: number[];
    }
  | { ok: false; line: number; problem: string };

/**
 * Reads an anchor file, checking each line's HMAC: a line that is not signed with the key
 * (forged, edited, or written under another key) fails the whole file, by line number;
 * lines that are not JSON at all (torn writes) are skipped and listed.
 */
export async function readAnchorFile(file: string, key: string): Promise<AnchorReadResult> {
  const anchors: Anchor[] = [];
  let line = 0;
  // A line that is not JSON is a write torn by a crash: it witnesses nothing, so it is
  // skipped and reported. A JSON line with a bad HMAC is a forgery and fails the file.
  const torn: number[] = [];
  const lines = createInterface({
    input: createReadStream(file, "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const text of lines) {
    line++;
    if (!text.trim()) continue;
    let parsed: { seq?: unknown; hash?: unknown; at?: unknown; mac?: unknown };
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      torn.push(line);
      continue;
    }
    const { seq, hash, at, mac } = parsed;
    if (
      typeof seq !== "number" ||
      !Number.isSafeInteger(seq) ||
      typeof hash !== "string" ||
      typeof at !== "string" ||
      typeof mac !== "string"
    ) {
      return { ok: false, line, problem: "it lacks seq, hash, at or mac" };
    }
    const anchor = { seq, hash, at };
    const expected = Buffer.from(anchorMac(key, anchor), "hex");
    const given = Buffer.from(mac, "hex");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return {
        ok: false,
        line,
        problem: "its HMAC does not match: it was edited, forged or written with another key",
      };
    }
    anchors.push(anchor);
  }
  return { ok: true, anchors, torn };
}

/** `AUDIT_ANCHOR_FILE`; else, with the embedded database, `audit-anchors.jsonl` beside its data folder. */
export function anchorFileFromEnv(embeddedDataDir: string | null): string | null {
  if (process.env.AUDIT_ANCHOR_FILE) return process.env.AUDIT_ANCHOR_FILE;
  return embeddedDataDir ? path.join(path.dirname(embeddedDataDir), "audit-anchors.jsonl") : null;
}

export interface AuditSettings {
  key: string;
  /** Anchor file, or null when none is configured. */
  anchorFile: string | null;
  /** The file the key was read from, or null when it came from the environment. */
  keyFile: string | null;
}

/**
 * Where the audit key and anchors come from, the same for the gateway and `audit:verify`:
 * - key: `AUDIT_CHAIN_KEY`; else, with the embedded database, `audit-chain.key` in the
 *   folder above its data folder (`.data/`), generated on first use; else a key derived
 *   from `INTERNAL_SIGNING_SECRET` (with a warning: set AUDIT_CHAIN_KEY so that the parts
 *   that only sign identities cannot also chain audit rows).
 * - anchors: `AUDIT_ANCHOR_FILE`; else, with the embedded database, `.data/audit-anchors.jsonl`.
 * Throws with a sentence saying what to set when no key can be had.
 */
export function auditSettingsFromEnv(
  embeddedDataDir: string | null,
  warn: (line: string) => void = console.warn,
  /** false for readers (`audit:verify`): a key made now could not verify anything. */
  createKey = true,
): AuditSettings {
  const dataRoot = embeddedDataDir ? path.dirname(embeddedDataDir) : null;
  const anchorFile = anchorFileFromEnv(embeddedDataDir);
  const fromEnv = process.env.AUDIT_CHAIN_KEY;
  if (fromEnv) {
    const problem = chainKeyProblem(fromEnv);
    if (problem) throw new Error(`AUDIT_CHAIN_KEY: ${problem}.`);
    return { key: fromEnv, anchorFile, keyFile: null };
  }
  if (dataRoot) {
    const file = path.join(dataRoot, "audit-chain.key");
    if (!createKey && !existsSync(file)) {
      throw new Error(
        `No audit chain key: ${file} does not exist (the gateway creates it on its first start). Set AUDIT_CHAIN_KEY to the key the gateway writes with.`,
      );
    }
    return { key: loadOrCreateChainKey(file), anchorFile, keyFile: file };
  }
  const signing = process.env.INTERNAL_SIGNING_SECRET;
  if (signing) {
    warn(
      "AUDIT_CHAIN_KEY is not set: the audit chain is keyed with a key derived from INTERNAL_SIGNING_SECRET. Set AUDIT_CHAIN_KEY (32+ characters) on the gateway and for `pnpm audit:verify` only.",
    );
    return {
      key: createHmac("sha256", signing).update("rnp-audit-chain-key").digest("base64url"),
      anchorFile,
      keyFile: null,
    };
  }
  throw new Error(
    "Set AUDIT_CHAIN_KEY (32+ characters, e.g. `openssl rand -base64 32`): the audit chain is keyed with it, and `pnpm audit:verify` needs the same key.",
  );
}
