import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { asc, eq, gt, inArray, sql } from "drizzle-orm";

const { requesters, apiKeys, grants } = schema.access;

export type RequesterRow = typeof requesters.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type GrantRow = typeof grants.$inferSelect;
export type NewGrant = Omit<typeof grants.$inferInsert, "number">;

export function findRequestersByIds(db: Database, ids: readonly number[]) {
  return db
    .select()
    .from(requesters)
    .where(inArray(requesters.id, [...ids]));
}

export async function findRequestersPage(db: Database, first: number, afterId: number | null) {
  const rows = await db
    .select()
    .from(requesters)
    .where(afterId === null ? undefined : gt(requesters.id, afterId))
    .orderBy(asc(requesters.id))
    .limit(first + 1);
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
}

export async function insertRequester(
  db: Database,
  values: typeof requesters.$inferInsert,
): Promise<RequesterRow> {
  const [row] = await db.insert(requesters).values(values).returning();
  return row!;
}

export function findApiKeysByRequesters(db: Database, ids: readonly number[]) {
  return db
    .select()
    .from(apiKeys)
    .where(inArray(apiKeys.requesterId, [...ids]))
    .orderBy(asc(apiKeys.id));
}

export async function findApiKey(db: Database, id: number): Promise<ApiKeyRow | undefined> {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, id));
  return row;
}

export async function insertApiKey(db: Database, values: typeof apiKeys.$inferInsert): Promise<ApiKeyRow> {
  const [row] = await db.insert(apiKeys).values(values).returning();
  return row!;
}

export async function revokeApiKeyById(db: Database, id: number): Promise<ApiKeyRow | undefined> {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` })
    .where(eq(apiKeys.id, id))
    .returning();
  return row;
}

export function findGrantsByRequesters(db: Database, ids: readonly number[]) {
  return db
    .select()
    .from(grants)
    .where(inArray(grants.requesterId, [...ids]))
    .orderBy(asc(grants.id));
}

export async function findGrantByNumber(db: Database, number: string): Promise<GrantRow | undefined> {
  const [row] = await db.select().from(grants).where(eq(grants.number, number));
  return row;
}

/** Inserts a grant and numbers it `G-<year>-<id>` in the same transaction. */
export function insertGrant(db: Database, values: NewGrant): Promise<GrantRow> {
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(grants)
      .values({ ...values, number: sql`'pending-' || gen_random_uuid()` })
      .returning({ id: grants.id });
    const [row] = await tx
      .update(grants)
      .set({ number: sql`'G-' || extract(year from now())::int || '-' || lpad(${grants.id}::text, 4, '0')` })
      .where(eq(grants.id, inserted!.id))
      .returning();
    return row!;
  });
}

export async function updateGrantByNumber(
  db: Database,
  number: string,
  changes: Partial<typeof grants.$inferInsert>,
): Promise<GrantRow | undefined> {
  const [row] = await db
    .update(grants)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(grants.number, number))
    .returning();
  return row;
}
