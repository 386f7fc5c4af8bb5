/**
 * Who asks (`@rnp/policy/credentials`): the one `Bearer` pattern, the grant a request names,
 * and `authenticate`, one credential type for API keys, OAuth access tokens and portal
 * sessions, used by HTTP, graphql-ws and every route that authenticates.
 */
export { findApiKey, findNameableGrants, grantBoundToKey } from "./apiKeys";
export {
  authenticate,
  type CredentialSources,
  credentialRequired,
  type PresentedCredential,
} from "./authenticate";
export { bearerCredentialOf, bearerOf, looksLikeJwt, type Presented } from "./bearer";
export { grantNumberOf } from "./grantNumber";
export { closeCodeOf, closeReasonOf, PLACES, type Transport } from "./transport";
export { type Credential, type GrantRecord, identityOf, type KeyRecord } from "./types";
