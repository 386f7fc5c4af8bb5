import type { PlatformEnvironment } from "@rnp/common";
import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";

const { applications, applicationEvents, acceptanceActs, oauthClients, oauthClientSecrets } =
  schema.onboarding;
const { requesters } = schema.access;

export type ApplicationRow = typeof applications.$inferSelect;
export type ApplicationEventRow = typeof applicationEvents.$inferSelect;
export type AcceptanceActRow = Omit<typeof acceptanceActs.$inferSelect, "document"> & {
  documentSize: number;
};
export type ApplicationStatus = ApplicationRow["status"];
export type NewApplication = Omit<typeof applications.$inferInsert, "number">;
export type NewEvent = Omit<typeof applicationEvents.$inferInsert, "applicationId">;

/** A transaction, typed as the database: repositories take either. */
export type Tx = Database;

/** Inserts an application with its first event, numbered `A-<year>-<id>` in the same transaction. */
export function insertApplication(db: Database, values: NewApplication, event: NewEvent) {
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(applications)
      .values({ ...values, number: sql`'pending-' || gen_random_uuid()` })
      .returning({ id: applications.id });
    const [row] = await tx
      .update(applications)
      .set({
        number: sql`'A-' || extract(year from now())::int || '-' || lpad(${applications.id}::text, 4, '0')`,
      })
      .where(eq(applications.id, inserted!.id))
      .returning();
    await tx.insert(applicationEvents).values({ ...event, applicationId: row!.id });
    return row!;
  });
}

export async function findApplicationByNumber(db: Database, number: string) {
  const [row] = await db.select().from(applications).where(eq(applications.number, number));
  return row;
}

export async function findApplicationByTokenHash(db: Database, tokenHash: string) {
  const [row] = await db.select().from(applications).where(eq(applications.tokenHash, tokenHash));
  return row;
}

/** Newest first; `beforeId` is the last id of the previous page. */
export async function findApplicationsPage(
  db: Database,
  status: ApplicationStatus | null,
  first: number,
  beforeId: number | null,
) {
  const rows = await db
    .select()
    .from(applications)
    .where(
      and(
        status ? eq(applications.status, status) : undefined,
        beforeId === null ? undefined : lt(applications.id, beforeId),
      ),
    )
    .orderBy(desc(applications.id))
    .limit(first + 1);
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
}

/**
 * Moves an application on, from one of `from` only, and records the step, in one
 * transaction: of two concurrent decisions one wins, the other finds the status changed
 * (undefined). `work` runs first in the same transaction (e.g. creating the grant).
 */
export function transition(
  db: Database,
  id: number,
  from: readonly ApplicationStatus[],
  event: NewEvent,
  changes: (
    tx: Tx,
  ) => Promise<Partial<typeof applications.$inferInsert>> | Partial<typeof applications.$inferInsert>,
): Promise<ApplicationRow | undefined> {
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.id, id), inArray(applications.status, [...from])))
      .for("update");
    if (!locked) return undefined;
    const set = await changes(tx as unknown as Tx);
    const [row] = await tx
      .update(applications)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(applications.id, id))
      .returning();
    await tx.insert(applicationEvents).values({ ...event, applicationId: id });
    return row;
  });
}

export async function recordEvent(db: Database, applicationId: number, event: NewEvent) {
  await db.insert(applicationEvents).values({ ...event, applicationId });
}

export function findEventsByApplications(db: Database, ids: readonly number[]) {
  return db
    .select()
    .from(applicationEvents)
    .where(inArray(applicationEvents.applicationId, [...ids]))
    .orderBy(asc(applicationEvents.id));
}

export function findActsByApplications(db: Database, ids: readonly number[]): Promise<AcceptanceActRow[]> {
  return db
    .select({
      applicationId: acceptanceActs.applicationId,
      number: acceptanceActs.number,
      date: acceptanceActs.date,
      signatories: acceptanceActs.signatories,
      acceptedDataGroups: acceptanceActs.acceptedDataGroups,
      documentSha256: acceptanceActs.documentSha256,
      documentMediaType: acceptanceActs.documentMediaType,
      documentSize: sql<number>`octet_length(${acceptanceActs.document})`,
      recordedAt: acceptanceActs.recordedAt,
      recordedBy: acceptanceActs.recordedBy,
    })
    .from(acceptanceActs)
    .where(inArray(acceptanceActs.applicationId, [...ids]));
}

export async function insertAcceptanceAct(tx: Tx, values: typeof acceptanceActs.$inferInsert) {
  await tx.insert(acceptanceActs).values(values);
}

/** The organisation with this registration number, registered now if it is not yet. */
export async function findOrCreateRequester(
  tx: Tx,
  values: { name: string; registrationNumber: string; contactEmail: string },
): Promise<number> {
  await tx.insert(requesters).values(values).onConflictDoNothing({ target: requesters.registrationNumber });
  const [row] = await tx
    .select({ id: requesters.id })
    .from(requesters)
    .where(eq(requesters.registrationNumber, values.registrationNumber));
  return row!.id;
}

export async function findOauthClient(db: Database, applicationId: number, environment: PlatformEnvironment) {
  const [row] = await db
    .select()
    .from(oauthClients)
    .where(and(eq(oauthClients.applicationId, applicationId), eq(oauthClients.environment, environment)));
  return row;
}

export async function insertOauthClient(tx: Tx, values: typeof oauthClients.$inferInsert) {
  const [row] = await tx.insert(oauthClients).values(values).returning();
  return row!;
}

export async function insertClientSecret(tx: Tx, oauthClientId: number, secretHash: string) {
  await tx.insert(oauthClientSecrets).values({ oauthClientId, secretHash });
}

/**
 * Ends the overlap of the client's current secrets at `validUntil` (a secret already ending
 * sooner keeps its end), for a rotation.
 */
export async function endSecretsAt(tx: Tx, oauthClientId: number, validUntil: Date) {
  // A bare Date is no parameter postgres.js can send inside raw SQL; the text with its type is.
  const until = sql`${validUntil.toISOString()}::timestamptz`;
  await tx
    .update(oauthClientSecrets)
    .set({ validUntil: sql`least(coalesce(${oauthClientSecrets.validUntil}, ${until}), ${until})` })
    .where(
      and(
        eq(oauthClientSecrets.oauthClientId, oauthClientId),
        or(isNull(oauthClientSecrets.validUntil), sql`${oauthClientSecrets.validUntil} > now()`),
      ),
    );
}

export async function findGrantNumber(db: Database, grantId: number): Promise<string | undefined> {
  const [row] = await db
    .select({ number: schema.access.grants.number })
    .from(schema.access.grants)
    .where(eq(schema.access.grants.id, grantId));
  return row?.number;
}
