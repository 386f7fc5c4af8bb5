import { createHash } from "node:crypto";
import type { ApolloGateway } from "@apollo/gateway";
import { SliceScheduler } from "@rnp/common";
import {
  type DocumentNode,
  type FieldNode,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  print,
  type SelectionNode,
  visit,
} from "graphql";
import type { GatewayContext } from "../access/context";
import { rateLimitKey } from "./rateLimit";

type Executor = ApolloGateway["executor"];
type RequestContext = Parameters<Executor>[0];
type ExecutionResult = Awaited<ReturnType<Executor>>;

/** The cost the limits plugin found for a request, by its context (the executor sees the context only). */
const costs = new WeakMap<object, number>();

export function recordCost(context: object, cost: number): void {
  costs.set(context, cost);
}

export interface SlicingOptions {
  /** Queries costing at least this run one root field (alias) at a time (default 2 000). */
  minCost: number;
  /** Root fields of one operation running at once (default 2). */
  concurrency: number;
  /** Grants the turns, fair by requester (one per gateway process). */
  scheduler: SliceScheduler;
}

interface Slice {
  document: DocumentNode;
  cost: number;
  /** Names of the variables the slice uses. */
  variables: ReadonlySet<string>;
}

const responseKey = (field: FieldNode) => field.alias?.value ?? field.name.value;

/**
 * A large query's root fields, each as a document of its own (its fragments and variables
 * kept), or null when the operation is not to be sliced: a mutation (its fields run in
 * order, each seeing the last), a cheap query, one root field, or root selections that are
 * fragments. Fields sharing a response key stay together, as GraphQL merges them.
 */
export function slicesOf(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  cost: number,
): Slice[] | null {
  if (operation.operation !== "query") return null;
  const selections = operation.selectionSet.selections;
  if (!selections.every((selection): selection is FieldNode => selection.kind === Kind.FIELD)) return null;
  const groups = new Map<string, SelectionNode[]>();
  for (const field of selections) {
    const key = responseKey(field);
    groups.set(key, [...(groups.get(key) ?? []), field]);
  }
  if (groups.size < 2) return null;
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  return [...groups.values()].map((fields) => {
    const used = new Set<string>();
    for (const node of [...fields, ...fragments]) {
      visit(node, { Variable: (variable) => void used.add(variable.name.value) });
    }
    // Only the variables the slice uses: the executor coerces every variable it is given, per slice.
    const variableDefinitions = operation.variableDefinitions?.filter((definition) =>
      used.has(definition.variable.name.value),
    );
    return {
      cost: Math.ceil(cost / groups.size),
      variables: used,
      document: {
        kind: Kind.DOCUMENT,
        definitions: [
          {
            ...operation,
            variableDefinitions,
            selectionSet: { ...operation.selectionSet, selections: fields },
          },
          ...fragments,
        ],
      },
    };
  });
}

/** The request as the executor sees it, for one slice: its own document, text and plan-cache key. */
function sliceContext(requestContext: RequestContext, slice: Slice): RequestContext {
  const { document } = slice;
  const source = print(document);
  const variables = Object.fromEntries(
    Object.entries(requestContext.request.variables ?? {}).filter(([name]) => slice.variables.has(name)),
  );
  return {
    ...requestContext,
    request: { ...requestContext.request, variables },
    document,
    source,
    queryHash: createHash("sha256").update(source).digest("hex"),
    operation: getOperationAST(document) ?? undefined,
  } as RequestContext;
}

/**
 * The slices' answers as one: `data` in the document's order (null when a slice's is, as a
 * failed non-null root field makes the whole `data` null), every error, and a request-level
 * failure (no `data`, e.g. variables that do not coerce: every slice has it) as it is.
 */
export function mergeSlices(results: readonly ExecutionResult[]): ExecutionResult {
  const failed = results.find((result) => !("data" in result) || result.data === undefined);
  if (failed) return failed;
  const errors = results.flatMap((result) => result.errors ?? []);
  const extensions = Object.assign({}, ...results.map((result) => result.extensions ?? {}));
  const data = results.some((result) => result.data === null)
    ? null
    : Object.assign({}, ...results.map((result) => result.data));
  return {
    data,
    ...(errors.length > 0 ? { errors } : {}),
    ...(Object.keys(extensions).length > 0 ? { extensions } : {}),
  };
}

/**
 * Runs a large query one root field at a time, each after a turn from the gateway's slice
 * scheduler, fair by requester (`SliceScheduler`). @apollo/gateway builds and shapes a whole
 * answer without yielding: 30 aliased `persons(1000)` are 30 000 persons parsed, shaped and
 * checked in blocks of a third of a second that hold every other request of the gateway,
 * and one subgraph call of as many persons does the same to the subgraph. Sliced, each block
 * is one root field (one batch of at most `PERSONS_BATCH_LIMIT` persons), the subgraph gets
 * batches of that size, and another requester's request runs between two of them. The
 * answer is the same: root fields of a query are independent, and the slices' answers are
 * merged in the document's order. Install after the executor's other wrappers.
 */
export function sliceLargeOperations(
  gateway: ApolloGateway,
  options: Partial<SlicingOptions> = {},
): SliceScheduler {
  const { minCost = 2_000, concurrency = 2, scheduler = new SliceScheduler() } = options;
  const execute = gateway.executor;
  gateway.executor = async (requestContext) => {
    const context = requestContext.context as GatewayContext;
    const cost = costs.get(context);
    const operation =
      requestContext.operation ??
      getOperationAST(requestContext.document, requestContext.request.operationName);
    const slices =
      cost !== undefined && cost >= minCost && operation
        ? slicesOf(requestContext.document, operation, cost)
        : null;
    if (!slices) return execute(requestContext);
    const requester = rateLimitKey(context.authorization, context.clientAddress);
    const results: ExecutionResult[] = new Array(slices.length);
    let next = 0;
    const worker = async () => {
      while (next < slices.length) {
        const index = next++;
        const slice = slices[index]!;
        await scheduler.turn(requester, slice.cost);
        results[index] = await execute(sliceContext(requestContext, slice));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, slices.length) }, worker));
    return mergeSlices(results);
  };
  return scheduler;
}
