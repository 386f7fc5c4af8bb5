import { createServer, type Server } from "node:http";
import { Counter, Gauge, Histogram, Registry } from "prom-client";

/** The connector's Prometheus metrics, in a registry of its own. */
export function createMetrics() {
  const registry = new Registry();
  const metrics = {
    registry,
    written: new Counter({
      name: "connector_persons_written_total",
      help: "Persons written to the target.",
      registers: [registry],
    }),
    removed: new Counter({
      name: "connector_persons_removed_total",
      help: "Persons removed (deleted or marked).",
      registers: [registry],
    }),
    deadLetters: new Counter({
      name: "connector_dead_letters_total",
      help: "Persons sent to the dead-letter table.",
      registers: [registry],
    }),
    changes: new Counter({
      name: "connector_changes_total",
      help: "Change notifications applied.",
      registers: [registry],
    }),
    errors: new Counter({
      name: "connector_errors_total",
      help: "Steps that failed and were retried.",
      registers: [registry],
    }),
    lag: new Gauge({
      name: "connector_lag_seconds",
      help: "From the newest applied change's registration to its commit in the target.",
      registers: [registry],
    }),
    commitLag: new Histogram({
      name: "connector_commit_lag_seconds",
      help: "From a change's registration to its commit in the target.",
      buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60],
      registers: [registry],
    }),
    paused: new Gauge({
      name: "connector_paused",
      help: "1 while the grant or the client is refused.",
      registers: [registry],
    }),
  };
  return metrics;
}

/** The metrics the sync counts into. */
export type ConnectorMetrics = ReturnType<typeof createMetrics>;

/** Serves `/metrics` on `port` (0: any free one); resolves with the server once it listens. */
export function serveMetrics(metrics: ConnectorMetrics, port: number): Promise<Server> {
  const server = createServer(async (request, response) => {
    if (request.url !== "/metrics") {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": metrics.registry.contentType });
    response.end(await metrics.registry.metrics());
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}
