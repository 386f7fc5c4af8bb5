import { type DocumentNode, type GraphQLSchema, TypeInfo, visit, visitWithTypeInfo } from "graphql";

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
): Readonly<OperationNeeds> {
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

function walkOperation(schema: GraphQLSchema, document: DocumentNode, marks: AccessMarks): OperationNeeds {
  const needs: OperationNeeds = { groups: new Map(), roles: new Map(), needsGrant: false };
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
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
