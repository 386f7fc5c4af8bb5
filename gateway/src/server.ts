import { randomUUID } from "node:crypto";
import { ApolloGateway } from "@apollo/gateway";
import type { Fetcher } from "@apollo/utils.fetcher";
import {
  createGraphQLServer,
  type GraphQLServer,
  type PlatformEnvironment,
  type ReadinessReport,
} from "@rnp/common";
import type { DatabaseClient } from "@rnp/db";
import {
  dataGroupsOf,
  fieldDataGroups,
  fieldRolesOf,
  loadSupergraphSdl,
  rootFieldsServedBy,
} from "@rnp/schema";
import type { GraphQLSchema } from "graphql";
import type { GatewayContext } from "./access/context";
import { SignedDataSource } from "./access/dataSource";
import { accessControlPlugin } from "./access/plugin";
import { errorStatusPlugin } from "./errorStatusPlugin";
import { createSubgraphFetcher, subgraphTimeoutFromEnv, withSubgraphFaults } from "./subgraphFetcher";
import { attachSubscriptionServer } from "./subscriptions";

export interface GatewayOptions {
  /** GraphQL URL of each subgraph by name; a subgraph not named keeps the supergraph's URL. */
  subgraphUrls: Record<string, string>;
  /** The platform database: API keys and grants are read from it, the audit trail written to it. */
  database: DatabaseClient;
  /** Secret the forwarded identities are signed with; the subgraphs must have the same. */
  signingSecret: string;
  /** false: no authentication, grants or audit (benchmark baseline only). */
  accessControl?: boolean;
  /** The environment this platform serves (default TEST); grants of the other are refused. */
  environment?: PlatformEnvironment;
  /** The composed supergraph; default the committed `schema/supergraph.graphql`. */
  supergraphSdl?: string;
  /** How often an idle subscription re-checks its grant (default 15 s). */
  subscriptionRecheckMs?: number;
  /**
   * `undici` (default): the keep-alive pool of `createSubgraphFetcher`. `default`: the
   * gateway's own make-fetch-happen client, kept as the benchmark's baseline.
   */
  fetcher?: "undici" | "default";
  /**
   * Longest a subgraph call may take (default SUBGRAPH_TIMEOUT_MS, else 10 s); a slower
   * subgraph's part of the answer is an error with code SUBGRAPH_TIMEOUT and HTTP 504.
   */
  subgraphTimeoutMs?: number;
}

export type GatewayServer = GraphQLServer<GatewayContext>;

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

const REQUEST_ID = /^[\w.-]{8,64}$/;

/** Builds the gateway (a static supergraph, no runtime introspection) without listening. */
export async function createGatewayServer(options: GatewayOptions): Promise<GatewayServer> {
  const supergraphSdl = options.supergraphSdl ?? loadSupergraphSdl();
  const pool = options.fetcher === "default" ? null : createSubgraphFetcher();
  const subgraphTimeoutMs = options.subgraphTimeoutMs ?? subgraphTimeoutFromEnv();
  // @apollo/gateway otherwise exports usage metrics to Apollo and probes cloud metadata
  // addresses at start (OpenTelemetry resource detectors): a register must not phone home.
  process.env.APOLLO_TELEMETRY_DISABLED = "true";
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const source = new SignedDataSource(
        { url: options.subgraphUrls[name] ?? url, ...(pool ? { fetcher: pool.fetcher as Fetcher } : {}) },
        options.signingSecret,
      );
      // The stock fetcher too: a subgraph that stops answering must not hold requests.
      source.fetcher = withSubgraphFaults(source.fetcher, { subgraph: name, timeoutMs: subgraphTimeoutMs });
      return source;
    },
  });
  const marks = {
    fieldGroups: fieldDataGroups(dataGroupsOf(supergraphSdl)),
    fieldRoles: fieldRolesOf(supergraphSdl),
    grantRootFields: new Set([
      ...[...rootFieldsServedBy(supergraphSdl, "person")].map((field) => `Query.${field}`),
      ...[...rootFieldsServedBy(supergraphSdl, "monitoring")].map((field) => `Query.${field}`),
      ...[...rootFieldsServedBy(supergraphSdl, "monitoring", "Mutation")].map((field) => `Mutation.${field}`),
    ]),
  };
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: schema }) => {
    apiSchema = schema;
  });
  let subscriptions: { dispose(): Promise<void> } | undefined;
  const server = await createGraphQLServer<GatewayContext>({
    apollo: {
      gateway,
      plugins: [
        errorStatusPlugin(),
        ...(options.accessControl === false
          ? []
          : [
              accessControlPlugin({
                db: options.database.db,
                sql: options.database.sql,
                marks,
                environment: options.environment ?? "TEST",
              }),
            ]),
      ],
    },
    context: async (request) => {
      const given = request.headers["x-request-id"];
      const grant = request.headers.grant;
      return {
        requestId: typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID(),
        clientAddress: request.socket.remoteAddress ?? null,
        authorization: request.headers.authorization,
        grantNumber: Array.isArray(grant) ? grant[0] : grant,
        identity: null,
        countsAgainstQuota: true,
        disclosures: new Map(),
      };
    },
    readiness: () => subgraphReadiness(options.subgraphUrls),
    beforeStop: async () => {
      await subscriptions?.dispose();
    },
    onStop: async () => {
      await pool?.close();
    },
  });
  subscriptions = await attachSubscriptionServer({
    httpServer: server.httpServer,
    apollo: server.apollo,
    schema: () => {
      if (!apiSchema) throw new Error("the gateway has not loaded its schema yet");
      return apiSchema;
    },
    database: options.database,
    ...(options.subscriptionRecheckMs ? { recheckIntervalMs: options.subscriptionRecheckMs } : {}),
  });
  return server;
}
