import type { PlatformEnvironment } from "@rnp/common";
import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { and, asc, desc, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";

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

export async function findApplicationById(db: Database, id: number) {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  return row;
}

export async function findApplicationNumbers(db: Database, ids: readonly number[]) {
  return db
    .select({ id: applications.id, number: applications.number })
    .from(applications)
    .where(inArray(applications.id, [...ids]));
}

export async function findApplicationByTokenHash(db: Database, tokenHash: string) {
  const [row] = await db.select().from(applications).where(eq(applications.tokenHash, tokenHash));
  return row;
}

/**
 * Newest first; `beforeId` is the last id of the previous page. With
 * `awaitingRegistrationNumber`, only the applications naming that number that its
 * organisation has not decided on yet and that have not reached it or been rejected.
 */
export async function findApplicationsPage(
  db: Database,
  status: ApplicationStatus | null,
  first: number,
  beforeId: number | null,
  awaitingRegistrationNumber: string | null = null,
) {
  const rows = await db
    .select()
    .from(applications)
    .where(
      and(
        status ? eq(applications.status, status) : undefined,
        beforeId === null ? undefined : lt(applications.id, beforeId),
        awaitingRegistrationNumber === null
          ? undefined
          : and(
              eq(applications.registrationNumber, awaitingRegistrationNumber),
              isNull(applications.organisationDecision),
              isNull(applications.requesterId),
              ne(applications.status, "REJECTED"),
            ),
      ),
    )
    .orderBy(desc(applications.id))
    .limit(first + 1);
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
}

/**
 * Moves an application on, from one of `from` only, and records the step, in one
 * transaction: of two concurrent decisions one wins, the other finds the status changed
 * (undefined). `work` runs first in the same transaction (e.g. creating the grant). A null
 * `event` records nothing in the history the applicant reads.
 */
export function transition(
  db: Database,
  id: number,
  from: readonly ApplicationStatus[],
  event: NewEvent | null,
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
    if (event) await tx.insert(applicationEvents).values({ ...event, applicationId: id });
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

/** The act with its signature and the SHA-256 of the bytes kept, to verify before production opens. */
export async function findSignedAct(db: Database, applicationId: number) {
  const [row] = await db
    .select({
      number: acceptanceActs.number,
      date: acceptanceActs.date,
      signatories: acceptanceActs.signatories,
      acceptedDataGroups: acceptanceActs.acceptedDataGroups,
      documentSha256: acceptanceActs.documentSha256,
      documentDigest: sql<string>`encode(sha256(${acceptanceActs.document}), 'hex')`,
      recordedAt: acceptanceActs.recordedAt,
      recordedBy: acceptanceActs.recordedBy,
      signature: acceptanceActs.signature,
      signatureKeyId: acceptanceActs.signatureKeyId,
    })
    .from(acceptanceActs)
    .where(eq(acceptanceActs.applicationId, applicationId));
  return row;
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
      signature: acceptanceActs.signature,
      signatureKeyId: acceptanceActs.signatureKeyId,
    })
    .from(acceptanceActs)
    .where(inArray(acceptanceActs.applicationId, [...ids]));
}

export async function insertAcceptanceAct(tx: Tx, values: typeof acceptanceActs.$inferInsert) {
  await tx.insert(acceptanceActs).values(values);
}

/** The organisation registered under this registration number on this platform, if any. */
export async function findRequesterIdByRegistrationNumber(
  db: Database,
  registrationNumber: string,
): Promise<number | undefined> {
  const [row] = await db
    .select({ id: requesters.id })
    .from(requesters)
    .where(eq(requesters.registrationNumber, registrationNumber));
  return row?.id;
}

/**
 * Registers a new organisation for an application. Never an existing one: a registration
 * number taken meanwhile fails on the unique index (23505), and the caller ties the
 * application to that organisation instead of reaching it.
 */
export async function insertRequesterOfApplication(
  tx: Tx,
  values: { name: string; registrationNumber: string; contactEmail: string },
): Promise<number> {
  const [row] = await tx.insert(requesters).values(values).returning({ id: requesters.id });
  return row!.id;
}

/** Ties an application to the organisation registered under its number, once found. */
export async function tieToOrganisation(db: Database, applicationId: number, requesterId: number) {
  await db
    .update(applications)
    .set({ existingRequesterId: requesterId })
    .where(and(eq(applications.id, applicationId), isNull(applications.existingRequesterId)));
}

/** Whether a failure is PostgreSQL's unique violation (drizzle wraps the driver's error). */
export function isUniqueViolation(error: unknown): boolean {
  const failure = error as { code?: string; cause?: { code?: string } };
  return failure.code === "23505" || failure.cause?.code === "23505";
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
