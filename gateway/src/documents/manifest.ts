import type { IncomingMessage, ServerResponse } from "node:http";
import type { Database } from "@rnp/db";
import { authenticate, type CredentialSources } from "@rnp/policy/credentials";
import { GraphQLError } from "graphql";
import { findApprovedDocumentsOf } from "./store";

/** Where a requester downloads its approved composite data sets. */
export const MANIFEST_PATH = "/persisted-queries/manifest.json";

/** Apollo's persisted-query manifest, as `@apollo/persisted-query-lists` and Apollo's tools read it. */
export interface PersistedQueryManifest {
  format: "apollo-persisted-query-manifest";
  version: 1;
  operations: { id: string; name: string; type: "query" | "subscription"; body: string }[];
}

function refuse(response: ServerResponse, status: number, code: string, message: string) {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** The manifest of the organisation's approved versions; `id` is the document's hex SHA-256. */
export async function manifestOf(db: Database, requesterId: number): Promise<PersistedQueryManifest> {
  const rows = await findApprovedDocumentsOf(db, requesterId);
  return {
    format: "apollo-persisted-query-manifest",
    version: 1,
    operations: rows.map((row) => ({
      id: row.documentHash,
      name: row.operationName,
      type: row.operationType === "SUBSCRIPTION" ? "subscription" : "query",
      body: row.document,
    })),
  };
}

/**
 * `GET /persisted-queries/manifest.json` with `Authorization: Bearer <API key or access token>`:
 * the organisation's approved composite data sets as an Apollo persisted-query manifest, read
 * fresh (a retired version is gone from the next download). 401 without a valid credential,
 * with the sentence `authenticate` gives (429 past an application's tier).
 */
export function manifestRoute(db: Database, sources: CredentialSources<never>) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== "GET") {
      response.setHeader("allow", "GET");
      return refuse(response, 405, "BAD_REQUEST", `Download the manifest with GET ${MANIFEST_PATH}.`);
    }
    let requesterId: number;
    try {
      const credential = await authenticate(
        { authorization: request.headers.authorization, grantNumber: undefined, transport: "http" },
        sources,
      );
      if (!credential) {
        return refuse(
          response,
          401,
          "UNAUTHENTICATED",
          "The manifest lists your organisation's approved composite data sets: send your API key or OAuth access token as `Authorization: Bearer <credential>`.",
        );
      }
      requesterId = credential.kind === "session" ? credential.identity.requesterId : credential.requesterId;
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 401;
      return refuse(response, status, String(error.extensions.code), error.message);
    }
    const manifest = await manifestOf(db, requesterId);
    response.writeHead(200, {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "private, no-store",
    });
    response.end(JSON.stringify(manifest));
  };
}
