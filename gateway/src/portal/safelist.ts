import { createHash } from "node:crypto";
import { Kind, type OperationDefinitionNode, parse, print, visit } from "graphql";

/**
 * The canonical form of a document: parsed and printed without `__typename` selections, which
 * a client's cache may add and which reveal nothing, so the same page's document hashes the
 * same however the client prints it.
 */
export function canonicalDocumentHash(source: string): string | null {
  let document: ReturnType<typeof parse>;
  try {
    document = parse(source, { noLocation: true });
  } catch {
    return null;
  }
  const stripped = visit(document, {
    Field: (node) => (node.name.value === "__typename" ? null : undefined),
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
    const channel = operationName.startsWith("Pdp") ? "PDP" : operationName.startsWith("My") ? "SELF" : "PORTAL";
    safelist.set(hash, { operationName, channel });
  }
  return safelist;
}
