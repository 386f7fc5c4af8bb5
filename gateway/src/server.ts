import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import type { Fetcher } from "@apollo/utils.fetcher";
import { createGraphQLServer, type GraphQLServer, type ReadinessReport } from "@rnp/common";
import { loadSupergraphSdl } from "@rnp/schema";
import { createSubgraphFetcher } from "./subgraphFetcher";

export interface GatewayOptions {
  /** GraphQL URL of each subgraph by name; a subgraph not named keeps the supergraph's URL. */
  subgraphUrls: Record<string, string>;
  /** The composed supergraph; default the committed `schema/supergraph.graphql`. */
  supergraphSdl?: string;
  /**
   * `undici` (default): the keep-alive pool of `createSubgraphFetcher`. `default`: the
   * gateway's own make-fetch-happen client, kept as the benchmark's baseline.
   */
  fetcher?: "undici" | "default";
}

export type GatewayServer = GraphQLServer<Record<string, never>>;

/** Health of each subgraph as its `/health/ready` reports it (which includes its database). */
async function subgraphReadiness(urls: Record<string, string>): Promise<ReadinessReport> {
  const checks: ReadinessReport["checks"] = {};
  await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      try {
        const response = await fetch(new URL("/health/ready", url), { signal: AbortSignal.timeout(2_000) });
        const body = (await response.json()) as ReadinessReport;
        const failing = Object.entries(body.checks ?? {})
          .filter(([, check]) => !check.ok)
          .map(([check]) => check);
        checks[name] = response.ok
          ? { ok: true }
          : { ok: false, detail: `not ready: ${failing.join(", ") || `HTTP ${response.status}`}` };
      } catch (error) {
        checks[name] = {
          ok: false,
          detail: `unreachable: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
    }),
  );
  return { ready: Object.values(checks).every((check) => check.ok), checks };
}

/** Builds the gateway (a static supergraph, no runtime introspection) without listening. */
export async function createGatewayServer(options: GatewayOptions): Promise<GatewayServer> {
  const supergraphSdl = options.supergraphSdl ?? loadSupergraphSdl();
  const pool = options.fetcher === "default" ? null : createSubgraphFetcher();
  // @apollo/gateway otherwise exports usage metrics to Apollo and probes cloud metadata
  // addresses at start (OpenTelemetry resource detectors): a register must not phone home.
  process.env.APOLLO_TELEMETRY_DISABLED = "true";
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource({
        url: options.subgraphUrls[name] ?? url,
        ...(pool ? { fetcher: pool.fetcher as Fetcher } : {}),
      }),
  });
  return createGraphQLServer<Record<string, never>>({
    apollo: { gateway },
    context: async () => ({}),
    readiness: () => subgraphReadiness(options.subgraphUrls),
    onStop: async () => {
      await pool?.close();
    },
  });
}
