import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { and, asc, eq, gt } from "drizzle-orm";

const { notifications } = schema.monitoring;

export type NotificationRow = typeof notifications.$inferSelect;

/** Notifications of a set after `afterEventNo`, in order; one row more tells whether more wait. */
export async function findNotifications(db: Database, setId: number, afterEventNo: number, first: number) {
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.setId, setId), gt(notifications.eventNo, afterEventNo)))
    .orderBy(asc(notifications.eventNo))
    .limit(first + 1);
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
}
