import type { ApolloServerPlugin, GraphQLRequest } from "@apollo/server";
import { graphQLError } from "@rnp/common";
import { bearerCredentialOf } from "@rnp/policy/credentials";
import { GraphQLError } from "graphql";
import type { GatewayContext } from "../access/context";
import { checkPersistedQueryExtension } from "./persistedQueryExtension";
import type { ApprovedDocuments } from "./store";

/** How a request named a composite data set's version. */
export interface PersistedId {
  /** Hex SHA-256 of the approved document. */
  hash: string;
  /** `documentId` (GraphQL over HTTP) or `apq` (Apollo's `extensions.persistedQuery`). */
  form: "documentId" | "apq";
}

const HEX = /^[0-9a-f]{64}$/;

/**
 * A version's id as clients send it: `sha256:<hex>` (the GraphQL-over-HTTP persisted
 * documents form) or the bare lower-case hex (Apollo's `sha256Hash`, and accepted as a
 * `documentId` too). Anything else is BAD_USER_INPUT saying what an id looks like.
 */
export function hashOfId(id: unknown): string {
  const text = typeof id === "string" ? id.trim() : "";
  const hash = text.startsWith("sha256:") ? text.slice("sha256:".length) : text;
  if (!HEX.test(hash)) {
    throw graphQLError(
      "BAD_USER_INPUT",
      "A composite data set's id is `sha256:` and 64 lower-case hex digits, as `submitCompositeSet` answered in `documentId`.",
      { http: { status: 400 } },
    );
  }
  return hash;
}

function documentIdOf(request: GraphQLRequest): unknown {
  const body = request.http?.body as { documentId?: unknown } | undefined;
  if (request.http?.method === "POST") return body && typeof body === "object" ? body.documentId : undefined;
  return new URLSearchParams(request.http?.search ?? "").get("documentId") ?? undefined;
}

/** The id a request names, in either form; null for a request that sends its document. */
export function persistedIdOf(request: GraphQLRequest): PersistedId | null {
  const documentId = documentIdOf(request);
  if (documentId !== undefined && documentId !== null) {
    if (request.query !== undefined) {
      throw graphQLError(
        "BAD_USER_INPUT",
        "Send either `documentId` or `query`, not both: an approved set is executed by its id alone.",
        { http: { status: 400 } },
      );
    }
    return { hash: hashOfId(documentId), form: "documentId" };
  }
  const persisted = request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  if (persisted?.sha256Hash !== undefined) return { hash: hashOfId(persisted.sha256Hash), form: "apq" };
  return null;
}

export function documentNotFound(hash: string) {
  return graphQLError(
    "PERSISTED_QUERY_NOT_FOUND",
    `Your organisation has no approved composite data set with id sha256:${hash}. Submit the document with the \`submitCompositeSet\` mutation and send its \`documentId\` once the operator has approved it; a submitted, rejected or retired version does not execute.`,
    { http: { status: 404 } },
  );
}

/**
 * Looks up an approved composite data set's version for a request that names it by id and
 * puts the document in the request before Apollo Server reads it. Only the key's own
 * organisation's approved versions are found. Apollo Server runs every plugin's
 * `requestDidStart` before it reads `query` and `extensions.persistedQuery`, so an id
 * never reaches its own persisted-query cache; with a query and a hash that is not
 * approved (Apollo's APQ registration), the request is an ordinary one with its document.
 * A refusal is answered from `didResolveOperation`, with its code and HTTP status.
 */
export function persistedDocumentsPlugin(documents: ApprovedDocuments): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      try {
        await resolvePersistedDocument(documents, request, contextValue);
        return;
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        // Apollo Server answers an error thrown before parsing as a bare 500; from
        // `didResolveOperation` it sends the refusal with its code and status. A one-field
        // stand-in document gets the request there, without the caller's id or hash.
        request.query = REFUSED_PLACEHOLDER;
        request.operationName = undefined;
        if (request.extensions) request.extensions = { ...request.extensions, persistedQuery: undefined };
        return {
          async didResolveOperation() {
            throw error;
          },
        };
      }
    },
  };
}

const REFUSED_PLACEHOLDER = "query PersistedDocumentRefused { __typename }";

async function resolvePersistedDocument(
  documents: ApprovedDocuments,
  request: GraphQLRequest,
  contextValue: GatewayContext,
) {
  checkPersistedQueryExtension(request);
  const wanted = persistedIdOf(request);
  if (!wanted) return;
  const key = bearerCredentialOf(contextValue.authorization);
  if (!key) {
    throw graphQLError(
      "UNAUTHENTICATED",
      "A composite data set executes for its own organisation only: send your API key as `Authorization: Bearer <key>`.",
      { http: { status: 401 } },
    );
  }
  const found = await documents.find(key, wanted.hash, contextValue.grantNumber);
  if (!found) {
    if (wanted.form === "apq" && request.query !== undefined) return;
    throw documentNotFound(wanted.hash);
  }
  request.query = found.document;
  request.operationName ??= found.operationName;
  // The set executes under its own grant; a request may leave the `Grant` header out.
  contextValue.grantNumber ??= found.grantNumber;
  contextValue.compositeSet = {
    id: found.setId,
    version: found.version,
    grantId: found.grantId,
    grantNumber: found.grantNumber,
  };
}

/**
 * Apollo Server's persisted-query cache, storing nothing: a hash it has not been given by
 * `persistedDocumentsPlugin` is not found, and an APQ registration keeps no document.
 */
export const refusingPersistedQueryCache = {
  get: async (_key: string): Promise<string | undefined> => undefined,
  set: async (_key: string, _value: string): Promise<void> => {},
  delete: async (_key: string): Promise<boolean> => true,
};
