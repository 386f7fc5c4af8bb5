import type { GrantCondition, PlatformEnvironment, RequestIdentity, Role } from "@rnp/common";

/** A grant as the grant decision reads it, with its use on one day. */
export interface GrantRecord {
  id: number;
  number: string;
  requesterId: number;
  dataGroups: string[];
  purpose: string;
  validFrom: string;
  validTo: string;
  environment: PlatformEnvironment;
  dailyQuota: number | null;
  monitoringAllowed: boolean;
  /** Only approved composite data sets execute under the grant. */
  approvedSetsOnly: boolean;
  conditions: GrantCondition[];
  revokedAt: Date | null;
  /** Persons disclosed under the grant on `quotaDay` (UTC), read in the same statement; "" when not read. */
  quotaUsed: number;
  quotaDay: string;
}

/**
 * What a key stands for, as its look-up reads it: an API key's own row, or the key row of the
 * OAuth client a token was issued to. `grant` is the grant the request names, found only when
 * the credential may name it (the application binding, `./apiKeys.ts`), whoever holds it.
 */
export interface KeyRecord {
  grant: GrantRecord | null;
  keyId: number;
  role: Role;
  expiresAt: Date | null;
  revokedAt: Date | null;
  requesterId: number;
  requesterName: string;
}

/**
 * Who asks, whichever way they authenticated. An API key and an OAuth access token stand for a
 * key row (the token for its OAuth client's); a person's portal session carries the identity
 * the portal established (its actor, and for the data subject the built-in grant).
 */
export type Credential =
  | ({ kind: "apiKey" } & KeyRecord)
  | ({ kind: "oauthToken" } & KeyRecord)
  | { kind: "session"; identity: RequestIdentity; grant: GrantRecord | null };

/** The request's identity for the access pipeline and the subgraphs: no grant exercised yet (a session's own aside). */
export function identityOf(credential: Credential, requestId: string, now = Date.now()): RequestIdentity {
  if (credential.kind === "session") return credential.identity;
  return {
    requestId,
    requesterId: credential.requesterId,
    keyId: credential.keyId,
    role: credential.role,
    grant: null,
    issuedAt: now,
  };
}
