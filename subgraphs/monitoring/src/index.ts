import { accessControlFromEnv, signingSecretFromEnv, stopOnSignals } from "@rnp/common";
import { createDatabase } from "@rnp/db";
import { startNotifier } from "./notifier";
import { startMonitoringSubgraph } from "./server";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error(
    "Set DATABASE_URL to the register's PostgreSQL (or start the whole platform with `pnpm start`).",
  );
  process.exit(1);
}
const { url, stop } = await startMonitoringSubgraph({
  databaseUrl,
  signingSecret: signingSecretFromEnv(),
  accessControl: accessControlFromEnv(),
  port: Number(process.env.PORT ?? 4003),
  host: process.env.HOST ?? "127.0.0.1",
});
// Every replica runs a notifier; the follower position row lock lets one work at a time.
const notifierDb = createDatabase(databaseUrl, { max: 2, applicationName: "rnp-notifier" });
const notifier = await startNotifier({
  sql: notifierDb.sql,
  onError: (error) => console.error("notifier:", error),
});
console.log(`monitoring subgraph ready at ${url}`);
stopOnSignals(async () => {
  await notifier.stop();
  await stop();
  await notifierDb.close();
});
