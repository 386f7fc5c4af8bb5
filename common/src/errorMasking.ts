import { randomUUID } from "node:crypto";
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { type Logger, rootLogger } from "./observability/logger";
import { currentRequestScope } from "./requestScope";

/** Extensions that describe internals (a stack, an internal URL and its answer); never sent. */
const INTERNAL_EXTENSIONS = ["exception", "stacktrace", "response"];

/**
 * Codes that say "something broke" rather than "you asked for something wrong": Apollo
 * gives INTERNAL_SERVER_ERROR to anything thrown without a code, the gateway gives
 * DOWNSTREAM_SERVICE_ERROR to a subgraph's error without one.
 */
const UNEXPECTED_CODES = new Set([undefined, null, "", "INTERNAL_SERVER_ERROR", "DOWNSTREAM_SERVICE_ERROR"]);

// Statement text as drizzle-orm ("Failed query: … params: …", identifiers in double quotes)
// and PostgreSQL's own messages quote it; sentences of ours never look like this.
const SQL_TEXT =
  /Failed query:|\bparams: |\b(?:select|insert into|update|delete from) "|\bout of range for type\b|\bviolates [\w ]*constraint\b|\brelation "[^"]+" does not exist/;

/** True when the error or one of its causes came from PostgreSQL or the SQL layer. */
function fromDatabase(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    const candidate = current as {
      name?: unknown;
      severity?: unknown;
      routine?: unknown;
      query?: unknown;
      cause?: unknown;
      originalError?: unknown;
    };
    if (candidate.name === "PostgresError" || candidate.name === "DrizzleQueryError") return true;
    if (typeof candidate.severity === "string" && typeof candidate.routine === "string") return true;
    if (typeof candidate.query === "string" && candidate.query.length > 0) return true;
    current = candidate.cause ?? candidate.originalError;
  }
  return false;
}

/** True when a scalar refused the value (a literal the validation reported, see `ScalarValueError`). */
function refusedByScalar(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    if ((current as { name?: unknown }).name === "ScalarValueError") return true;
    current = (current as { originalError?: unknown }).originalError;
  }
  return false;
}

/**
 * Apollo Server's `formatError` for the gateway and every subgraph. An error a client
 * can act on (one with a code of ours, like BAD_USER_INPUT or FORBIDDEN) is sent as it
 * is, minus internal extensions. Anything else — no code, INTERNAL_SERVER_ERROR, or a
 * message that holds SQL or comes from PostgreSQL (statement text and parameters, e.g. an
 * API key's hash) — is logged as one JSON line on `logger` (the redacting serializer keeps
 * what failed and where, never SQL parameters or person data) and replaced by "Internal
 * error; quote request id …", with the request id in `extensions.requestId`.
 */
export function maskInternalErrors(
  formatted: GraphQLFormattedError,
  error: unknown,
  logger: Logger = rootLogger(),
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (formatted.extensions?.code === "GRAPHQL_VALIDATION_FAILED" && refusedByScalar(original)) {
    formatted = { ...formatted, extensions: { ...formatted.extensions, code: "BAD_USER_INPUT" } };
  }
  const code = formatted.extensions?.code;
  const unexpected =
    UNEXPECTED_CODES.has(code as string | undefined) ||
    SQL_TEXT.test(formatted.message) ||
    fromDatabase(original);
  if (!unexpected) {
    if (!formatted.extensions) return formatted;
    const extensions = { ...formatted.extensions };
    for (const name of INTERNAL_EXTENSIONS) delete extensions[name];
    return { ...formatted, extensions };
  }
  const requestId = currentRequestScope()?.requestId ?? randomUUID();
  logger.error({ err: original, requestId, path: formatted.path }, "internal error");
  return {
    message: `Internal error; quote request id ${requestId} to the platform operator, who can find the details in the log.`,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: "INTERNAL_SERVER_ERROR", requestId },
  };
}
