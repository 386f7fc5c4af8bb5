import type { Server } from "node:http";
import type { ApolloServer } from "@apollo/server";
import { graphQLError } from "@rnp/common";
import type { Database } from "@rnp/db";
import type { CredentialSources } from "@rnp/policy/credentials";
import {
  type DocumentNode,
  type FieldNode,
  type GraphQLError,
  GraphQLID,
  type GraphQLSchema,
  GraphQLString,
  getOperationAST,
  getVariableValues,
  Kind,
  print,
  validate,
  valueFromAST,
  visit,
} from "graphql";
import type postgres from "postgres";
import { type WebSocket, WebSocketServer } from "ws";
import type { GatewayContext } from "../access/context";
import type { ApprovedDocuments } from "../documents/store";
import { resolveSubscribePayload } from "../documents/subscriptions";
import { rateLimitKey } from "../limits/rateLimit";
import { releasingOnEnd, type SubscriptionLimits } from "../limits/subscriptionLimits";
import { type ConnectionParams, connectionRefusal } from "./authentication";
import { batchQueryOf } from "./batchQuery";
import { ChangeStream } from "./changeStream";
import { parseShared } from "./documentCache";
import { type BatchSource, SharedBatches } from "./sharedBatches";
import { serveGraphQLWs, socketServerOptions } from "./socketServer";
import { listenForWakeUps, setKeyOf } from "./wakeUps";

/**
 * The close code for a consumer too slow (graphql-ws leaves 4400–4999 to applications):
 * its queue stayed full for `slowConsumerTimeoutMs`. The client resumes with its last cursor.
 */
export const SLOW_CONSUMER_CLOSE_CODE = 4499;
const SLOW_CONSUMER_REASON = "Consumer too slow: reconnect and resubscribe with your last cursor";

/** What the subscription server has done so far, for tests and the benchmark. */
export interface SubscriptionStats {
  /** Subscriptions running now. */
  open: number;
  /** Batch query executions (each shared by one or more subscribers). */
  executions: number;
  /** Subscriber batches served by them. */
  served: number;
  /** Executions waiting to start or running now. */
  inFlight: number;
  /** Subscriptions woken by a NOTIFY that named their set. */
  woken: number;
  /** Sockets closed with SLOW_CONSUMER_CLOSE_CODE. */
  tooSlow: number;
  /** Executions run for one set's subscriptions. */
  executionsOf(setId: string): number;
}

export interface SubscriptionServerOptions {
  httpServer: Server;
  /** The approved composite data sets a subscription may name by id. */
  documents: ApprovedDocuments;
  apollo: ApolloServer<GatewayContext>;
  /** The API schema clients see (the gateway's), for validation. */
  schema: () => GraphQLSchema;
  database: { db: Database; sql: postgres.Sql };
  /** Where connections' credentials are looked up (API keys, OAuth access tokens), as over HTTP. */
  credentials: CredentialSources<never>;
  /** Notifications fetched and hydrated per execution. */
  batchSize?: number;
  /**
   * How often an idle subscription re-runs its query even without a wake-up: it notices a
   * revoked grant or key within this time, and a missed NOTIFY cannot stall it. Default 15 s.
   */
  recheckIntervalMs?: number;
  /** The gateway's operation limits, applied on subscribe; none when absent (benchmark baseline). */
  limits?: SubscriptionLimits;
  /**
   * Most events a subscription keeps for its socket before the socket takes them (default
   * twice `batchSize`, at least `batchSize`). While the queue has no room for a batch, the
   * subscription runs no query (back-pressure).
   */
  maxQueuedEvents?: number;
  /**
   * A subscription whose queue has no room and whose socket took no event for this long
   * (default 10 s, less than the keep-alive that would end the socket as 1006) closes the
   * socket with SLOW_CONSUMER_CLOSE_CODE and a reason; what was queued is dropped.
   */
  slowConsumerTimeoutMs?: number;
}

/**
 * Runs a socket's subscribe handlers one after another, in the order the client sent them.
 * The rate limit awaits the database; without this a later subscribe could take the last
 * open place before an earlier one, and the client could not tell which one was refused.
 */
function inSocketOrder<A extends [object, ...unknown[]], R>(
  handler: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  const queues = new WeakMap<object, Promise<unknown>>();
  return (...args) => {
    const handled = (queues.get(args[0]) ?? Promise.resolve()).then(() => handler(...args));
    queues.set(
      args[0],
      handled.catch(() => {}),
    );
    return handled;
  };
}

/**
 * Serves GraphQL subscriptions over graphql-ws on the gateway's own `/graphql` URL, which
 * `@apollo/gateway` cannot execute. Authentication on connect (`connectionParams`:
 * `authorization: "Bearer <API key or access token>"`, `grant: "<number>"`); a WebSocket ping every 15 s ends
 * dead connections. Returns `dispose()` for shutdown.
 */
export async function attachSubscriptionServer(options: SubscriptionServerOptions) {
  const batchSize = options.batchSize ?? 500;
  const recheckIntervalMs = options.recheckIntervalMs ?? 15_000;
  const maxQueuedEvents = Math.max(batchSize, options.maxQueuedEvents ?? 2 * batchSize);
  const slowConsumerTimeoutMs = options.slowConsumerTimeoutMs ?? 10_000;
  const { wakeUps, close: stopListening } = await listenForWakeUps(options.database.sql);
  const batches = new SharedBatches(options.apollo);
  // One source per distinct query, variables, key and grant, shared by its subscribers.
  const sources = new Map<string, { source: BatchSource; subscribers: number }>();
  let open = 0;
  let tooSlow = 0;

  function sourceOf(
    query: DocumentNode,
    variables: Record<string, unknown>,
    connectionParams: ConnectionParams,
    setId: string,
    compositeSet?: GatewayContext["compositeSet"],
  ): BatchSource {
    const text = print(query);
    // Only the variables the batch query uses: a subscriber's own `after` must not split sharers.
    const used = new Set<string>();
    visit(query, { Variable: (node) => void used.add(node.name.value) });
    const usedValues = Object.fromEntries(Object.entries(variables).filter(([name]) => used.has(name)));
    const grantNumber = connectionParams.grant ?? compositeSet?.grantNumber;
    const key = JSON.stringify([text, usedValues, connectionParams.authorization, grantNumber, compositeSet]);
    const shared = sources.get(key);
    if (shared) {
      shared.subscribers++;
      return shared.source;
    }
    const source: BatchSource = {
      key,
      setId,
      query: text,
      variables: usedValues,
      authorization: connectionParams.authorization,
      grantNumber,
      ...(compositeSet ? { compositeSet } : {}),
    };
    sources.set(key, { source, subscribers: 1 });
    return source;
  }
  function unshare(source: BatchSource) {
    const shared = sources.get(source.key);
    if (shared && --shared.subscribers === 0) sources.delete(source.key);
  }

  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: "/graphql",
    ...socketServerOptions(),
  });
  const heartbeat = setInterval(() => {
    for (const socket of wsServer.clients) {
      const alive = socket as typeof socket & { isAlive?: boolean };
      if (alive.isAlive === false) {
        socket.terminate();
        continue;
      }
      alive.isAlive = false;
      socket.ping();
    }
  }, 15_000);
  wsServer.on("connection", (socket) => {
    const alive = socket as typeof socket & { isAlive?: boolean };
    alive.isAlive = true;
    socket.on("pong", () => {
      alive.isAlive = true;
    });
  });

  const cleanup = serveGraphQLWs<ConnectionParams>(
    {
      onConnect: async (ctx) => {
        const refusal = await connectionRefusal(options.credentials, ctx.connectionParams);
        if (!refusal) return true;
        // Closed here with its reason: graphql-ws's own close after `false` says only "Forbidden",
        // and `ws` keeps the first close of a socket.
        ctx.extra.socket.close(refusal.code, refusal.reason);
        return false;
      },
      onSubscribe: inSocketOrder(async (ctx, _id, sent) => {
        // A composite data set named by id: its approved document is what runs (and is audited).
        const byId = await resolveSubscribePayload(options.documents, ctx.connectionParams, sent);
        if ("errors" in byId) return byId.errors;
        const { payload, compositeSet } = byId;
        const { limits } = options;
        const requester = rateLimitKey(
          ctx.connectionParams?.authorization,
          ctx.extra.request.socket.remoteAddress ?? null,
        );
        const early = await limits?.beforeParse(requester, payload.query);
        if (early) return early;
        let document: DocumentNode;
        try {
          document = parseShared(payload.query);
        } catch (error) {
          const message = error instanceof Error ? error.message : "The query is not valid GraphQL.";
          return [graphQLError("GRAPHQL_PARSE_FAILED", message)];
        }
        // The same codes Apollo Server gives these errors over HTTP.
        const schema = options.schema();
        const shape = limits?.beforeValidation(schema, document);
        if (shape) return shape;
        const messageOf = (e: GraphQLError) => limits?.messageOf(e) ?? e.message;
        const errors = validate(schema, document);
        if (errors.length > 0)
          return errors.map((e) => graphQLError("GRAPHQL_VALIDATION_FAILED", messageOf(e)));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation)
          return [graphQLError("BAD_USER_INPUT", "Name the operation to run: the document has several.")];
        if (operation.operation !== "subscription") {
          return [
            graphQLError(
              "BAD_USER_INPUT",
              "Send queries and mutations as HTTP POST to /graphql; the WebSocket serves subscriptions.",
            ),
          ];
        }
        const coerced = getVariableValues(
          schema,
          operation.variableDefinitions ?? [],
          payload.variables ?? {},
        );
        if (coerced.errors) return coerced.errors.map((e) => graphQLError("BAD_USER_INPUT", messageOf(e)));
        const admitted = limits?.admit(
          requester,
          schema,
          document,
          payload.operationName,
          coerced.coerced,
        ) ?? {
          release: () => {},
        };
        if ("refusal" in admitted) return admitted.refusal;
        return {
          schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: coerced.coerced,
          contextValue: {
            connectionParams: ctx.connectionParams ?? {},
            clientAddress: ctx.extra.request.socket.remoteAddress ?? null,
            release: admitted.release,
            compositeSet,
            socket: ctx.extra.socket,
          },
        };
      }),
      subscribe: (args) => {
        const operation = getOperationAST(args.document, args.operationName)!;
        const fields = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
        const field = fields[0];
        const { connectionParams, clientAddress, release, socket, compositeSet } = args.contextValue as {
          connectionParams: ConnectionParams;
          clientAddress: string | null;
          release: () => void;
          socket: WebSocket;
          compositeSet?: GatewayContext["compositeSet"];
        };
        if (fields.length !== 1 || !field || field.name.value !== "setChanges") {
          release();
          return { errors: [graphQLError("BAD_USER_INPUT", "Subscribe to exactly one field, setChanges.")] };
        }
        const variables = (args.variableValues ?? {}) as Record<string, unknown>;
        const argument = (name: string) => field.arguments?.find((a) => a.name.value === name)?.value;
        const afterNode = argument("after");
        const after = afterNode ? (valueFromAST(afterNode, GraphQLString, variables) as string | null) : null;
        const setNode = argument("setId");
        const setId = setKeyOf(setNode ? valueFromAST(setNode, GraphQLID, variables) : "");
        const source = sourceOf(
          batchQueryOf(args.document, operation, field, batchSize),
          variables,
          connectionParams,
          setId,
          compositeSet,
        );
        open++;
        const stream = new ChangeStream({
          run: (cursor) => batches.run(source, cursor, clientAddress),
          cursor: after,
          responseKey: field.alias?.value ?? field.name.value,
          batchSize,
          recheckIntervalMs,
          subscribeToWakeUps: (wake) => wakeUps.subscribe(setId, wake),
          maxQueuedEvents,
          slowConsumerTimeoutMs,
          onTooSlow: () => {
            tooSlow++;
            socket.close(SLOW_CONSUMER_CLOSE_CODE, SLOW_CONSUMER_REASON);
          },
        });
        // The open-subscriptions place and the shared source are given back however it ends.
        let ended = false;
        return releasingOnEnd(stream, () => {
          if (ended) return;
          ended = true;
          open--;
          release();
          unshare(source);
        });
      },
    },
    wsServer,
  );
  return {
    /** Subscriptions open now on this process (the open-subscriptions gauge). */
    openSubscriptions: () => open,
    async dispose() {
      clearInterval(heartbeat);
      await cleanup.dispose();
      await stopListening();
    },
    stats(): SubscriptionStats {
      return {
        open,
        executions: batches.executions,
        served: batches.served,
        inFlight: batches.inFlight,
        woken: wakeUps.woken,
        tooSlow,
        executionsOf: (setId) => batches.executionsOf(setKeyOf(setId)),
      };
    },
  };
}
