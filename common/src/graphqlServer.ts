import { createServer, type IncomingMessage, type Server } from "node:http";
import { ApolloServer, type ApolloServerOptions, type BaseContext } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { maskInternalErrors } from "./errorMasking";
import {
  type GraphQLRequestHandlerOptions,
  graphQLRequestHandler,
  isProduction,
  listen,
  type ReadinessReport,
} from "./http";
import { nulCharacterPlugin } from "./inputText";
import { stringifyInChunks } from "./jsonChunks";
import { apolloLoggerOf, type Logger, partLogger } from "./observability/logger";
import { createPartMetrics, metricsRoute, type PartMetrics } from "./observability/metrics";
import { observationPlugin, observeRequest } from "./observability/requests";
import { currentRequestScope, type RequestScope, runInRequestScope } from "./requestScope";

export type GraphQLServerOptions<TContext extends BaseContext> = {
  /** The part's name in log lines, metrics and spans (`gateway`, `person`, …). */
  part: string;
  /** The HTTP server to serve on, when the caller needs it before the server is built; else made here. */
  httpServer?: Server;
  /** The part's metrics, when it registers its own on them; else made here. */
  metrics?: PartMetrics;
  /** Either `schema` (a subgraph) or `gateway`, plus any other Apollo Server option. */
  apollo: ApolloServerOptions<TContext>;
  /** Builds the context from the request and its body as received (see `graphQLRequestHandler`). */
  context: (request: IncomingMessage, body: string) => Promise<TContext>;
  readiness?: () => Promise<ReadinessReport>;
  /** Other routes served before GraphQL (exact path match), e.g. the gateway's explorer. */
  routes?: GraphQLRequestHandlerOptions<TContext>["routes"];
  /** Runs first on stop, e.g. to close WebSockets that would keep the HTTP server open. */
  beforeStop?: () => Promise<void>;
  /** Runs after HTTP is drained, e.g. to end the database pool. */
  onStop?: () => Promise<void>;
  /**
   * The request id a context carries, quoted in masked internal errors. Default: the
   * context's `requestId`, else its `identity.requestId` (a subgraph's, from the gateway).
   */
  requestIdOf?: (context: TContext) => string | undefined;
};

function defaultRequestIdOf(context: unknown): string | undefined {
  const { requestId, identity } = (context ?? {}) as {
    requestId?: unknown;
    identity?: { requestId?: unknown } | null;
  };
  if (typeof requestId === "string") return requestId;
  return typeof identity?.requestId === "string" ? identity.requestId : undefined;
}

export interface GraphQLServer<TContext extends BaseContext> {
  httpServer: Server;
  apollo: ApolloServer<TContext>;
  /** Served on `/metrics` (Prometheus text; METRICS_TOKEN asks for a bearer token). */
  metrics: PartMetrics;
  logger: Logger;
  /** Listens on `port` (0 = a free one) and resolves with the GraphQL URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting requests, lets in-flight ones finish, then runs `onStop`. */
  stop(): Promise<void>;
}

/**
 * Apollo Server on a plain Node HTTP server: `/graphql`, `/health/live`, `/health/ready`.
 * In production mode (NODE_ENV=production) introspection and the Sandbox landing page are off.
 */
export async function createGraphQLServer<TContext extends BaseContext>(
  options: GraphQLServerOptions<TContext>,
): Promise<GraphQLServer<TContext>> {
  const httpServer = options.httpServer ?? createServer();
  // Longer than the gateway's keep-alive so the client, not the server, closes idle sockets.
  httpServer.keepAliveTimeout = 65_000;
  const production = isProduction();
  const logger = partLogger(options.part);
  const apollo = new ApolloServer<TContext>({
    introspection: !production,
    // Requesters are other systems: stack traces would leak internals and help nobody.
    includeStacktraceInErrorResponses: false,
    // stopOnSignals owns shutdown order; Apollo's own handler would re-raise the signal.
    stopOnTerminationSignals: false,
    // SQL, parameters and stacks stay in the server's log; the client gets a request id.
    formatError: (formatted, error) => maskInternalErrors(formatted, error, logger),
    logger: apolloLoggerOf(logger),
    // A large answer is written in chunks, the event loop free between them (other requests run).
    stringifyResult: stringifyInChunks,
    ...options.apollo,
    plugins: [
      observationPlugin<TContext>(),
      nulCharacterPlugin<TContext>(),
      ...(options.apollo.plugins ?? []),
      // A subgraph sets no cache hints and its answers go only to the gateway, which marks
      // its own answers no-store: the cache-control plugin would only wrap every resolved field.
      ...("schema" in options.apollo && options.apollo.schema
        ? [ApolloServerPluginCacheControlDisabled()]
        : []),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      production
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
    ],
  } as ApolloServerOptions<TContext>);
  await apollo.start();
  const requestIdOf = options.requestIdOf ?? defaultRequestIdOf;
  const metrics = options.metrics ?? createPartMetrics(options.part);
  const handler = graphQLRequestHandler<TContext>({
    apollo,
    logger,
    context: async (request, body) => {
      const context = await options.context(request, body);
      const scope = currentRequestScope();
      if (scope) scope.requestId = requestIdOf(context);
      return context;
    },
    ...(options.readiness ? { readiness: options.readiness } : {}),
    routes: { "/metrics": metricsRoute(metrics.registry, process.env.METRICS_TOKEN), ...options.routes },
  });
  httpServer.on("request", (request, response) => {
    // Aborts the request's subgraph calls when the client goes away before the answer. Made
    // when first asked for (only the gateway's fetcher asks), not for every request.
    let cancel: AbortController | undefined;
    let gone = false;
    response.once("close", () => {
      if (response.writableFinished) return;
      gone = true;
      cancel?.abort(new Error("the client closed the connection"));
    });
    const scope: RequestScope = {
      get signal() {
        if (!cancel) {
          cancel = new AbortController();
          if (gone) cancel.abort(new Error("the client closed the connection"));
        }
        return cancel.signal;
      },
    };
    runInRequestScope(scope, () =>
      observeRequest({ part: options.part, metrics, logger }, request, response, scope, () =>
        handler(request, response),
      ),
    );
  });
  let stopped: Promise<void> | undefined;
  return {
    httpServer,
    apollo,
    metrics,
    logger,
    async listen(port, host = "127.0.0.1") {
      const bound = await listen(httpServer, port, host);
      return `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${bound}/graphql`;
    },
    stop() {
      stopped ??= (async () => {
        await options.beforeStop?.();
        await apollo.stop();
        if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        await options.onStop?.();
      })();
      return stopped;
    },
  };
}
