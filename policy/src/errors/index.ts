/**
 * `@rnp/policy/errors`: the one table of error codes (HTTP status, graphql-ws close code,
 * meaning) and the constructors every producer uses. docs/ERRORS.md is rendered from it.
 */
export { renderErrorsDoc } from "./doc";
export {
  answerStatus,
  closeCodeOf,
  graphQLError,
  refusal,
  refusalBody,
  sendRefusal,
  statusOf,
} from "./refusal";
export {
  ERRORS,
  type ErrorCode,
  type ErrorEntry,
  isErrorCode,
  ONBOARDING_STEP_CODES,
  type OnboardingStepCode,
} from "./table";
