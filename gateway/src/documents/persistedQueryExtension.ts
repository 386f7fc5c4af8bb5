import { createHash } from "node:crypto";
import type { GraphQLRequest } from "@apollo/server";
import { echo } from "@rnp/common";
import { refusal } from "@rnp/policy/errors";

/** The one version of Apollo's persisted-query extension there is (`{ version: 1, sha256Hash }`). */
export const PERSISTED_QUERY_VERSION = 1;

/**
 * Checks Apollo's `extensions.persistedQuery` before Apollo Server does, because its own
 * refusals carry no code and were answered as internal errors:
 * - a version other than 1: BAD_USER_INPUT, saying which version is supported;
 * - a `sha256Hash` sent with a `query` it is not the hash of: PERSISTED_QUERY_HASH_MISMATCH.
 * Both HTTP 400. A request without the extension passes untouched.
 */
export function checkPersistedQueryExtension(request: GraphQLRequest): void {
  const extension = request.extensions?.persistedQuery;
  if (extension === undefined || extension === null) return;
  if (typeof extension !== "object") {
    throw refusal(
      "BAD_USER_INPUT",
      `\`extensions.persistedQuery\` must be an object { version: ${PERSISTED_QUERY_VERSION}, sha256Hash }.`,
    );
  }
  const { version, sha256Hash } = extension as { version?: unknown; sha256Hash?: unknown };
  if (version !== PERSISTED_QUERY_VERSION) {
    throw refusal(
      "BAD_USER_INPUT",
      `\`extensions.persistedQuery.version\` is ${echo(JSON.stringify(version) ?? "missing")}; this gateway supports version ${PERSISTED_QUERY_VERSION} only (\`sha256Hash\`: the hex SHA-256 of the document). An approved composite data set may also be sent as \`documentId\`.`,
      { supportedVersion: PERSISTED_QUERY_VERSION },
    );
  }
  if (typeof request.query === "string" && typeof sha256Hash === "string") {
    const actual = createHash("sha256").update(request.query).digest("hex");
    if (actual !== sha256Hash.trim().toLowerCase()) {
      throw refusal(
        "PERSISTED_QUERY_HASH_MISMATCH",
        "`extensions.persistedQuery.sha256Hash` is not the SHA-256 of the `query` sent with it: hash the document exactly as sent (UTF-8 bytes, lower-case hex), or send the query without the extension.",
      );
    }
  }
}
