import type { IncomingMessage, ServerResponse } from "node:http";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/**
 * One part's Prometheus metrics, in a registry of its own (several parts may share a
 * process, as under `pnpm start`): the process's defaults (`rnp_process_*`, `rnp_nodejs_*`)
 * and its GraphQL requests by operation and requester. Parts register more on `registry`.
 */
export interface PartMetrics {
  registry: Registry;
  requests: Counter<"operation" | "requester" | "status">;
  errors: Counter<"operation" | "requester" | "code">;
  duration: Histogram<"operation" | "requester">;
  /** The label for an operation name: client-chosen text, so bounded in form and in number. */
  operationLabel(name: string | null | undefined): string;
}

/** Buckets in seconds, 1 ms to 10 s: a register request is a few milliseconds when healthy. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Distinct operation names kept as labels; later ones are counted as `other`. */
const MAX_OPERATION_LABELS = 500;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function createPartMetrics(part: string): PartMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ part });
  collectDefaultMetrics({ register: registry, prefix: "rnp_" });
  const seen = new Set<string>();
  return {
    registry,
    requests: new Counter({
      name: "rnp_graphql_requests_total",
      help: "GraphQL requests answered, by operation name, requester id and HTTP status.",
      labelNames: ["operation", "requester", "status"],
      registers: [registry],
    }),
    errors: new Counter({
      name: "rnp_graphql_errors_total",
      help: "GraphQL errors answered, by operation name, requester id and error code.",
      labelNames: ["operation", "requester", "code"],
      registers: [registry],
    }),
    duration: new Histogram({
      name: "rnp_graphql_request_duration_seconds",
      help: "Time from the request's arrival to the last byte of its answer, by operation and requester.",
      labelNames: ["operation", "requester"],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    operationLabel(name) {
      if (!name) return "anonymous";
      if (!OPERATION_NAME.test(name)) return "invalid";
      if (seen.has(name)) return name;
      if (seen.size >= MAX_OPERATION_LABELS) return "other";
      seen.add(name);
      return name;
    },
  };
}

/**
 * The `/metrics` route in Prometheus' text format. With `token` (METRICS_TOKEN) it asks for
 * `Authorization: Bearer <token>`: requester ids and volumes are not for everyone.
 */
export function metricsRoute(registry: Registry, token: string | undefined) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    if (token && request.headers.authorization !== `Bearer ${token}`) {
      response.writeHead(401, { "content-type": "text/plain; charset=utf-8", "www-authenticate": "Bearer" });
      response.end("The metrics need `Authorization: Bearer <METRICS_TOKEN>`.\n");
      return;
    }
    const body = await registry.metrics();
    response.writeHead(200, { "content-type": registry.contentType });
    response.end(body);
  };
}
