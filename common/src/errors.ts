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
  | "COMPOSITE_SET_REQUIRED"
  | "COMPOSITE_SET_NOT_COVERED"
  | "PERSISTED_QUERY_NOT_FOUND"
  | "PERSISTED_QUERY_HASH_MISMATCH"
  | "OPERATION_NAME_REQUIRED"
  | "OPERATION_NAME_MISMATCH"
  | "SUBSCRIPTION_NEEDS_WEBSOCKET"
  | "GRAPHQL_PARSE_FAILED"
  | "GRAPHQL_VALIDATION_FAILED"
  | "SUBGRAPH_UNAVAILABLE"
  | "SUBGRAPH_TIMEOUT"
  | "INTERNAL_SERVER_ERROR"
  | OnboardingStepCode
  | PortalSessionCode;

/**
 * Refusals of a portal session (docs/PORTAL.md): a request that is not the session's own page
 * (`CSRF_REFUSED`, 403), a document that is not one of the portal's (`SESSION_DOCUMENT_REQUIRED`,
 * 403), a look-up by hand without its purpose (`PURPOSE_REQUIRED`, 400) or past the official's
 * hourly rate (`LOOKUP_RATE_EXCEEDED`, 429).
 */
export type PortalSessionCode =
  | "CSRF_REFUSED"
  | "SESSION_DOCUMENT_REQUIRED"
  | "PURPOSE_REQUIRED"
  | "LOOKUP_RATE_EXCEEDED";

/**
 * The onboarding steps refused out of order (an application's steps, docs/ENVIRONMENTS.md),
 * one code each; the gateway answers them with HTTP 409 Conflict.
 */
export const ONBOARDING_STEP_CODES = [
  "APPLICATION_NOT_AMENDABLE",
  "CHANGES_PENDING",
  "APPLICATION_ALREADY_DECIDED",
  "APPLICATION_NOT_APPROVED",
  "ACCEPTANCE_NOT_REPORTED",
  "ACCEPTANCE_REQUIRED",
  "GROUPS_NOT_ACCEPTED",
  "PRODUCTION_GRANT_REQUIRED",
  "CREDENTIALS_ALREADY_ISSUED",
  "WRONG_PLATFORM",
  "ORGANISATION_CONFIRMATION_REQUIRED",
  "ORGANISATION_DECLINED",
  "ACCEPTANCE_ACT_SIGNATURE_INVALID",
  "ACCEPTANCE_ACT_KEY_MISSING",
] as const;
export type OnboardingStepCode = (typeof ONBOARDING_STEP_CODES)[number];

export function graphQLError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export function badUserInput(message: string, extensions: Record<string, unknown> = {}) {
  return graphQLError("BAD_USER_INPUT", message, extensions);
}

/** Longest client input a message quotes; longer input is cut (a message is not an echo service). */
export const ECHO_LIMIT = 40;

/**
 * Client input to quote in a message, cut to `ECHO_LIMIT` characters with "…", so a
 * megabyte argument does not come back as a megabyte error (nor fill the logs).
 */
export function echo(input: unknown): string {
  const text = String(input);
  return text.length > ECHO_LIMIT ? `${text.slice(0, ECHO_LIMIT)}…` : text;
}

/** Largest id the tables hold (PostgreSQL `integer` / `serial`). */
export const MAX_ID = 2_147_483_647;

/**
 * An id argument as a number, or BAD_USER_INPUT with a sentence: ids are whole numbers
 * from 1 to 2³¹−1 (a larger one would reach PostgreSQL as an out-of-range integer).
 */
export function idArgument(value: string | number, what: string): number {
  const text = String(value);
  const number = /^\d{1,10}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(number) || number < 1 || number > MAX_ID) {
    throw badUserInput(`${what} "${echo(text)}" is not an id: pass a whole number from 1 to ${MAX_ID}.`);
  }
  return number;
}
