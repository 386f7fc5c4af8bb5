import { bearerCredentialOf } from "@rnp/policy/credentials";
import { type GraphQLError, GraphQLError as GraphQLErrorClass } from "graphql";
import type { GatewayContext } from "../access/context";
import { documentNotFound, hashOfId } from "./plugin";
import type { ApprovedDocuments } from "./store";

interface SubscribePayload {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown> | null;
  documentId?: unknown;
}

/**
 * A graphql-ws subscribe payload that names an approved composite data set (`documentId`
 * beside an empty `query`, or Apollo's `extensions.persistedQuery.sha256Hash`), with the
 * approved document put in; the payload as it is when it names none. Errors are what
 * `onSubscribe` returns to refuse (graphql-ws sends them as the operation's `error`).
 */
export async function resolveSubscribePayload<P extends SubscribePayload>(
  documents: ApprovedDocuments,
  connectionParams: { authorization?: string; grant?: string } | undefined,
  payload: P,
): Promise<
  | { payload: P; compositeSet?: NonNullable<GatewayContext["compositeSet"]> }
  | { errors: readonly GraphQLError[] }
> {
  const persisted = payload.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  const id = payload.documentId ?? persisted?.sha256Hash;
  if (id === undefined || id === null) return { payload };
  try {
    const hash = hashOfId(id);
    const key = bearerCredentialOf(connectionParams?.authorization);
    const found = key ? await documents.find(key, hash, connectionParams?.grant) : undefined;
    if (!found) throw documentNotFound(hash);
    return {
      payload: {
        ...payload,
        query: found.document,
        operationName: payload.operationName ?? found.operationName,
      },
      compositeSet: {
        id: found.setId,
        version: found.version,
        grantId: found.grantId,
        grantNumber: found.grantNumber,
      },
    };
  } catch (error) {
    if (error instanceof GraphQLErrorClass) return { errors: [error] };
    throw error;
  }
}
