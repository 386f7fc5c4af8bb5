import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { and, asc, count, eq, gt, inArray, sql } from "drizzle-orm";

const { sets, members } = schema.monitoring;

export type SetRow = typeof sets.$inferSelect;

export async function insertSet(db: Database, values: typeof sets.$inferInsert): Promise<SetRow> {
  const [row] = await db.insert(sets).values(values).returning();
  return row!;
}

/**
 * Keeps the copy of the grant's conditions the notifier judges members by in step with the
 * grant: called on every operation under it with the conditions the gateway signed.
 */
export async function refreshSetConditions(db: Database, id: number, conditions: readonly unknown[]) {
  await db
    .update(sets)
    .set({ conditions: [...conditions] })
    .where(eq(sets.id, id));
}

/** The requester's sets created under one grant: a grant's purpose does not reach another's sets. */
export function findSetsOfGrant(db: Database, requesterId: number, grantId: number) {
  return db
    .select()
    .from(sets)
    .where(and(eq(sets.requesterId, requesterId), eq(sets.grantId, grantId), eq(sets.deleted, false)))
    .orderBy(asc(sets.id));
}

export async function findSet(db: Database, id: number, requesterId: number): Promise<SetRow | undefined> {
  const [row] = await db
    .select()
    .from(sets)
    .where(and(eq(sets.id, id), eq(sets.requesterId, requesterId), eq(sets.deleted, false)));
  return row;
}

/** Marks a set deleted and drops its members, so they are no longer counted or notified. */
export async function deleteSet(db: Database, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(sets).set({ deleted: true }).where(eq(sets.id, id));
    await tx.delete(members).where(eq(members.setId, id));
  });
}

export async function countMembers(db: Database, setIds: readonly number[]): Promise<Map<number, number>> {
  const rows = await db
    .select({ setId: members.setId, n: count() })
    .from(members)
    .where(inArray(members.setId, [...setIds]))
    .groupBy(members.setId);
  return new Map(rows.map((row) => [row.setId, row.n]));
}

export async function findMembersPage(db: Database, setId: number, first: number, afterCode: string | null) {
  const rows = await db
    .select({ personCode: members.personCode })
    .from(members)
    .where(
      afterCode ? and(eq(members.setId, setId), gt(members.personCode, afterCode)) : eq(members.setId, setId),
    )
    .orderBy(asc(members.personCode))
    .limit(first + 1);
  return { codes: rows.slice(0, first).map((row) => row.personCode), hasNextPage: rows.length > first };
}

/** Adds codes in one statement; returns how many were new. */
export async function addMembers(db: Database, setId: number, codes: string[]): Promise<number> {
  if (codes.length === 0) return 0;
  const [row] = await db.execute<{ added: number }>(sql`
    with added as (
      insert into monitoring.members (set_id, person_code)
      select ${setId}, code from unnest(${sql.param(codes)}::text[]) as code
      on conflict do nothing returning 1)
    select count(*)::int as added from added`);
  return row!.added;
}

/** Removes codes in one statement; returns how many were members. */
export async function removeMembers(db: Database, setId: number, codes: string[]): Promise<number> {
  if (codes.length === 0) return 0;
  const [row] = await db.execute<{ removed: number }>(sql`
    with removed as (
      delete from monitoring.members where set_id = ${setId} and person_code = any(${sql.param(codes)}::text[]) returning 1)
    select count(*)::int as removed from removed`);
  return row!.removed;
}

/** Distinct persons across the requester's sets: the fee basis. */
export async function countMonitoredPersons(db: Database, requesterId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${members.personCode})::int` })
    .from(members)
    .innerJoin(sets, eq(sets.id, members.setId))
    .where(and(eq(sets.requesterId, requesterId), eq(sets.deleted, false)));
  return row?.n ?? 0;
}

/** The requester's sets under one grant holding each of the persons. */
export async function findSetsOfPersons(
  db: Database,
  requesterId: number,
  grantId: number,
  codes: readonly string[],
) {
  return db
    .select({ personCode: members.personCode, set: sets })
    .from(members)
    .innerJoin(sets, eq(sets.id, members.setId))
    .where(
      and(
        eq(sets.requesterId, requesterId),
        eq(sets.grantId, grantId),
        eq(sets.deleted, false),
        inArray(members.personCode, [...codes]),
      ),
    )
    .orderBy(asc(sets.id));
}
