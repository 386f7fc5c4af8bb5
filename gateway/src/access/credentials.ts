import { hashApiKey } from "@rnp/common";
import { type Database, schema } from "@rnp/db";
import { type CredentialSources, findApiKey } from "@rnp/policy/credentials";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { PortalRequest, SessionCredential } from "../portal/sessionCredential";
import type { AccessTokens } from "./oauth";

const { apiKeys, requesters, grantUsage } = schema.access;

/** What a portal session presents to `authenticate`: the request's session and what it runs. */
export interface PresentedSession {
  portal: PortalRequest;
  request: { requestId: string; source: string | undefined; grantNumber: string | undefined };
  disclosures: Map<string, Set<string>>;
}

/**
 * The gateway's credential sources for `authenticate` (`@rnp/policy/credentials`): API keys
 * in the database, OAuth access tokens when the platform issues them, portal sessions when it
 * serves the portal. Built once per server and shared by HTTP, graphql-ws and the routes.
 */
export function credentialSources(options: {
  db: Database;
  tokens?: AccessTokens | undefined;
  sessions?: SessionCredential | undefined;
}): CredentialSources<PresentedSession> {
  const { db, tokens, sessions } = options;
  return {
    apiKey: (key, grantNumber) => findApiKey(db, key, grantNumber),
    ...(tokens ? { oauthToken: (token, grantNumber) => tokens.credentialOf(token, grantNumber) } : {}),
    ...(sessions
      ? { session: ({ portal, request, disclosures }) => sessions.authenticate(portal, request, disclosures) }
      : {}),
  };
}

/** Persons the grant disclosed on `day` (UTC), the figure its daily quota limits. */
export async function quotaUsed(db: Database, grantId: number, day: string): Promise<number> {
  const [row] = await db
    .select({ persons: grantUsage.persons })
    .from(grantUsage)
    .where(and(eq(grantUsage.grantId, grantId), eq(grantUsage.day, day)));
  return row?.persons ?? 0;
}

/**
 * Adds the persons one request disclosed to the grant's use of `day`, in one atomic upsert
 * (concurrent requests on any replica add up); `requests` counts the requests that disclosed.
 */
export async function countDisclosedPersons(
  db: Database,
  grantId: number,
  day: string,
  persons: number,
): Promise<void> {
  await db
    .insert(grantUsage)
    .values({ grantId, day, requests: 1, persons })
    .onConflictDoUpdate({
      target: [grantUsage.grantId, grantUsage.day],
      set: {
        requests: sql`${grantUsage.requests} + 1`,
        persons: sql`${grantUsage.persons} + ${persons}`,
      },
    });
}

/** Label of the key `ensureOperatorKey` creates; at most one such key is valid at a time. */
export const BOOTSTRAP_KEY_LABEL = "bootstrap (OPERATOR_API_KEY)";

/**
 * Makes sure the bootstrap operator key from the environment works: the operator's own
 * organisation and an OPERATOR key with that key's hash. Idempotent for the same key. Any
 * other bootstrap key is revoked in the same transaction: `pnpm start` makes a random key
 * at each start, and each would otherwise stay a valid OPERATOR key forever.
 */
export async function ensureOperatorKey(db: Database, key: string): Promise<void> {
  const keyHash = hashApiKey(key);
  await db.transaction(async (tx) => {
    await tx
      .insert(requesters)
      .values({
        name: "Platform operator",
        registrationNumber: "90000000000",
        contactEmail: "operator@register.example.lv",
      })
      .onConflictDoNothing();
    const [operator] = await tx
      .select({ id: requesters.id })
      .from(requesters)
      .where(eq(requesters.registrationNumber, "90000000000"));
    await tx
      .insert(apiKeys)
      .values({
        requesterId: operator!.id,
        role: "OPERATOR",
        label: BOOTSTRAP_KEY_LABEL,
        prefix: key.slice(0, 10),
        keyHash,
      })
      .onConflictDoNothing();
    await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(apiKeys.requesterId, operator!.id),
          eq(apiKeys.label, BOOTSTRAP_KEY_LABEL),
          ne(apiKeys.keyHash, keyHash),
          isNull(apiKeys.revokedAt),
        ),
      );
  });
}
