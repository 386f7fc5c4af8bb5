/**
 * The secrets the test platforms are configured with. Apart from `platform.ts` (which starts
 * platforms with them) so that the global setup can look for them in the run's log lines
 * without loading a platform.
 */

/** The secret the test platform's gateway signs identities with, to forge or check them in tests. */
export const TEST_SIGNING_SECRET = "whole-stack-test-signing-secret";

/** The audit chain key of the test platform, for `verifyAuditChain` and `audit:verify`. */
export const TEST_AUDIT_CHAIN_KEY = "whole-stack-test-audit-chain-key-0123456789";

/** The keys the test platforms sign OAuth access tokens with, to forge tokens in tests. */
export const TEST_OAUTH_KEYS = [{ id: "oauth-test", secret: "whole-stack-test-oauth-signing-key" }];
