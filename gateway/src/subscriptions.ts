import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import type { ApolloServer } from "@apollo/server";
import { graphQLError } from "@rnp/common";
import type { Database } from "@rnp/db";
import {
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  GraphQLString,
  getOperationAST,
  getVariableValues,
  Kind,
  type OperationDefinitionNode,
  parse,
  validate,
  valueFromAST,
  visit,
} from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type postgres from "postgres";
import { WebSocketServer } from "ws";
import type { GatewayContext } from "./access/context";
import { findCredential } from "./access/credentials";
import { rateLimitKey } from "./limits/rateLimit";
import { releasingOnEnd, type SubscriptionLimits } from "./limits/subscriptionLimits";

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

/** What a subscriber sends on connect: its key and the grant its subscriptions exercise. */
type ConnectionParams = {
  authorization?: string;
  grant?: string;
};

const BATCH_ALIAS = "__batch";
const CURSOR_ALIAS = "__cursor";
const END_ALIAS = "__end";
const MORE_ALIAS = "__more";

/** One execution of the batch query: the notifications delivered and where the page ended. */
interface Batch {
  errors?: readonly GraphQLError[];
  nodes: Record<string, unknown>[];
  /**
   * The page's `endCursor`: past the last notification scanned, which may be one withheld
   * (outside the grant's conditions), so the stream moves past withheld ones too.
   */
  endCursor: string | null;
  hasNextPage: boolean;
}

/**
 * Turns `subscription { setChanges(setId, after) { …selection } }` into the query that
 * serves it: `changes(setId, after: $__after, first: N) { nodes { __cursor: cursor …selection }
 * __end: endCursor __more: hasNextPage }`.
 * Running that query through the gateway's own pipeline federates `person`, enforces the
 * grant and its conditions, and audits what it discloses, exactly as for any query.
 */
function batchQueryOf(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  field: FieldNode,
  size: number,
) {
  const setId = field.arguments?.find((a) => a.name.value === "setId")?.value;
  const query: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: "query" as OperationDefinitionNode["operation"],
    name: { kind: Kind.NAME, value: `${operation.name?.value ?? "SetChanges"}Batch` },
    variableDefinitions: [
      ...(operation.variableDefinitions ?? []),
      {
        kind: Kind.VARIABLE_DEFINITION,
        variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: "__after" } },
        type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: "String" } },
      },
    ],
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [
        {
          kind: Kind.FIELD,
          alias: { kind: Kind.NAME, value: BATCH_ALIAS },
          name: { kind: Kind.NAME, value: "changes" },
          arguments: [
            ...(setId
              ? [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: "setId" }, value: setId } as const]
              : []),
            {
              kind: Kind.ARGUMENT,
              name: { kind: Kind.NAME, value: "after" },
              value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: "__after" } },
            },
            {
              kind: Kind.ARGUMENT,
              name: { kind: Kind.NAME, value: "first" },
              value: { kind: Kind.INT, value: String(size) },
            },
          ],
          selectionSet: {
            kind: Kind.SELECTION_SET,
            selections: [
              {
                kind: Kind.FIELD,
                alias: { kind: Kind.NAME, value: END_ALIAS },
                name: { kind: Kind.NAME, value: "endCursor" },
              },
              {
                kind: Kind.FIELD,
                alias: { kind: Kind.NAME, value: MORE_ALIAS },
                name: { kind: Kind.NAME, value: "hasNextPage" },
              },
              {
                kind: Kind.FIELD,
                name: { kind: Kind.NAME, value: "nodes" },
                selectionSet: {
                  kind: Kind.SELECTION_SET,
                  selections: [
                    {
                      kind: Kind.FIELD,
                      alias: { kind: Kind.NAME, value: CURSOR_ALIAS },
                      name: { kind: Kind.NAME, value: "cursor" },
                    },
                    ...(field.selectionSet?.selections ?? []),
                  ],
                },
              },
            ],
          },
        },
      ],
    },
  };
  const fragments = document.definitions.filter(
    (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
  );
  // Variables only `setChanges(after:)` used (the subscription's own cursor) would be unused now.
  const used = new Set<string>();
  visit(
    {
      kind: Kind.DOCUMENT,
      definitions: [{ ...query, variableDefinitions: [] }, ...fragments],
    } as DocumentNode,
    {
      Variable(node) {
        used.add(node.name.value);
      },
    },
  );
  const variableDefinitions = query.variableDefinitions?.filter((d) => used.has(d.variable.name.value)) ?? [];
  return {
    kind: Kind.DOCUMENT,
    definitions: [{ ...query, variableDefinitions }, ...fragments],
  } as DocumentNode;
}

/**
 * An async iterator of one subscription's events. It runs the batch query from the cursor,
 * emits each notification, and when it has caught up waits for a wake-up (a new
 * notification anywhere) or the re-check interval. `return()` ends it at once, without
 * waiting for a query in flight: graphql-ws calls it when the client unsubscribes.
 */
class ChangeStream implements AsyncIterableIterator<ExecutionResult> {
  private readonly pending: ExecutionResult[] = [];
  private readonly waiters: ((result: IteratorResult<ExecutionResult>) => void)[] = [];
  private done = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly run: (after: string | null) => Promise<Batch>,
    private cursor: string | null,
    private readonly responseKey: string,
    private readonly batchSize: number,
    private readonly recheckIntervalMs: number,
    private readonly subscribeToWakeUps: (wake: () => void) => () => void,
  ) {
    void this.loop();
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const value = this.pending.shift();
    if (value) return Promise.resolve({ value, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  private push(value: ExecutionResult) {
    const waiter = this.waiters.shift();
    if (waiter) waiter({ value, done: false });
    else this.pending.push(value);
  }

  private finish() {
    if (this.done) return;
    this.done = true;
    this.wake?.();
    for (const waiter of this.waiters.splice(0)) waiter({ value: undefined, done: true });
  }

  private async loop() {
    // Wake-ups that arrive while a query runs are remembered, so none is lost.
    let woken = false;
    const unsubscribe = this.subscribeToWakeUps(() => {
      woken = true;
      this.wake?.();
    });
    try {
      while (!this.done) {
        woken = false;
        const { errors, nodes, endCursor, hasNextPage } = await this.run(this.cursor);
        if (this.done) break;
        if (errors?.length) {
          this.push({ errors: [...errors] });
          break;
        }
        for (const node of nodes) {
          const { [CURSOR_ALIAS]: cursor, ...event } = node;
          this.cursor = cursor as string;
          this.push({ data: { [this.responseKey]: event } });
        }
        // Errors end the stream above (a revoked grant, or one no longer allowing monitoring,
        // comes back as FORBIDDEN from the monitoring subgraph's check of the set's grant).
        if (endCursor) this.cursor = endCursor;
        if (hasNextPage || nodes.length >= this.batchSize || woken) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.recheckIntervalMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    } catch (error) {
      this.push({
        errors: [
          error instanceof GraphQLError
            ? error
            : graphQLError(
                "INTERNAL_SERVER_ERROR",
                "The subscription failed; resubscribe with your last cursor.",
              ),
        ],
      });
    } finally {
      unsubscribe();
      this.finish();
    }
  }
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
      onConnect: async (ctx) => {
        const key = /^Bearer\s+(\S+)$/i.exec(ctx.connectionParams?.authorization ?? "")?.[1];
        if (!key) return false;
        const credential = await findCredential(options.database.db, key);
        return Boolean(
          credential && !credential.revokedAt && (!credential.expiresAt || credential.expiresAt > new Date()),
        );
      },
      onSubscribe: async (ctx, _id, payload) => {
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
          },
        };
      },
      subscribe: (args) => {
        const operation = getOperationAST(args.document, args.operationName)!;
        const fields = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
        const field = fields[0];
        const { connectionParams, clientAddress, release } = args.contextValue as {
          connectionParams: ConnectionParams;
          clientAddress: string | null;
          release: () => void;
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
            grantNumber: connectionParams.grant,
            identity: null,
            disclosures: new Map(),
          };
          const response = await options.apollo.executeOperation(
            { query, variables: { ...variables, __after: cursor } },
            { contextValue },
          );
          if (response.body.kind !== "single") {
            throw graphQLError("INTERNAL_SERVER_ERROR", "Unexpected incremental response.");
          }
          const result = response.body.singleResult;
          const batch = (
            result.data as
              | Record<
                  string,
                  {
                    nodes: Record<string, unknown>[];
                    [END_ALIAS]: string | null;
                    [MORE_ALIAS]: boolean;
                  } | null
                >
              | null
              | undefined
          )?.[BATCH_ALIAS];
          return {
            errors: result.errors?.map(
              (e) => new GraphQLError(e.message, { extensions: e.extensions ?? {} }),
            ),
            nodes: batch?.nodes ?? [],
            endCursor: batch?.[END_ALIAS] ?? null,
            hasNextPage: batch?.[MORE_ALIAS] ?? false,
          };
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
    async dispose() {
      clearInterval(heartbeat);
      await cleanup.dispose();
      await listener.unlisten();
    },
  };
}
