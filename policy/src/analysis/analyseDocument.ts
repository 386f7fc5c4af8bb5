import {
  type ASTNode,
  type DirectiveNode,
  type DocumentNode,
  type GraphQLSchema,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";
import { type AccessMarks, entryPointNeeds } from "./marks";

/** What a document needs before it may run, and what it reads. */
export interface DocumentNeeds {
  /** Data group → the first coordinate of the document that needs it (a field or a marked argument). */
  groups: Map<string, string>;
  /** Coordinates of the data-group fields selected (`Person.surname`), in document order. */
  fields: Set<string>;
  /** Field coordinate → roles allowed, for the restricted fields selected. */
  roles: Map<string, readonly string[]>;
  /** Whether the document asks for person data or monitoring (and so needs a grant). */
  needsGrant: boolean;
  /** Coordinates of the root fields selected (`Query.person`), `__typename` aside. */
  rootFields: Set<string>;
  /** Whether a root field reads persons (one the person subgraph serves). */
  readsPersons: boolean;
}

// Apollo Server hands every request for the same query text the same parsed document (its
// documentStore), so a document is walked once per schema and marks, not once per request.
const analysed = new WeakMap<GraphQLSchema, WeakMap<AccessMarks, WeakMap<DocumentNode, DocumentNeeds>>>();

/**
 * What a document needs before it may run: the data groups and roles of every field it
 * selects and of every marked argument it writes, fragments included; its root fields, and
 * whether it needs a grant. The whole document is read, so an unused operation in the same
 * document cannot smuggle a field past the check. Fields the schema does not know are
 * skipped (validation refuses them). Without `variables`, or when no `@include`/`@skip`
 * depends on one, the answer depends on the document alone and is kept per document
 * object: callers must not change it.
 */
export function analyseDocument(
  schema: GraphQLSchema,
  document: DocumentNode,
  marks: AccessMarks,
  variables?: Record<string, unknown>,
): Readonly<DocumentNeeds> {
  // A selection left out by `@include(if: $v)` / `@skip(if: $v)` is not executed, so it needs
  // nothing: such a document's needs depend on its variables and are worked out each time.
  if (variables && hasVariableConditions(document)) return walk(schema, document, marks, variables);
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
    needs = walk(schema, document, marks);
    byMarks.set(document, needs);
  }
  return needs;
}

const conditionsCache = new WeakMap<ASTNode, boolean>();

/** Whether the node has an `@include`/`@skip` whose condition is a variable. */
export function hasVariableConditions(node: ASTNode): boolean {
  let found = conditionsCache.get(node);
  if (found === undefined) {
    found = false;
    visit(node, {
      Directive(directive) {
        if (
          (directive.name.value === "include" || directive.name.value === "skip") &&
          directive.arguments?.some((argument) => argument.value.kind === Kind.VARIABLE)
        ) {
          found = true;
        }
      },
    });
    conditionsCache.set(node, found);
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

function walk(
  schema: GraphQLSchema,
  document: DocumentNode,
  marks: AccessMarks,
  variables?: Record<string, unknown>,
): DocumentNeeds {
  const needs: DocumentNeeds = {
    groups: new Map(),
    fields: new Set(),
    roles: new Map(),
    needsGrant: false,
    rootFields: new Set(),
    readsPersons: false,
  };
  const need = (group: string, coordinate: string) => {
    if (!needs.groups.has(group)) needs.groups.set(group, coordinate);
  };
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
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
        if (!parent || node.name.value.startsWith("__") || !typeInfo.getFieldDef()) return;
        const coordinate = `${parent.name}.${node.name.value}`;
        const group = marks.fieldGroups.get(coordinate);
        if (group) {
          need(group, coordinate);
          needs.fields.add(coordinate);
        }
        // Selecting `residents` at all tells who lives at the address, whatever fields follow;
        // a marked argument counts when written, whatever its value.
        const written = (node.arguments ?? []).map((argument) => argument.name.value);
        for (const disclosed of entryPointNeeds(marks, coordinate, written)) {
          need(disclosed.group, disclosed.coordinate);
        }
        const roles = marks.fieldRoles.get(coordinate);
        if (roles) needs.roles.set(coordinate, roles);
        if (marks.grantRootFields.has(coordinate)) needs.needsGrant = true;
        if (roots.has(parent as never)) {
          needs.rootFields.add(coordinate);
          if (marks.personRootFields.has(coordinate)) needs.readsPersons = true;
        }
      },
    }),
  );
  return needs;
}
