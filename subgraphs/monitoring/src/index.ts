import { createDatabase } from "@rnp/db";
import { runSubgraphProcess } from "@rnp/db/process";
import { startNotifier } from "./notifier";
import { createMonitoringSubgraph } from "./server";

// Every replica runs a notifier; the partitions of the sets are shared among them by leases.
await runSubgraphProcess("monitoring", 4003, createMonitoringSubgraph, async (databaseUrl, server) => {
  const notifierDb = createDatabase(databaseUrl, { max: 2, applicationName: "rnp-notifier" });
  const notifier = await startNotifier({
    sql: notifierDb.sql,
    onError: (error) =>
      server.logger.error({ err: error }, "notifier failed; it retries on the next change or poll"),
    registry: server.metrics.registry,
  });
  return async () => {
    await notifier.stop();
    await notifierDb.close();
  };
});
