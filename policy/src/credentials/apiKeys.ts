import { type GrantCondition, hashApiKey } from "@rnp/common";
import { type Database, schema } from "@rnp/db";
import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import type { KeyRecord } from "./types";

const { apiKeys, requesters, grants, grantUsage } = schema.access;

/**
 * The application binding (docs/ENVIRONMENTS.md), for a join on the key row: a key an
 * application's onboarding issued names only that application's grants; a key of no
 * application, any of its organisation's. Any other grant is not found, so it is refused as
 * "not a grant of yours", like another organisation's. An OAuth token is bound to its
 * client's application alike where the gateway verifies it (`credentialOf`, access/oauth.ts).
 */
export const grantBoundToKey = () =>
  or(isNull(apiKeys.applicationId), eq(grants.applicationId, apiKeys.applicationId));

/** The key, its requester, the named grant and that grant's use on the day, in one row. */
function keyStatement(db: Database) {
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
    .leftJoin(grants, and(eq(grants.number, sql.placeholder("grantNumber")), grantBoundToKey()))
    .leftJoin(grantUsage, and(eq(grantUsage.grantId, grants.id), eq(grantUsage.day, sql.placeholder("day"))))
    .where(eq(apiKeys.keyHash, sql.placeholder("keyHash")))
    .prepare("find_credential");
}

// Built once per pool: the statement is prepared by postgres.js on each connection's first use.
const statements = new WeakMap<Database, ReturnType<typeof keyStatement>>();

/**
 * The API key, the grant a request names (bound, `grantBoundToKey`) and the persons that grant
 * disclosed on `day` (UTC), in one prepared statement read fresh on every request: a revoked
 * key or a changed grant takes effect on the very next request, on every gateway replica,
 * with no cache to go stale.
 */
export async function findApiKey(
  db: Database,
  key: string,
  grantNumber = "",
  day: string = new Date().toISOString().slice(0, 10),
): Promise<KeyRecord | undefined> {
  let statement = statements.get(db);
  if (!statement) {
    statement = keyStatement(db);
    statements.set(db, statement);
  }
  const [row] = await statement.execute({ keyHash: hashApiKey(key), grantNumber, day });
  if (!row) return undefined;
  const { quotaUsed, ...record } = row;
  const grant = row.grant
    ? {
        ...row.grant,
        conditions: row.grant.conditions as GrantCondition[],
        quotaUsed: quotaUsed ?? 0,
        quotaDay: day,
      }
    : null;
  return { ...record, grant };
}

/**
 * The requester's unrevoked grants the key may name (the same binding), for the message that
 * asks a request to name one.
 */
export function findNameableGrants(db: Database, requesterId: number, keyId: number) {
  return db
    .select({ number: grants.number, purpose: grants.purpose, environment: grants.environment })
    .from(grants)
    .innerJoin(apiKeys, eq(apiKeys.id, keyId))
    .where(and(eq(grants.requesterId, requesterId), sql`${grants.revokedAt} is null`, grantBoundToKey()))
    .orderBy(asc(grants.id));
}
