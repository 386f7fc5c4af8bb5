/**
 * `@rnp/policy`: the platform's rules, each written once and imported by the gateway, the
 * catalog and the subgraphs. Its parts are imported by subpath (`@rnp/policy/errors`,
 * `@rnp/policy/analysis`, `@rnp/policy/credentials`, `@rnp/policy/wire`, …), one folder each.
 */
export const POLICY_PARTS = ["analysis", "credentials", "errors", "grants", "wire"] as const;
