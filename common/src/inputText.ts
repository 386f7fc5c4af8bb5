import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { type DocumentNode, visit } from "graphql";
import { badUserInput } from "./errors";

/** Deepest nesting of variables walked: input objects deeper than this are not GraphQL inputs a client needs. */
const MAX_DEPTH = 32;

/** Where in the variables a string holds U+0000, e.g. `$input.name`, or null. */
function nulInVariables(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return null;
  const entries = Array.isArray(value)
    ? value.map((item, index) => [`[${index}]`, item] as const)
    : Object.entries(value).map(([key, item]) => [`.${key}`, item] as const);
  for (const [step, item] of entries) {
    const found = nulInVariables(item, `${path}${step}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Apollo Server hands the same document object to every request of the same text: walked once. */
const checkedDocuments = new WeakMap<DocumentNode, boolean>();

function nulInDocument(document: DocumentNode): boolean {
  const known = checkedDocuments.get(document);
  if (known !== undefined) return known;
  let found = false;
  visit(document, {
    StringValue(node) {
      if (node.value.includes("\u0000")) found = true;
    },
  });
  checkedDocuments.set(document, found);
  return found;
}

/**
 * Refuses any text argument holding U+0000 (NUL) with BAD_USER_INPUT and HTTP 400, before
 * anything runs. No register text holds it and PostgreSQL's `text` cannot ("invalid byte
 * sequence"), so without this check a NUL became an internal error deep in a repository.
 * Every part runs it (the gateway for clients, each subgraph in depth); graphql-js already
 * refuses a raw NUL in the document's source, this catches `"\u0000"` escapes and variables.
 */
export function nulCharacterPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          for (const [name, value] of Object.entries(request.variables ?? {})) {
            const path = nulInVariables(value, `$${name}`);
            if (path) {
              throw badUserInput(
                `Variable ${path} holds a NUL character (U+0000), which no text of the register can hold: remove it and send the request again.`,
                { http: { status: 400 } },
              );
            }
          }
          if (nulInDocument(document)) {
            throw badUserInput(
              "A string in the operation holds a NUL character (U+0000, written \\u0000), which no text of the register can hold: remove it and send the request again.",
              { http: { status: 400 } },
            );
          }
        },
      };
    },
  };
}
