import { createDatabase } from "@rnp/db";
import { runSubgraphProcess } from "@rnp/db/process";
import { startNotifier } from "./notifier";
import { createMonitoringSubgraph } from "./server";

// Every replica runs a notifier; the follower position row lock lets one work at a time.
await runSubgraphProcess("monitoring", 4003, createMonitoringSubgraph, async (databaseUrl) => {
  const notifierDb = createDatabase(databaseUrl, { max: 2, applicationName: "rnp-notifier" });
  const notifier = await startNotifier({
    sql: notifierDb.sql,
    onError: (error) => console.error("notifier:", error),
  });
  return async () => {
    await notifier.stop();
    await notifierDb.close();
  };
});
