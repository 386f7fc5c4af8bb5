import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  Kind,
  type SelectionSetNode,
  visit,
} from "graphql";
import { analyseDocument, type DocumentNeeds, hasVariableConditions } from "./analyseDocument";
import type { AccessMarks } from "./marks";

// The field nodes of a parsed document are the same objects for every request that reuses
// it, so the one-field document is built once per field node, not once per call.
const documents = new WeakMap<object, DocumentNode>();

/** The fragments the root field spreads, directly or through other fragments (not its neighbours'). */
function fragmentsUsed(info: GraphQLResolveInfo): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const follow = (set: SelectionSetNode | undefined) => {
    if (!set) return;
    visit(set, {
      FragmentSpread(spread) {
        const fragment = info.fragments[spread.name.value];
        if (!fragment || used.has(fragment.name.value)) return;
        used.set(fragment.name.value, fragment);
        follow(fragment.selectionSet);
      },
    });
  };
  for (const node of info.fieldNodes) follow(node.selectionSet);
  return [...used.values()];
}

/**
 * The document of one root field as it is being resolved: an operation of the same kind
 * that selects only this field (its merged nodes), with the document's fragments.
 */
function rootFieldDocument(info: GraphQLResolveInfo): DocumentNode {
  const key = info.fieldNodes[0] ?? info.operation;
  let document = documents.get(key);
  if (!document) {
    document = {
      kind: Kind.DOCUMENT,
      definitions: [
        {
          kind: Kind.OPERATION_DEFINITION,
          operation: info.operation.operation,
          ...(info.operation.variableDefinitions
            ? { variableDefinitions: info.operation.variableDefinitions }
            : {}),
          selectionSet: { kind: Kind.SELECTION_SET, selections: info.fieldNodes },
        },
        ...fragmentsUsed(info),
      ],
    };
    documents.set(key, document);
  }
  return document;
}

/**
 * What one root field needs, read while it resolves (`info`): the groups of every field
 * selected below it and of the arguments it writes, as `analyseDocument` finds them for a
 * whole document. Lets a subgraph refuse a mutation before it writes anything, rather
 * than after, when its result's fields would be refused one by one.
 */
export function analyseRootField(info: GraphQLResolveInfo, marks: AccessMarks): Readonly<DocumentNeeds> {
  const document = rootFieldDocument(info);
  return analyseDocument(
    info.schema,
    document,
    marks,
    hasVariableConditions(document) ? info.variableValues : undefined,
  );
}
