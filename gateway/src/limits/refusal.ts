import { HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";

/** The codes of the gateway's operation limits, one per limit, stable for clients to branch on. */
export type LimitCode =
  | "OPERATION_TOO_LARGE"
  | "OPERATION_TOO_DEEP"
  | "TOO_MANY_ALIASES"
  | "TOO_MANY_DIRECTIVES"
  | "OPERATION_TOO_COSTLY"
  | "TOO_MANY_SELECTIONS"
  | "OPERATION_NOT_PLANNABLE"
  | "RATE_LIMITED"
  | "TOO_MANY_IN_FLIGHT"
  | "TOO_MANY_SUBSCRIPTIONS";

/**
 * A refusal by a limit: `extensions.code`, the limit and the value found (`limit`, `found`)
 * for programs, the HTTP status Apollo Server answers with (`extensions.http`, not sent to
 * the client), and a message naming the limit and its value.
 */
export function limitRefusal(
  code: LimitCode,
  message: string,
  details: { limit?: number; found?: number; status?: number; headers?: Record<string, string> } & Record<
    string,
    unknown
  >,
) {
  const { status = 400, headers, ...rest } = details;
  const http = {
    status,
    headers: new HeaderMap(Object.entries(headers ?? {})),
  };
  return new GraphQLError(message, { extensions: { ...rest, code, http } });
}
