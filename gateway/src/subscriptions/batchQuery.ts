/**
 * Query rewriting: a `setChanges` subscription is served by running a page of the
 * `changes` query through the gateway's own pipeline; this file writes that query and reads
 * its answer back.
 */
import {
  type DocumentNode,
  type FieldNode,
  type FormattedExecutionResult,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  visit,
} from "graphql";

const BATCH_ALIAS = "__batch";
export const CURSOR_ALIAS = "__cursor";
const END_ALIAS = "__end";
const MORE_ALIAS = "__more";

/** One execution of the batch query: the notifications delivered and where the page ended. */
export interface Batch {
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
export function batchQueryOf(
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

/** The page a batch query answered, or its errors (a revoked grant, a refused field…). */
export function batchOf(result: FormattedExecutionResult): Batch {
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
    errors: result.errors?.map((e) => new GraphQLError(e.message, { extensions: e.extensions ?? {} })),
    nodes: batch?.nodes ?? [],
    endCursor: batch?.[END_ALIAS] ?? null,
    hasNextPage: batch?.[MORE_ALIAS] ?? false,
  };
}
