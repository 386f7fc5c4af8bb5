import { type Database, schema } from "@rnp/db";
import { and, eq, sql } from "drizzle-orm";
import { quotaUsed } from "./credentials";

const { grantUsage } = schema.access;

/**
 * A request's hold on its grant's daily quota: the persons reserved before it ran, settled
 * against the persons it disclosed once it has run (`settleQuota`).
 */
export interface QuotaReservation {
  grantId: number;
  /** The UTC day whose use was reserved. */
  day: string;
  /** The grant's daily quota in persons. */
  limit: number;
  /** Persons held in the day's use, still to be settled. */
  reserved: number;
}

/**
 * Adds `persons` to the grant's use of `day` only where the use stays within `limit`, in one
 * atomic statement (concurrent requests on any replica cannot both take the last persons).
 * Returns whether it was added; nothing is added when it was not.
 */
export async function reservePersons(
  db: Database,
  grantId: number,
  day: string,
  persons: number,
  limit: number,
): Promise<boolean> {
  if (persons <= 0) return true;
  if (persons > limit) return false;
  const rows = await db
    .insert(grantUsage)
    .values({ grantId, day, requests: 0, persons })
    .onConflictDoUpdate({
      target: [grantUsage.grantId, grantUsage.day],
      set: { persons: sql`${grantUsage.persons} + ${persons}` },
      setWhere: sql`${grantUsage.persons} + ${persons} <= ${limit}`,
    })
    .returning({ persons: grantUsage.persons });
  return rows.length > 0;
}

/**
 * Reserves `wanted` persons, or when `partial` and that much is not left, what is left of
 * the day's quota (at least one person). A subscription's batch has a page of persons as
 * its bound but usually discloses none or a few: it runs on what is left and is withheld at
 * settlement if it disclosed more (`settleQuota`). Returns the persons reserved, or null
 * when nothing could be.
 */
export async function reserveQuota(
  db: Database,
  grantId: number,
  day: string,
  limit: number,
  wanted: number,
  partial: boolean,
): Promise<number | null> {
  if (await reservePersons(db, grantId, day, wanted, limit)) return wanted;
  if (!partial) return null;
  // Each attempt is atomic; a stale read only makes it ask for too little or fail and retry.
  for (let attempt = 0; attempt < 3; attempt++) {
    const left = Math.min(wanted, limit - (await quotaUsed(db, grantId, day)));
    if (left <= 0) return null;
    if (await reservePersons(db, grantId, day, left, limit)) return left;
  }
  return null;
}

/**
 * Settles a reservation once the request has run: the day's use becomes what it was plus
 * the persons actually disclosed (`disclosed`, 0 when the request failed or its data was
 * withheld), and `requests` counts one more request that disclosed. A failure is logged by
 * the caller; the use then stays at the reservation, never below what was disclosed.
 */
export async function settleQuota(db: Database, reservation: QuotaReservation, disclosed: number) {
  const giveBack = reservation.reserved - disclosed;
  if (giveBack === 0 && disclosed === 0) return;
  await db
    .update(grantUsage)
    .set({
      persons: sql`${grantUsage.persons} - ${giveBack}`,
      requests: sql`${grantUsage.requests} + ${disclosed > 0 ? 1 : 0}`,
    })
    .where(and(eq(grantUsage.grantId, reservation.grantId), eq(grantUsage.day, reservation.day)));
}
