import {
  type DirectiveNode,
  type DocumentNode,
  type GraphQLSchema,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";

export interface AccessMarks {
  /** `Person.surname` → `NAME`. */
  fieldGroups: Map<string, string>;
  /**
   * `Query.residents` → `["ADDRESS"]`: root fields whose selecting argument reveals these
   * groups; `Query.searchPersons(addressCode:)` → `["ADDRESS"]` for a marked argument.
   */
  entryPointGroups: Map<string, string[]>;
  /** `Mutation.createGrant` → `["OPERATOR"]`. */
  fieldRoles: Map<string, string[]>;
  /** Root field coordinates that run under a grant (`Query.person`, `Mutation.createMonitoringSet`). */
  grantRootFields: Set<string>;
}

export interface OperationNeeds {
  /** Data group → the first field of the operation that needs it. */
  groups: Map<string, string>;
  /** Field coordinate → roles allowed, for the restricted fields selected. */
  roles: Map<string, string[]>;
  /** Whether the operation asks for person data or monitoring (and so needs a grant). */
  needsGrant: boolean;
}

// Apollo Server hands every request for the same query text the same parsed document (its
// documentStore), so a document is walked once per schema and marks, not once per request.
const analysed = new WeakMap<GraphQLSchema, WeakMap<AccessMarks, WeakMap<DocumentNode, OperationNeeds>>>();

/**
 * What an operation needs before it may run: the data groups and roles of every field it
 * selects, fragments included. The whole document is read, so an unused operation in the
 * same document cannot smuggle a field past the check. The answer depends on the document
 * alone (not on variables), so it is kept per document object: callers must not change it.
 */
export function analyseOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  marks: AccessMarks,
  variables?: Record<string, unknown>,
): Readonly<OperationNeeds> {
  // A selection left out by `@include(if: $v)` / `@skip(if: $v)` is not executed, so it needs
  // nothing: such a document's needs depend on its variables and are worked out each time.
  if (variables && hasVariableConditions(document)) return walkOperation(schema, document, marks, variables);
  let bySchema = analysed.get(schema);
  if (!bySchema) {
    bySchema = new WeakMap();
    analysed.set(schema, bySchema);
  }
  let byMarks = bySchema.get(marks);
  if (!byMarks) {
    byMarks = new WeakMap();
    bySchema.set(marks, byMarks);
  }
  let needs = byMarks.get(document);
  if (!needs) {
    needs = walkOperation(schema, document, marks);
    byMarks.set(document, needs);
  }
  return needs;
}

const conditionsCache = new WeakMap<DocumentNode, boolean>();

/** Whether the document has an `@include`/`@skip` whose condition is a variable. */
function hasVariableConditions(document: DocumentNode): boolean {
  let found = conditionsCache.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      Directive(node) {
        if (
          (node.name.value === "include" || node.name.value === "skip") &&
          node.arguments?.some((argument) => argument.value.kind === Kind.VARIABLE)
        ) {
          found = true;
        }
      },
    });
    conditionsCache.set(document, found);
  }
  return found;
}

/** Whether `@skip`/`@include` leave the selection out, given the variables. */
function leftOut(
  directives: readonly DirectiveNode[] | undefined,
  variables: Record<string, unknown>,
): boolean {
  for (const directive of directives ?? []) {
    if (directive.name.value !== "include" && directive.name.value !== "skip") continue;
    const value = directive.arguments?.find((argument) => argument.name.value === "if")?.value;
    const condition =
      value?.kind === Kind.BOOLEAN
        ? value.value
        : value?.kind === Kind.VARIABLE
          ? variables[value.name.value] === true
          : undefined;
    if (condition === undefined) continue;
    if (directive.name.value === "include" ? !condition : condition) return true;
  }
  return false;
}

function walkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  marks: AccessMarks,
  variables?: Record<string, unknown>,
): OperationNeeds {
  const needs: OperationNeeds = { groups: new Map(), roles: new Map(), needsGrant: false };
  const typeInfo = new TypeInfo(schema);
  const skipped = variables
    ? (node: { directives?: readonly DirectiveNode[] }) =>
        leftOut(node.directives, variables) ? false : undefined
    : () => undefined;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      InlineFragment: skipped,
      Field(node) {
        if (skipped(node) === false) return false;
        const parent = typeInfo.getParentType();
        if (!parent || node.name.value.startsWith("__")) return;
        const coordinate = `${parent.name}.${node.name.value}`;
        const group = marks.fieldGroups.get(coordinate);
        if (group && !needs.groups.has(group)) needs.groups.set(group, coordinate);
        // Selecting `residents` at all tells who lives at the address, whatever fields follow.
        for (const disclosed of marks.entryPointGroups.get(coordinate) ?? []) {
          if (!needs.groups.has(disclosed)) needs.groups.set(disclosed, coordinate);
        }
        // A marked argument counts when written, whatever its value: the need is read from
        // the document alone, so a refusal cannot depend on (and tell) what a search found.
        for (const argument of node.arguments ?? []) {
          const argumentCoordinate = `${coordinate}(${argument.name.value}:)`;
          for (const disclosed of marks.entryPointGroups.get(argumentCoordinate) ?? []) {
            if (!needs.groups.has(disclosed)) needs.groups.set(disclosed, argumentCoordinate);
          }
        }
        const roles = marks.fieldRoles.get(coordinate);
        if (roles) needs.roles.set(coordinate, roles);
        if (marks.grantRootFields.has(coordinate)) needs.needsGrant = true;
      },
    }),
  );
  return needs;
}
