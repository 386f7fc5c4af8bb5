import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { and, asc, eq, gt } from "drizzle-orm";

const { notifications } = schema.monitoring;
// The person subgraph's published feed of the values grant conditions test (read-only view).
const { conditionSubjects } = schema.person;

export type NotificationRow = typeof notifications.$inferSelect;
export type ConditionSubjectRow = typeof conditionSubjects.$inferSelect;

const subjectColumns = {
  personCode: conditionSubjects.personCode,
  birthDate: conditionSubjects.birthDate,
  sex: conditionSubjects.sex,
  citizenshipStatus: conditionSubjects.citizenshipStatus,
  citizenship: conditionSubjects.citizenship,
  deceased: conditionSubjects.deceased,
  municipalityCode: conditionSubjects.municipalityCode,
};

export interface ScannedNotification {
  notification: NotificationRow;
  /** The person's condition values now; null when not asked for, or unknown to the register. */
  subject: ConditionSubjectRow | null;
}

/**
 * Notifications of a set after `afterEventNo`, in order, at most `first` (one row more tells
 * whether more wait). With `withSubjects`, each comes with its person's condition values in
 * the same statement, so a page costs one statement whatever its size.
 */
export async function findNotifications(
  db: Database,
  setId: number,
  afterEventNo: number,
  first: number,
  withSubjects: boolean,
): Promise<{ rows: ScannedNotification[]; hasNextPage: boolean }> {
  const where = and(eq(notifications.setId, setId), gt(notifications.eventNo, afterEventNo));
  const rows: ScannedNotification[] = withSubjects
    ? await db
        .select({ notification: notifications, subject: subjectColumns })
        .from(notifications)
        .leftJoin(conditionSubjects, eq(conditionSubjects.personCode, notifications.personCode))
        .where(where)
        .orderBy(asc(notifications.eventNo))
        .limit(first + 1)
    : (
        await db
          .select()
          .from(notifications)
          .where(where)
          .orderBy(asc(notifications.eventNo))
          .limit(first + 1)
      ).map((notification) => ({ notification, subject: null }));
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
}
