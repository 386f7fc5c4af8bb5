import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { ApolloGateway } from "@apollo/gateway";
import type { Fetcher } from "@apollo/utils.fetcher";
import {
  apolloLoggerOf,
  correlationIdOf,
  createGraphQLServer,
  type GraphQLServer,
  identityTtlSecondsFromEnv,
  isProduction,
  type PlatformEnvironment,
  partLogger,
  type ReadinessReport,
  type SigningKeys,
} from "@rnp/common";
import type { DatabaseClient } from "@rnp/db";
import { accessMarksOf } from "@rnp/policy/analysis";
import { grantNumberOf } from "@rnp/policy/credentials";
import { loadSupergraphSdl, subgraphs } from "@rnp/schema";
import type { GraphQLSchema } from "graphql";
import type { GatewayContext } from "./access/context";
import { credentialSources } from "./access/credentials";
import { SignedDataSource } from "./access/dataSource";
import { createOAuth, type OAuthOptions } from "./access/oauth";
import { type AccessControlOptions, accessControlPlugin } from "./access/plugin";
import { catalogRoutes } from "./catalog/catalogRoutes";
import { MANIFEST_PATH, manifestRoute } from "./documents/manifest";
import { persistedDocumentsPlugin, refusingPersistedQueryCache } from "./documents/plugin";
import { ApprovedDocuments } from "./documents/store";
import { errorStatusPlugin } from "./errorStatusPlugin";
import { explorerRoutes } from "./explorer";
import { limitsFromEnv, type OperationLimits } from "./limits/config";
import { refusePlannerErrors } from "./limits/plannerErrors";
import { operationLimitsPlugin, parseOptionsFor } from "./limits/plugin";
import { RateLimiter, rateLimitKey } from "./limits/rateLimit";
import { sliceLargeOperations } from "./limits/slicedExecution";
import { SubscriptionLimits } from "./limits/subscriptionLimits";
import { createGatewayMetrics, withSubgraphMetrics } from "./observability";
import { createPortal, type PortalSettings } from "./portal";
import { createSubgraphFetcher, subgraphTimeoutFromEnv, withSubgraphFaults } from "./subgraphFetcher";
import {
  attachSubscriptionServer,
  type SubscriptionServerOptions,
  type SubscriptionStats,
} from "./subscriptions";

export interface GatewayOptions {
  /** GraphQL URL of each subgraph by name; a subgraph not named keeps the supergraph's URL. */
  subgraphUrls: Record<string, string>;
  /** The platform database: API keys and grants are read from it, the audit trail written to it. */
  database: DatabaseClient;
  /** Keys the forwarded identity tokens are signed with (the first signs); the subgraphs must have them. */
  signingSecret: SigningKeys;
  /** Lifetime of a forwarded identity token; default INTERNAL_TOKEN_TTL_SECONDS or 30 s. */
  identityTtlSeconds?: number;
  /** false: no authentication, grants or audit (benchmark baseline only). */
  accessControl?: boolean;
  /** The environment this platform serves (default TEST); grants of the other are refused. */
  environment?: PlatformEnvironment;
  /** The composed supergraph; default the committed `schema/supergraph.graphql`. */
  supergraphSdl?: string;
  /** How often an idle subscription re-checks its grant (default 15 s). */
  subscriptionRecheckMs?: number;
  /** Batch size and the per-subscriber queue bound of subscriptions (see `SubscriptionServerOptions`). */
  subscriptions?: Pick<SubscriptionServerOptions, "batchSize" | "maxQueuedEvents" | "slowConsumerTimeoutMs">;
  /**
   * `undici` (default): the keep-alive pool of `createSubgraphFetcher`. `default`: the
   * gateway's own make-fetch-happen client, kept as the benchmark's baseline.
   */
  fetcher?: "undici" | "default";
  /**
   * The audit chain: its HMAC key (required with access control; never stored in the
   * database), and where the chain head is anchored (`anchors`, see `AuditWriterOptions`).
   */
  audit?: AccessControlOptions["audit"];
  /** Operation limits; each one not given comes from its environment variable (see `limitsFromEnv`). */
  limits?: Partial<OperationLimits>;
  /**
   * Longest a subgraph call may take (default SUBGRAPH_TIMEOUT_MS, else 10 s); a slower
   * subgraph's part of the answer is an error with code SUBGRAPH_TIMEOUT and HTTP 504.
   */
  subgraphTimeoutMs?: number;
  /**
   * The public base URL the catalog's DCAT-AP document (`/catalog/dcat-ap.jsonld`) names
   * itself and `/graphql` by; default PUBLIC_BASE_URL, else `http://` + the request's Host.
   */
  publicUrl?: string;
  /**
   * OAuth 2.0 client credentials: `POST /oauth/token` and access tokens as `Authorization:
   * Bearer` (docs/ENVIRONMENTS.md). Without it the route is not served and a JWT is an unknown key.
   */
  oauth?: OAuthOptions;
  /**
   * The portal for people (docs/PORTAL.md): the built app at `/portal`, sign-in, the embedded
   * test OpenID provider at `/oidc` (TEST only), and sessions as credentials. Absent: not served.
   */
  portal?: {
    settings: PortalSettings;
    /** The built app's folder. */
    dist: string;
    /** The portal's persisted documents (hash → text): the only documents a session runs. */
    persistedDocuments: Record<string, string>;
  };
}

export type GatewayServer = GraphQLServer<GatewayContext> & {
  /** What this process's subscription server has done (executions, wake-ups, slow consumers). */
  subscriptionStats(): SubscriptionStats;
};

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

function auditOptionsOf(options: GatewayOptions): AccessControlOptions["audit"] {
  if (!options.audit?.key) {
    throw new Error("The gateway needs the audit chain key (AUDIT_CHAIN_KEY) to write the audit trail.");
  }
  return options.audit;
}

/** Builds the gateway (a static supergraph, no runtime introspection) without listening. */
export async function createGatewayServer(options: GatewayOptions): Promise<GatewayServer> {
  const supergraphSdl = options.supergraphSdl ?? loadSupergraphSdl();
  const pool = options.fetcher === "default" ? null : createSubgraphFetcher();
  const subgraphTimeoutMs = options.subgraphTimeoutMs ?? subgraphTimeoutFromEnv();
  // @apollo/gateway otherwise exports usage metrics to Apollo and probes cloud metadata
  // addresses at start (OpenTelemetry resource detectors): a register must not phone home.
  process.env.APOLLO_TELEMETRY_DISABLED = "true";
  const ttlSeconds = options.identityTtlSeconds ?? identityTtlSecondsFromEnv();
  const metrics = createGatewayMetrics();
  const documents = new ApprovedDocuments(options.database);
  await documents.start();
  const gateway = new ApolloGateway({
    supergraphSdl,
    // Its warnings as JSON lines through the redacting logger, not console text.
    logger: apolloLoggerOf(partLogger("gateway")),
    buildService: ({ name, url }) => {
      const source = new SignedDataSource(
        { url: options.subgraphUrls[name] ?? url, ...(pool ? { fetcher: pool.fetcher as Fetcher } : {}) },
        { keys: options.signingSecret, subgraph: name, ttlSeconds },
      );
      // The stock fetcher too: a subgraph that stops answering must not hold requests.
      source.fetcher = withSubgraphMetrics(
        withSubgraphFaults(source.fetcher, { subgraph: name, timeoutMs: subgraphTimeoutMs }),
        name,
        metrics.subgraphDuration,
      );
      return source;
    },
  });
  refusePlannerErrors(gateway);
  sliceLargeOperations(gateway);
  const limits = limitsFromEnv(options.limits);
  const rateLimiter = new RateLimiter(options.database.db, limits.ratePerMinute);
  const marks = accessMarksOf(supergraphSdl);
  const environment = options.environment ?? "TEST";
  const oauth =
    options.oauth && options.accessControl !== false
      ? createOAuth(options.database.db, { ...options.oauth, environment, rateLimiter })
      : null;
  // Who asks, for graphql-ws connects and the routes (the access plugin builds its own, with sessions).
  const credentials = credentialSources({ db: options.database.db, tokens: oauth?.tokens });
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: schema }) => {
    apiSchema = schema;
  });
  let subscriptions: Awaited<ReturnType<typeof attachSubscriptionServer>> | undefined;
  const httpServer = createServer();
  const portal =
    options.portal && options.accessControl !== false
      ? createPortal({
          database: options.database,
          environment,
          httpServer,
          ...options.portal,
          ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
        })
      : null;
  await portal?.appointOperators();
  const server = await createGraphQLServer<GatewayContext>({
    httpServer,
    part: "gateway",
    metrics,
    apollo: {
      gateway,
      // Apollo's CSRF prevention refuses simple GETs (no custom header) so that a browser page
      // cannot make a user's cookies act; this API authenticates with an `Authorization: Bearer`
      // key that a browser never attaches by itself, so a forged request carries no credentials
      // and is refused as UNAUTHENTICATED anyway. Off, GET with variables works as GraphQL over
      // HTTP allows; mutations over GET stay refused (Apollo runs only queries over GET).
      csrfPrevention: false,
      parseOptions: parseOptionsFor(limits),
      // Only approved composite data sets execute by id (`documents/`): Apollo's own APQ cache stores nothing.
      persistedQueries: { cache: refusingPersistedQueryCache },
      plugins: [
        errorStatusPlugin(),
        ...(options.accessControl === false
          ? []
          : [
              persistedDocumentsPlugin(documents),
              operationLimitsPlugin(limits),
              accessControlPlugin({
                db: options.database.db,
                sql: options.database.sql,
                marks,
                environment,
                audit: { ...auditOptionsOf(options), observer: metrics.audit },
                defaultListSize: limits.defaultListSize,
                ...(oauth ? { tokens: oauth.tokens } : {}),
                ...(portal ? { sessions: portal.credential } : {}),
              }),
            ]),
      ],
    },
    context: async (request) => {
      // First of all, before the body is parsed: a refusal here costs one upsert.
      if (options.accessControl !== false) {
        await rateLimiter.consume(
          rateLimitKey(request.headers.authorization, request.socket.remoteAddress ?? null),
        );
      }
      return {
        // Always made here: a client that chose the audit's request id could collide with,
        // or impersonate, another request's audit rows.
        requestId: randomUUID(),
        correlationId: correlationIdOf(request.headers["x-request-id"]),
        clientAddress: request.socket.remoteAddress ?? null,
        authorization: request.headers.authorization,
        ...(portal ? { portal: portal.requestOf(request) } : {}),
        // Read once here (trimmed, checked): every step after sees the same number.
        grantNumber: grantNumberOf(request.headers.grant),
        identity: null,
        disclosures: new Map(),
      };
    },
    readiness: () => subgraphReadiness(options.subgraphUrls),
    routes: {
      // The public catalog needs no key: its documents disclose no person data.
      ...catalogRoutes({
        catalogUrl:
          options.subgraphUrls.catalog ??
          subgraphs.find((subgraph) => subgraph.name === "catalog")!.defaultUrl,
        signingSecret: options.signingSecret,
        apiSchema: () => apiSchema,
        ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
      }),
      [MANIFEST_PATH]: manifestRoute(options.database.db, credentials),
      ...(oauth ? { "/oauth/token": oauth.tokenRoute } : {}),
      ...portal?.routes,
      // Like Sandbox, the explorer is for development: production serves no schema to browse.
      ...(isProduction() ? {} : explorerRoutes()),
    },
    beforeStop: async () => {
      await subscriptions?.dispose();
    },
    onStop: async () => {
      await documents.stop();
      await pool?.close();
    },
  });
  subscriptions = await attachSubscriptionServer({
    httpServer: server.httpServer,
    documents,
    apollo: server.apollo,
    schema: () => {
      if (!apiSchema) throw new Error("the gateway has not loaded its schema yet");
      return apiSchema;
    },
    database: options.database,
    credentials,
    ...(options.accessControl === false ? {} : { limits: new SubscriptionLimits(limits, rateLimiter) }),
    ...(options.subscriptionRecheckMs ? { recheckIntervalMs: options.subscriptionRecheckMs } : {}),
    ...options.subscriptions,
  });
  metrics.countOpenSubscriptions(subscriptions.openSubscriptions);
  const stats = subscriptions.stats;
  return Object.assign(server, { subscriptionStats: stats });
}
