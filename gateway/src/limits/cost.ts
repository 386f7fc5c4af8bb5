import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from "graphql";
import type { OperationLimits } from "./config";
import { limitRefusal } from "./refusal";

/** Arguments that say how many items a list field returns. */
function sizeFromArguments(args: Record<string, unknown>): number | null {
  if (Array.isArray(args.personCodes)) return args.personCodes.length;
  for (const name of ["first", "last", "limit"]) {
    const value = args[name];
    if (typeof value === "number" && Number.isFinite(value)) return Math.max(0, value);
  }
  return null;
}

function fieldOf(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
  return undefined;
}

/**
 * The cost of an operation: how many objects it can make the platform resolve. Each field
 * of object type costs 1 per object it returns, times the objects it is selected on; leaves
 * cost nothing. A list field returns as many as its size argument says (`persons` its
 * number of `personCodes`, a paged field its `first`, with the field's default when left
 * out); a paged field that returns a connection passes its page to the connection's list
 * (`residents(first: 100) { nodes }` is 100 persons); any other list counts
 * `defaultListSize`. Nested lists multiply, so a family tree five levels deep costs what it
 * would fetch. Fragments are costed once per spread context, so a fragment bomb costs its
 * expansion in a linear walk.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  defaultListSize: number,
): number {
  const operation = getOperationAST(document, operationName);
  if (!operation) return 0;
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();

  const selectionSetCost = (
    parent: GraphQLCompositeType,
    set: SelectionSetNode,
    pageOfParent: number | null,
  ): number => {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fieldOf(parent, selection.name.value);
        if (!field || !selection.selectionSet) continue;
        const type = getNamedType(field.type);
        if (!isCompositeType(type)) continue;
        let size: number | null = null;
        try {
          size = sizeFromArguments(getArgumentValues(field, selection, variables));
        } catch {
          // Arguments that do not coerce are refused by execution; cost them as absent.
        }
        const isList = isListType(getNullableType(field.type));
        const count = isList ? (size ?? pageOfParent ?? defaultListSize) : 1;
        cost += count * (1 + selectionSetCost(type, selection.selectionSet, isList ? null : size));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        if (condition && isCompositeType(condition))
          cost += selectionSetCost(condition, selection.selectionSet, pageOfParent);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue;
        const key = `${fragment.name.value}:${pageOfParent ?? ""}`;
        const known = memo.get(key);
        if (known !== undefined) {
          cost += known;
          continue;
        }
        // A cycle is refused by validation; costing it as nothing keeps this walk finite.
        if (inProgress.has(key)) continue;
        const condition = schema.getType(fragment.typeCondition.name.value);
        if (!condition || !isCompositeType(condition)) continue;
        inProgress.add(key);
        const fragmentCost = selectionSetCost(condition, fragment.selectionSet, pageOfParent);
        inProgress.delete(key);
        memo.set(key, fragmentCost);
        cost += fragmentCost;
      }
    }
    return cost;
  };
  return selectionSetCost(root, operation.selectionSet, null);
}

/** Throws OPERATION_TOO_COSTLY (HTTP 400) naming the cost and the limit when the cost is above `maxCost`. */
export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  limits: Pick<OperationLimits, "maxCost" | "defaultListSize">,
): number {
  const cost = operationCost(schema, document, operationName, variables, limits.defaultListSize);
  if (cost > limits.maxCost) {
    const shown = Number.isFinite(cost) && cost < 1e15 ? String(Math.round(cost)) : "more than 10^15";
    throw limitRefusal(
      "OPERATION_TOO_COSTLY",
      `The operation could resolve ${shown} objects (its cost); the gateway accepts at most ${limits.maxCost}: ask for fewer persons or smaller pages (first:), or fewer nested lists, and page through the rest. Lists without a size argument count ${limits.defaultListSize} each.`,
      { limit: limits.maxCost, found: Number.isFinite(cost) ? Math.round(cost) : Number.MAX_SAFE_INTEGER },
    );
  }
  return cost;
}
