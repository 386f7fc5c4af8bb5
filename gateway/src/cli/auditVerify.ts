import { existsSync } from "node:fs";
import path from "node:path";
import { commandLine } from "@rnp/common";
import { createDatabase } from "@rnp/db";
import { databaseFromEnv, dataDirFromEnv } from "@rnp/db/embedded";
import { readRunningPlatform } from "@rnp/db/running";
import { type Anchor, anchorFileFromEnv, auditSettingsFromEnv, readAnchorFile } from "../access/auditAnchors";
import { verifyAuditChain } from "../access/auditTrail";

const usage = `Usage: pnpm audit:verify [--anchors FILE]

Re-computes the audit trail's keyed hash chain (HMAC-SHA256) from its first row, checks
that every anchor of the chain head written outside the database matches it, and reports
the first row that was edited, after which rows were deleted, or an anchor the table no
longer matches. Exit code 0 when the chain is whole, 1 when it is broken, 2 on bad
arguments, a missing key or an unreachable database.

Key: AUDIT_CHAIN_KEY, else (embedded database) .data/audit-chain.key.
Anchors: --anchors FILE, else AUDIT_ANCHOR_FILE, else the running platform's, else
(embedded) .data/audit-anchors.jsonl when it exists.
Database: DATABASE_URL, else the platform \`pnpm start\` runs (.data/platform.json), else the
embedded PostgreSQL in .data/postgres.`;

const { values } = commandLine({ usage, options: { anchors: { type: "string" } } });

// Beside a running `pnpm start`, its own facts say where its database, key and anchors are.
const running = process.env.DATABASE_URL ? null : readRunningPlatform(path.dirname(dataDirFromEnv()));
const embeddedDataDir = process.env.DATABASE_URL ? null : running ? running.dataDir : dataDirFromEnv();
let key: string;
try {
  key = auditSettingsFromEnv(embeddedDataDir, (line) => console.error(line), false).key;
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
const anchorFile =
  values.anchors ?? anchorFileFromEnv(null) ?? running?.auditAnchorFile ?? anchorFileFromEnv(embeddedDataDir);
let anchors: Anchor[] = [];
if (anchorFile && (values.anchors || existsSync(anchorFile))) {
  try {
    const read = await readAnchorFile(anchorFile, key);
    if (!read.ok) {
      console.error(`The audit anchors are broken: line ${read.line} of ${anchorFile}: ${read.problem}.`);
      process.exit(1);
    }
    anchors = read.anchors;
    if (read.torn.length > 0) {
      console.error(
        `Skipped ${read.torn.length} torn line(s) of ${anchorFile} (a crash mid-write): ${read.torn.slice(0, 10).join(", ")}.`,
      );
    }
  } catch (error) {
    console.error(
      `Could not read the anchor file ${anchorFile}: ${error instanceof Error ? error.message : String(error)}.`,
    );
    process.exit(2);
  }
} else {
  console.error(
    "No anchor file: the chain is checked with the key only (set AUDIT_ANCHOR_FILE or --anchors).",
  );
}

let server: Awaited<ReturnType<typeof databaseFromEnv>>;
try {
  server = await databaseFromEnv();
} catch (error) {
  // One sentence (the embedded server's own says what holds it and what to do), no trace.
  console.error(`Could not open the database: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
const database = createDatabase(server.url, { max: 1, applicationName: "rnp-audit-verify" });
let exitCode = 0;
try {
  const verdict = await verifyAuditChain(database.sql, {
    key,
    anchors,
    onProgress: (rows) => process.stdout.write(`\r${rows} rows verified…`),
  });
  if (verdict.ok) {
    console.log(
      `\rThe audit trail is whole: ${verdict.rows} rows verified, ${verdict.anchors} anchors matched.`,
    );
  } else {
    console.error(
      `\rThe audit trail is broken at row ${verdict.seq}: ${verdict.problem}. (${verdict.rows} rows before it verified.)`,
    );
    exitCode = 1;
  }
} catch (error) {
  console.error(
    `Could not read the audit trail: ${error instanceof Error ? error.message : String(error)}. Check DATABASE_URL.`,
  );
  exitCode = 2;
} finally {
  await database.close();
  await server.stop();
}
process.exitCode = exitCode;
