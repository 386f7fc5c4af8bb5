import type { IncomingMessage, ServerResponse } from "node:http";
import type { Database } from "@rnp/db";
import { sendRefusal } from "@rnp/policy/errors";
import { findCredential } from "../access/credentials";
import { bearerKeyOf } from "./plugin";
import { findApprovedDocumentsOf } from "./store";

/** Where a requester downloads its approved composite data sets. */
export const MANIFEST_PATH = "/persisted-queries/manifest.json";

/** Apollo's persisted-query manifest, as `@apollo/persisted-query-lists` and Apollo's tools read it. */
export interface PersistedQueryManifest {
  format: "apollo-persisted-query-manifest";
  version: 1;
  operations: { id: string; name: string; type: "query" | "subscription"; body: string }[];
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
 * `GET /persisted-queries/manifest.json` with `Authorization: Bearer <key>`: the key's
 * organisation's approved composite data sets as an Apollo persisted-query manifest, read
 * fresh (a retired version is gone from the next download). 401 without a valid key.
 */
export function manifestRoute(db: Database) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== "GET") {
      return sendRefusal(response, "METHOD_NOT_ALLOWED", `Download the manifest with GET ${MANIFEST_PATH}.`, {
        allow: "GET",
      });
    }
    const key = bearerKeyOf(request.headers.authorization);
    const credential = key ? await findCredential(db, key) : undefined;
    const expired = credential?.expiresAt && credential.expiresAt.getTime() <= Date.now();
    if (!credential || credential.revokedAt || expired) {
      return sendRefusal(
        response,
        "UNAUTHENTICATED",
        "The manifest lists your organisation's approved composite data sets: send a valid API key as `Authorization: Bearer <key>`.",
      );
    }
    const manifest = await manifestOf(db, credential.requesterId);
    response.writeHead(200, {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "private, no-store",
    });
    response.end(JSON.stringify(manifest));
  };
}
