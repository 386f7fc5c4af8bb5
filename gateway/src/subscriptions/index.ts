import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import type { ApolloServer } from "@apollo/server";
import { graphQLError } from "@rnp/common";
import { type Database, unlistenQuietly } from "@rnp/db";
import {
  type DocumentNode,
  type FieldNode,
  type GraphQLError,
  type GraphQLSchema,
  GraphQLString,
  getOperationAST,
  getVariableValues,
  Kind,
  parse,
  validate,
  valueFromAST,
} from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type postgres from "postgres";
import { WebSocketServer } from "ws";
import type { GatewayContext } from "../access/context";
import { resolveSubscribePayload } from "../documents/subscriptions";
import { rateLimitKey } from "../limits/rateLimit";
import { releasingOnEnd, type SubscriptionLimits } from "../limits/subscriptionLimits";
import { acceptsConnection, type ConnectionParams } from "./authentication";
import { type Batch, batchOf, batchQueryOf } from "./batchQuery";
import { ChangeStream } from "./changeStream";

export interface SubscriptionServerOptions {
  httpServer: Server;
  apollo: ApolloServer<GatewayContext>;
  /** The API schema clients see (the gateway's), for validation. */
  schema: () => GraphQLSchema;
  database: { db: Database; sql: postgres.Sql };
  /** Notifications fetched and hydrated per execution. */
  batchSize?: number;
  /**
   * How often an idle subscription re-runs its query even without a wake-up: it notices a
   * revoked grant or key within this time, and a missed NOTIFY cannot stall it. Default 15 s.
   */
  recheckIntervalMs?: number;
  /** The gateway's operation limits, applied on subscribe; none when absent (benchmark baseline). */
  limits?: SubscriptionLimits;
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
 * `authorization: "Bearer <key>"`, `grant: "<number>"`); a WebSocket ping every 15 s ends
 * dead connections. Returns `dispose()` for shutdown.
 */
export async function attachSubscriptionServer(options: SubscriptionServerOptions) {
  const batchSize = options.batchSize ?? 500;
  const recheckIntervalMs = options.recheckIntervalMs ?? 15_000;
  const wakeUps = new Set<() => void>();
  const listener = await options.database.sql.listen("monitoring_notifications", () => {
    for (const wake of wakeUps) wake();
  });
  const subscribeToWakeUps = (wake: () => void) => {
    wakeUps.add(wake);
    return () => wakeUps.delete(wake);
  };

  const wsServer = new WebSocketServer({ server: options.httpServer, path: "/graphql" });
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

  const cleanup = useServer<ConnectionParams>(
    {
      onConnect: (ctx) => acceptsConnection(options.database.db, ctx.connectionParams),
      onSubscribe: inSocketOrder(async (ctx, _id, sent) => {
        // A composite data set named by id: its approved document is what runs (and is audited).
        const byId = await resolveSubscribePayload(options.database.db, ctx.connectionParams, sent);
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
          document = parse(payload.query);
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
          },
        };
      }),
      subscribe: (args) => {
        const operation = getOperationAST(args.document, args.operationName)!;
        const fields = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
        const field = fields[0];
        const { connectionParams, clientAddress, release, compositeSet } = args.contextValue as {
          connectionParams: ConnectionParams;
          clientAddress: string | null;
          release: () => void;
          compositeSet?: GatewayContext["compositeSet"];
        };
        if (fields.length !== 1 || !field || field.name.value !== "setChanges") {
          release();
          return { errors: [graphQLError("BAD_USER_INPUT", "Subscribe to exactly one field, setChanges.")] };
        }
        const variables = (args.variableValues ?? {}) as Record<string, unknown>;
        const afterNode = field.arguments?.find((a) => a.name.value === "after")?.value;
        const after = afterNode ? (valueFromAST(afterNode, GraphQLString, variables) as string | null) : null;
        const query = batchQueryOf(args.document, operation, field, batchSize);
        const run = async (cursor: string | null): Promise<Batch> => {
          const contextValue: GatewayContext = {
            requestId: randomUUID(),
            clientAddress,
            authorization: connectionParams.authorization,
            grantNumber: connectionParams.grant ?? compositeSet?.grantNumber,
            identity: null,
            disclosures: new Map(),
            ...(compositeSet ? { compositeSet } : {}),
          };
          const response = await options.apollo.executeOperation(
            { query, variables: { ...variables, __after: cursor } },
            { contextValue },
          );
          if (response.body.kind !== "single") {
            throw graphQLError("INTERNAL_SERVER_ERROR", "Unexpected incremental response.");
          }
          return batchOf(response.body.singleResult);
        };
        // The open-subscriptions place is given back however the stream ends.
        return releasingOnEnd(
          new ChangeStream(
            run,
            after,
            field.alias?.value ?? field.name.value,
            batchSize,
            recheckIntervalMs,
            subscribeToWakeUps,
          ),
          release,
        );
      },
    },
    wsServer,
  );
  return {
    /** Subscriptions open now (each waits for wake-ups while it is live). */
    openSubscriptions: () => wakeUps.size,
    async dispose() {
      clearInterval(heartbeat);
      await cleanup.dispose();
      await unlistenQuietly(listener);
    },
  };
}
