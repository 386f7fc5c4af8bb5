import { createHash } from "node:crypto";
import { Kind, type OperationDefinitionNode, parse, print, visit } from "graphql";

const byName = <T extends { name: { value: string } }>(list: readonly T[] | undefined) =>
  list ? [...list].sort((a, b) => a.name.value.localeCompare(b.name.value)) : list;

/**
 * The canonical form of a document: parsed, without `__typename` selections (a client's cache
 * adds them; they reveal nothing), selections, arguments and variables in a fixed order (the
 * persisted documents are normalised so), printed. The same page's document hashes the same
 * however the client prints it, and no other document does.
 */
export function canonicalDocumentHash(source: string): string | null {
  let document: ReturnType<typeof parse>;
  try {
    document = parse(source, { noLocation: true });
  } catch {
    return null;
  }
  const stripped = visit(document, {
    Field: {
      enter: (node) => (node.name.value === "__typename" ? null : undefined),
      leave: (node) => ({ ...node, arguments: byName(node.arguments) }),
    },
    Directive: { leave: (node) => ({ ...node, arguments: byName(node.arguments) }) },
    OperationDefinition: {
      leave: (node) => ({
        ...node,
        variableDefinitions: node.variableDefinitions
          ? [...node.variableDefinitions].sort((a, b) =>
              a.variable.name.value.localeCompare(b.variable.name.value),
            )
          : node.variableDefinitions,
      }),
    },
    SelectionSet: {
      leave: (node) => ({
        ...node,
        selections: [...node.selections].sort((a, b) => print(a).localeCompare(print(b))),
      }),
    },
  });
  return createHash("sha256").update(print(stripped)).digest("hex");
}

/** A portal document a session may run, with the operation it holds. */
export interface PortalDocument {
  operationName: string;
  /** How it reaches person data: by its name, `Pdp…` look-ups by hand, `My…` the data subject's own. */
  channel: "PORTAL" | "PDP" | "SELF";
}

/**
 * The portal's own documents (GraphQL Code Generator's persisted documents: hash → text) by
 * canonical hash. A session may execute these only: it cannot be used to script anything else.
 */
export function portalSafelist(persisted: Record<string, string>): Map<string, PortalDocument> {
  const safelist = new Map<string, PortalDocument>();
  for (const text of Object.values(persisted)) {
    const hash = canonicalDocumentHash(text);
    const operation = parse(text).definitions.find(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
    const operationName = operation?.name?.value;
    if (!hash || !operationName) continue;
    const channel = operationName.startsWith("Pdp")
      ? "PDP"
      : operationName.startsWith("My")
        ? "SELF"
        : "PORTAL";
    safelist.set(hash, { operationName, channel });
  }
  return safelist;
}
