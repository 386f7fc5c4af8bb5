/**
 * Every `extensions.code` the platform answers with, once: its HTTP status, its graphql-ws
 * close code and what it means. Clients branch on the codes, so a code never changes meaning;
 * the message beside it is a sentence saying what to fix. `docs/ERRORS.md` is rendered from
 * this table (`pnpm errors:doc`; a test fails when the two differ).
 */
export interface ErrorEntry {
  /** The HTTP status of an answer refused with this code. */
  readonly status: number;
  /**
   * True when the code decides the status of the whole answer even when a resolver or a
   * subgraph raises it during execution (a refusal or a fault, not a field's own outcome):
   * the gateway's status plugin then answers with `status` instead of 200.
   */
  readonly wholeAnswer: boolean;
  /**
   * The close code of a graphql-ws socket ended for this reason (4400–4999 are left to
   * applications; 1009 is the WebSocket's own "message too big"). A refusal of one
   * subscription is sent as its `error` message with the code and leaves the socket open.
   */
  readonly close: number;
  /** What the code means, one line (for docs/ERRORS.md). */
  readonly meaning: string;
}

const request = (status: number, close: number, meaning: string): ErrorEntry => ({
  status,
  wholeAnswer: false,
  close,
  meaning,
});
const whole = (status: number, close: number, meaning: string): ErrorEntry => ({
  status,
  wholeAnswer: true,
  close,
  meaning,
});

const onboardingStep = (meaning: string) => whole(409, 4409, `An onboarding step out of order: ${meaning}`);

/** The table: code → status, close code, meaning (grouped as docs/ERRORS.md shows them). */
export const ERRORS = {
  // The request itself
  BAD_REQUEST: request(
    400,
    4400,
    "The HTTP request cannot be read (Apollo Server also answers 405 or 415 with it).",
  ),
  BAD_USER_INPUT: request(400, 4400, "An argument or variable has a value that is not allowed."),
  METHOD_NOT_ALLOWED: request(405, 4400, "The route does not take this HTTP method."),
  GRAPHQL_PARSE_FAILED: request(400, 4400, "The document is not GraphQL."),
  GRAPHQL_VALIDATION_FAILED: request(400, 4400, "The document does not fit the schema."),
  OPERATION_NAME_REQUIRED: request(400, 4400, "The document has several operations and no `operationName`."),
  OPERATION_NAME_MISMATCH: request(400, 4400, "`operationName` names no operation of the document."),
  SUBSCRIPTION_NEEDS_WEBSOCKET: request(
    400,
    4400,
    "A subscription was sent over HTTP; it runs over graphql-ws.",
  ),
  PERSISTED_QUERY_NOT_FOUND: request(
    404,
    4404,
    "No approved composite data set of the organisation has this id.",
  ),
  PERSISTED_QUERY_HASH_MISMATCH: request(
    400,
    4400,
    "`sha256Hash` is not the hash of the `query` sent with it.",
  ),
  NOT_FOUND: request(404, 4404, "The thing named by an argument does not exist (or is not the caller's)."),
  COMPOSITE_SET_NOT_COVERED: request(
    400,
    4400,
    "A submitted composite data set selects groups its grant does not cover.",
  ),
  // Operation limits (docs/LIMITS.md)
  OPERATION_TOO_LARGE: request(400, 4400, "The document has more tokens than the limit."),
  OPERATION_TOO_DEEP: request(400, 4400, "The document nests selections deeper than the limit."),
  TOO_MANY_ALIASES: request(400, 4400, "The document has more aliases than the limit."),
  TOO_MANY_DIRECTIVES: request(400, 4400, "The document has more directives than the limit."),
  OPERATION_TOO_COSTLY: request(400, 4400, "The operation's estimated cost is above the limit."),
  TOO_MANY_SELECTIONS: request(400, 4400, "The operation selects more fields than the limit."),
  OPERATION_NOT_PLANNABLE: request(400, 4400, "The gateway cannot plan the operation (it expands too far)."),
  RATE_LIMITED: request(
    429,
    4429,
    "The requester sent more operations than its rate allows; retry after `Retry-After`.",
  ),
  TOO_MANY_IN_FLIGHT: request(429, 4429, "The requester has too many operations running or queued."),
  TOO_MANY_SUBSCRIPTIONS: request(429, 4429, "The key has as many open subscriptions as it may."),
  // Who asks and what they may see
  UNAUTHENTICATED: whole(401, 4401, "No credential, or one that is unknown, revoked or expired."),
  FORBIDDEN: whole(403, 4403, "The credential may not do this (role, grant state, organisation)."),
  GRANT_REQUIRED: whole(
    403,
    4403,
    "The operation selects protected data and names no grant, or one that does not cover it.",
  ),
  COMPOSITE_SET_REQUIRED: whole(
    403,
    4403,
    "Production data is read only through an approved composite data set.",
  ),
  QUOTA_EXCEEDED: whole(429, 4429, "The grant's daily quota of disclosed persons is used up."),
  // The portal's sessions (docs/PORTAL.md)
  CSRF_REFUSED: whole(403, 4403, "The request is not from the session's own page (origin or CSRF token)."),
  SESSION_DOCUMENT_REQUIRED: whole(403, 4403, "A portal session runs only the portal's own documents."),
  PURPOSE_REQUIRED: whole(400, 4400, "A look-up by hand must state its purpose (`x-rnp-purpose`)."),
  LOOKUP_RATE_EXCEEDED: whole(429, 4429, "The official's hourly rate of look-ups by hand is used up."),
  LOGIN_EXPIRED: request(400, 4400, "A portal sign-in answer for a login that is unknown or already used."),
  SIGN_IN_REFUSED: request(400, 4400, "The identity provider's sign-in answer does not verify."),
  NOT_A_PERSON: request(403, 4403, "The sign-in did not attest a valid personal code."),
  // Onboarding steps refused out of order (docs/ENVIRONMENTS.md)
  APPLICATION_NOT_AMENDABLE: onboardingStep("the application can no longer be changed."),
  CHANGES_PENDING: onboardingStep("the operator asked for changes that are not made yet."),
  APPLICATION_ALREADY_DECIDED: onboardingStep("the application was already approved or rejected."),
  APPLICATION_NOT_APPROVED: onboardingStep("the application is not approved yet."),
  ACCEPTANCE_NOT_REPORTED: onboardingStep("the acceptance test has not been reported."),
  ACCEPTANCE_REQUIRED: onboardingStep("the acceptance test must pass first."),
  GROUPS_NOT_ACCEPTED: onboardingStep("the accepted groups name one not approved for testing."),
  PRODUCTION_GRANT_REQUIRED: onboardingStep("a production grant must exist first."),
  CREDENTIALS_ALREADY_ISSUED: onboardingStep("the credentials were already issued."),
  WRONG_PLATFORM: onboardingStep("the step belongs to the other environment's platform."),
  ORGANISATION_CONFIRMATION_REQUIRED: onboardingStep("the organisation has not confirmed the application."),
  ORGANISATION_DECLINED: onboardingStep("the organisation declined the application."),
  ACCEPTANCE_ACT_SIGNATURE_INVALID: onboardingStep("the signed acceptance act does not verify."),
  ACCEPTANCE_ACT_KEY_MISSING: onboardingStep("the acceptance act's signing key is not configured."),
  // Faults: retrying may help
  SUBGRAPH_UNAVAILABLE: whole(502, 4502, "A subgraph could not be reached or answered with a fault."),
  SUBGRAPH_TIMEOUT: whole(504, 4504, "A subgraph did not answer in time."),
  AUDIT_UNAVAILABLE: whole(503, 4503, "The disclosure could not be audited, so no data was sent."),
  INTERNAL_SERVER_ERROR: request(
    500,
    4500,
    "Something broke on the platform's side; the answer carries a `requestId`.",
  ),
  // graphql-ws sockets (docs/PROTOCOL.md)
  MESSAGE_TOO_BIG: request(413, 1009, "A WebSocket message is larger than the socket's bound."),
  SLOW_CONSUMER: request(
    503,
    4499,
    "The subscriber did not take its events in time; reconnect and resume by cursor.",
  ),
} as const satisfies Record<string, ErrorEntry>;

/** A stable `extensions.code`. */
export type ErrorCode = keyof typeof ERRORS;

/** The onboarding steps refused out of order, one code each (HTTP 409). */
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
] as const satisfies readonly ErrorCode[];
export type OnboardingStepCode = (typeof ONBOARDING_STEP_CODES)[number];

/** True for a string that is one of the table's codes. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && Object.hasOwn(ERRORS, code);
}
