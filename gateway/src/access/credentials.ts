import { type GrantCondition, hashApiKey, type PlatformEnvironment, type Role } from "@rnp/common";
import { type Database, schema } from "@rnp/db";
import { and, asc, eq, isNull, ne, or, sql } from "drizzle-orm";

const { apiKeys, requesters, grants, grantUsage } = schema.access;

export interface Credential {
  /** The grant named in the request, when it exists (whoever holds it). */
  grant: GrantRecord | null;
  keyId: number;
  role: Role;
  expiresAt: Date | null;
  revokedAt: Date | null;
  requesterId: number;
  requesterName: string;
}

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
  /** Persons disclosed under the grant on `quotaDay` (UTC), read in the same statement. */
  quotaUsed: number;
  quotaDay: string;
}

/** The key, its requester, the named grant and that grant's use on the day, in one row. */
function credentialStatement(db: Database) {
  return db
    .select({
      keyId: apiKeys.id,
      role: apiKeys.role,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      requesterId: requesters.id,
      requesterName: requesters.name,
      grant: grants,
      quotaUsed: grantUsage.persons,
    })
    .from(apiKeys)
    .innerJoin(requesters, eq(requesters.id, apiKeys.requesterId))
    .leftJoin(
      grants,
      and(
        eq(grants.number, sql.placeholder("grantNumber")),
        // Binding (docs/ENVIRONMENTS.md): a key an application's onboarding issued names only
        // that application's grants; a key of no application, any of its organisation's. Any
        // other grant is not found, so it is refused as "not a grant of yours", like another
        // organisation's.
        or(isNull(apiKeys.applicationId), eq(grants.applicationId, apiKeys.applicationId)),
      ),
    )
    .leftJoin(grantUsage, and(eq(grantUsage.grantId, grants.id), eq(grantUsage.day, sql.placeholder("day"))))
    .where(eq(apiKeys.keyHash, sql.placeholder("keyHash")))
    .prepare("find_credential");
}

// Built once per pool: the statement is prepared by postgres.js on each connection's first use.
const credentialStatements = new WeakMap<Database, ReturnType<typeof credentialStatement>>();

/**
 * The key, the grant a request names and the persons that grant disclosed on `day` (UTC),
 * in one prepared statement read fresh on every request: a revoked key or a changed grant
 * takes effect on the very next request, on every gateway replica, with no cache to go stale.
 */
export async function findCredential(
  db: Database,
  key: string,
  grantNumber = "",
  day: string = new Date().toISOString().slice(0, 10),
): Promise<Credential | undefined> {
  let statement = credentialStatements.get(db);
  if (!statement) {
    statement = credentialStatement(db);
    credentialStatements.set(db, statement);
  }
  const [row] = await statement.execute({ keyHash: hashApiKey(key), grantNumber, day });
  if (!row) return undefined;
  const { quotaUsed, ...credential } = row;
  return {
    ...credential,
    grant: row.grant
      ? {
          ...row.grant,
          conditions: row.grant.conditions as GrantCondition[],
          quotaUsed: quotaUsed ?? 0,
          quotaDay: day,
        }
      : null,
  };
}

/**
 * The requester's grants the key may name (the binding of `credentialStatement`), for the
 * message that asks a request to name one.
 */
export function findGrantsOf(db: Database, requesterId: number, keyId: number) {
  return db
    .select({ number: grants.number, purpose: grants.purpose, environment: grants.environment })
    .from(grants)
    .innerJoin(apiKeys, eq(apiKeys.id, keyId))
    .where(
      and(
        eq(grants.requesterId, requesterId),
        sql`${grants.revokedAt} is null`,
        or(isNull(apiKeys.applicationId), eq(grants.applicationId, apiKeys.applicationId)),
      ),
    )
    .orderBy(asc(grants.id));
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
