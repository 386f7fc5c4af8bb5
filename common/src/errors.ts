import { GraphQLError } from "graphql";

/**
 * Stable `extensions.code` values. Clients branch on these, so they never change meaning;
 * the message is a sentence that tells the caller what to fix.
 */
export type ErrorCode =
  | "BAD_USER_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "LIMIT_EXCEEDED"
  | "QUOTA_EXCEEDED"
  | "GRANT_REQUIRED"
  | "GRAPHQL_PARSE_FAILED"
  | "GRAPHQL_VALIDATION_FAILED"
  | "INTERNAL_SERVER_ERROR";

export function graphQLError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export function badUserInput(message: string, extensions: Record<string, unknown> = {}) {
  return graphQLError("BAD_USER_INPUT", message, extensions);
}
