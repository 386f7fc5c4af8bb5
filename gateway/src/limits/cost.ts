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

export interface OperationCost {
  /** Objects the operation can make the platform resolve (see `operationCost`). */
  cost: number;
  /** Fields selected once fragments are expanded, whatever the list sizes. */
  selections: number;
  /**
   * Most persons the operation can disclose: objects of the person type, counted like the
   * cost, and at least a page for a paged field whose items carry persons, even when none of
   * their fields is selected (a `totalCount` still tells who exists). The daily quota
   * reserves this before execution.
   */
  persons: number;
}

/** The type whose objects are persons disclosed (`persons` of `OperationCost`). */
const PERSON_TYPE = "Person";

/** Arguments that say how many items a list field returns. */
function sizeFromArguments(args: Record<string, unknown>): number | null {
  if (Array.isArray(args.personCodes)) return args.personCodes.length;
  for (const name of ["first", "last", "limit"]) {
    const value = args[name];
    if (typeof value === "number" && Number.isFinite(value)) return Math.max(0, value);
  }
  return null;
}

/**
 * Whether a connection's items are persons or carry one (`nodes: [Person]`, or
 * `nodes: [Match]` with `Match.person: Person`): its page is persons disclosed.
 */
function carriesPersons(type: GraphQLCompositeType): boolean {
  if (!isObjectType(type) && !isInterfaceType(type)) return false;
  return Object.values(type.getFields()).some((field) => {
    if (!isListType(getNullableType(field.type))) return false;
    const item = getNamedType(field.type);
    if (item.name === PERSON_TYPE) return true;
    return (
      (isObjectType(item) || isInterfaceType(item)) &&
      Object.values(item.getFields()).some((inner) => getNamedType(inner.type).name === PERSON_TYPE)
    );
  });
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
): OperationCost {
  const operation = getOperationAST(document, operationName);
  if (!operation) return { cost: 0, selections: 0, persons: 0 };
  const root = schema.getRootType(operation.operation);
  if (!root) return { cost: 0, selections: 0, persons: 0 };
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const memo = new Map<string, OperationCost>();
  const inProgress = new Set<string>();

  const selectionSetCost = (
    parent: GraphQLCompositeType,
    set: SelectionSetNode,
    pageOfParent: number | null,
  ): OperationCost => {
    let cost = 0;
    let selections = 0;
    let persons = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        selections++;
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
        const below = selectionSetCost(type, selection.selectionSet, isList ? null : size);
        cost += count * (1 + below.cost);
        selections += below.selections;
        const own = type.name === PERSON_TYPE ? 1 : 0;
        const page = !isList && size !== null && carriesPersons(type) ? size : 0;
        persons += count * Math.max(own + below.persons, page);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        if (condition && isCompositeType(condition)) {
          const inner = selectionSetCost(condition, selection.selectionSet, pageOfParent);
          cost += inner.cost;
          selections += inner.selections;
          persons += inner.persons;
        }
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue;
        const key = `${fragment.name.value}:${pageOfParent ?? ""}`;
        const known = memo.get(key);
        if (known !== undefined) {
          cost += known.cost;
          selections += known.selections;
          persons += known.persons;
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
        cost += fragmentCost.cost;
        selections += fragmentCost.selections;
        persons += fragmentCost.persons;
      }
    }
    return { cost, selections, persons };
  };
  return selectionSetCost(root, operation.selectionSet, null);
}

const shownCount = (n: number) =>
  Number.isFinite(n) && n < 1e15 ? String(Math.round(n)) : "more than 10^15";
const reported = (n: number) => (Number.isFinite(n) ? Math.round(n) : Number.MAX_SAFE_INTEGER);

/**
 * Throws TOO_MANY_SELECTIONS when the operation selects more than `maxSelections` fields once
 * its fragments are expanded (a fragment bomb: a few hundred bytes that the query planner
 * would spend seconds to minutes expanding), and OPERATION_TOO_COSTLY when its cost is above
 * `maxCost`; both HTTP 400, naming the figure and the limit.
 */
export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  limits: Pick<OperationLimits, "maxCost" | "defaultListSize" | "maxSelections">,
): OperationCost {
  const measured = operationCost(schema, document, operationName, variables, limits.defaultListSize);
  const { cost, selections } = measured;
  if (selections > limits.maxSelections) {
    throw limitRefusal(
      "TOO_MANY_SELECTIONS",
      `The operation selects ${shownCount(selections)} fields once its fragments are expanded; the gateway accepts at most ${limits.maxSelections}: spread each fragment once, and split the operation if it needs more.`,
      { limit: limits.maxSelections, found: reported(selections) },
    );
  }
  if (cost > limits.maxCost) {
    const shown = shownCount(cost);
    throw limitRefusal(
      "OPERATION_TOO_COSTLY",
      `The operation could resolve ${shown} objects (its cost); the gateway accepts at most ${limits.maxCost}: ask for fewer persons or smaller pages (first:), or fewer nested lists, and page through the rest. Lists without a size argument count ${limits.defaultListSize} each.`,
      { limit: limits.maxCost, found: reported(cost) },
    );
  }
  return measured;
}
