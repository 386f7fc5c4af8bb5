import { parseArgs } from "node:util";
import { createDatabase } from "@rnp/db";
import { databaseFromEnv } from "@rnp/db/embedded";
import { verifyAuditChain } from "../access/auditTrail";

const usage = `Usage: pnpm audit:verify

Re-computes the audit trail's hash chain from its first row and reports the first row that
was edited, or after which rows were deleted. Exit code 0 when the chain is whole, 1 when
it is broken, 2 on bad arguments or an unreachable database.
Database: DATABASE_URL, else the embedded PostgreSQL in .data/postgres.`;

const { values } = parseArgs({ options: { help: { type: "boolean" } } });
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const server = await databaseFromEnv();
const database = createDatabase(server.url, { max: 1, applicationName: "rnp-audit-verify" });
let exitCode = 0;
try {
  const verdict = await verifyAuditChain(database.sql, (rows) =>
    process.stdout.write(`\r${rows} rows verified…`),
  );
  if (verdict.ok) {
    console.log(`\rThe audit trail is whole: ${verdict.rows} rows verified.`);
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
