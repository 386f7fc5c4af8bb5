import { stopOnSignals } from "@rnp/common";
import { createDatabase } from "@rnp/db";
import { startNotifier } from "../notifier";

// A notifier replica on its own (no GraphQL server): DATABASE_URL, and optionally
// NOTIFIER_LEASE_MS (how long a dead replica's partitions wait) and NOTIFIER_POLL_MS.
// Every monitoring subgraph process runs one as well; this one lets the notifier scale apart.
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("Set DATABASE_URL to the register's PostgreSQL.");
  process.exit(1);
}
const number = (name: string) => {
  const value = process.env[name];
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    console.error(`${name} must be a whole number of milliseconds above 0, not "${value}".`);
    process.exit(1);
  }
  return parsed;
};
const leaseMs = number("NOTIFIER_LEASE_MS");
const pollIntervalMs = number("NOTIFIER_POLL_MS");
const database = createDatabase(databaseUrl, { max: 2, applicationName: "rnp-notifier" });
const notifier = await startNotifier({
  sql: database.sql,
  ...(leaseMs ? { leaseMs } : {}),
  ...(pollIntervalMs ? { pollIntervalMs } : {}),
  onError: (error) =>
    console.error(`notifier failed (it retries on the next change or poll): ${(error as Error).message}`),
});
console.log(`notifier running (pid ${process.pid})`);
stopOnSignals(async () => {
  await notifier.stop();
  await database.close();
});
