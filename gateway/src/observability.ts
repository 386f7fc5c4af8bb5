import type { Fetcher } from "@apollo/utils.fetcher";
import { createPartMetrics, LATENCY_BUCKETS, type PartMetrics } from "@rnp/common";
import { Gauge, Histogram } from "prom-client";
import type { AuditObserver } from "./access/auditTrail";

/** The gateway's metrics: the parts' request series plus subgraph calls, the audit trail and subscriptions. */
export interface GatewayMetrics extends PartMetrics {
  subgraphDuration: Histogram<"subgraph" | "outcome">;
  audit: AuditObserver;
  /** Reads the number of open subscriptions when Prometheus scrapes. */
  countOpenSubscriptions(count: () => number): void;
}

export function createGatewayMetrics(): GatewayMetrics {
  const base = createPartMetrics("gateway");
  const registers = [base.registry];
  const auditWrite = new Histogram({
    name: "rnp_audit_write_duration_seconds",
    help: "Time of one audit-trail transaction (a group commit of the disclosures of one or more requests).",
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const auditQueue = new Gauge({
    name: "rnp_audit_queue_length",
    help: "Disclosures waiting for their audit transaction; their responses wait with them.",
    registers,
  });
  let openSubscriptions = () => 0;
  new Gauge({
    name: "rnp_gateway_open_subscriptions",
    help: "GraphQL subscriptions open on this gateway process.",
    registers,
    collect() {
      this.set(openSubscriptions());
    },
  });
  return {
    ...base,
    subgraphDuration: new Histogram({
      name: "rnp_gateway_subgraph_request_duration_seconds",
      help: "Time of each subgraph call, to its response headers, by subgraph and outcome (HTTP status or error).",
      labelNames: ["subgraph", "outcome"],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    audit: {
      written: (seconds) => auditWrite.observe(seconds),
      waiting: (rows) => auditQueue.set(rows),
    },
    countOpenSubscriptions(count) {
      openSubscriptions = count;
    },
  };
}

/** Times every call of `fetcher` to `subgraph` into the histogram. */
export function withSubgraphMetrics(
  fetcher: Fetcher,
  subgraph: string,
  histogram: GatewayMetrics["subgraphDuration"],
): Fetcher {
  return (async (url, init) => {
    const stop = histogram.startTimer({ subgraph });
    try {
      const response = await fetcher(url, init);
      stop({ outcome: String(response.status) });
      return response;
    } catch (error) {
      stop({ outcome: "error" });
      throw error;
    }
  }) as Fetcher;
}
