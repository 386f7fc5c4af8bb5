import type { ServerResponse } from "node:http";
import { GraphQLError } from "graphql";
import { ERRORS, type ErrorCode, isErrorCode } from "./table";

/** The HTTP status of an answer refused with `code`. */
export function statusOf(code: ErrorCode): number {
  return ERRORS[code].status;
}

/** The graphql-ws close code of a socket ended for `code`. */
export function closeCodeOf(code: ErrorCode): number {
  return ERRORS[code].close;
}

/**
 * An error with a stable code and no HTTP head: what a resolver (in a subgraph or the
 * gateway) raises during execution. The gateway's answer takes the table's status for a
 * code that decides the whole answer (`wholeAnswer`), 200 with the field's error otherwise.
 */
export function graphQLError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/**
 * A refusal of the request before or instead of execution: the code, the table's HTTP status
 * (as `extensions.http`, which Apollo Server answers with and does not send) and `headers`
 * (e.g. `Retry-After`), and a message saying what to fix. `extensions` are sent as they are.
 */
export function refusal(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const http: { status: number; headers?: Map<string, string> } = { status: statusOf(code) };
  // Apollo Server takes any Map as the headers (its HeaderMap is a Map of lower-cased names).
  const names = Object.entries(headers);
  if (names.length > 0) http.headers = new Map(names.map(([name, value]) => [name.toLowerCase(), value]));
  return graphQLError(code, message, { ...extensions, http });
}

/** Codes of the table that decide the whole answer, most serious first: faults (retrying may help), then refusals. */
const DECISIVE: ErrorCode[] = (Object.keys(ERRORS) as ErrorCode[])
  .filter((code) => ERRORS[code].wholeAnswer)
  .sort((a, b) => rank(ERRORS[a].status) - rank(ERRORS[b].status));

function rank(status: number): number {
  return status >= 500 ? -status : status;
}

/**
 * The HTTP status an answer takes from the codes of its errors, or undefined (the answer
 * keeps its own): the most serious code that decides the whole answer. Codes not in the
 * table (a library's own) decide nothing.
 */
export function answerStatus(codes: Iterable<unknown>): number | undefined {
  const present = new Set<ErrorCode>();
  for (const code of codes) if (isErrorCode(code)) present.add(code);
  const decisive = DECISIVE.find((code) => present.has(code));
  return decisive && statusOf(decisive);
}

/** The JSON body of a refusal answered outside GraphQL execution (a plain HTTP route). */
export function refusalBody(code: ErrorCode, message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

/**
 * Answers a plain HTTP route's request with a refusal: the table's status, a GraphQL-shaped
 * JSON body with the code and the sentence, and `headers` (e.g. `allow`). Not cached.
 */
export function sendRefusal(
  response: ServerResponse,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(statusOf(code), {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    ...headers,
  });
  response.end(refusalBody(code, message));
}
