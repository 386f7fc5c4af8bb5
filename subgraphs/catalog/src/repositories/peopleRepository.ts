import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { and, desc, eq, gte, isNull, lt, lte, ne } from "drizzle-orm";

const { memberships, platformRoles, peopleEvents } = schema.people;

export type MembershipRow = typeof memberships.$inferSelect;
export type PeopleEventRow = typeof peopleEvents.$inferSelect;
export type OrganisationRole = MembershipRow["roles"][number];
export type PeopleAction = PeopleEventRow["action"];
export type PlatformRole = (typeof platformRoles.$inferSelect)["role"];

/** The person's roles on the platform itself. */
export async function findPlatformRoles(db: Database, personCode: string): Promise<PlatformRole[]> {
  const rows = await db
    .select({ role: platformRoles.role })
    .from(platformRoles)
    .where(eq(platformRoles.personCode, personCode));
  return rows.map((row) => row.role);
}

/** Gives a platform role (idempotent): used at start to appoint the configured operators. */
export async function grantPlatformRole(db: Database, personCode: string, role: PlatformRole): Promise<void> {
  await db.insert(platformRoles).values({ personCode, role }).onConflictDoNothing();
}

/** The person's memberships, removed ones left out, by organisation. */
export function findMembershipsOf(db: Database, personCode: string): Promise<MembershipRow[]> {
  return db
    .select()
    .from(memberships)
    .where(and(eq(memberships.personCode, personCode), ne(memberships.status, "REMOVED")))
    .orderBy(memberships.requesterId);
}

/** An organisation's members, removed ones included, by personal code. */
export function findMembers(db: Database, requesterId: number): Promise<MembershipRow[]> {
  return db
    .select()
    .from(memberships)
    .where(eq(memberships.requesterId, requesterId))
    .orderBy(memberships.personCode);
}

export async function findMembership(
  db: Database,
  requesterId: number,
  personCode: string,
): Promise<MembershipRow | undefined> {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.requesterId, requesterId), eq(memberships.personCode, personCode)));
  return row;
}

export interface MembershipChange {
  requesterId: number;
  personCode: string;
  actor: string;
  action: PeopleAction;
  roles: OrganisationRole[];
  status: MembershipRow["status"];
  displayName?: string | null;
}

/** Writes the membership as it is after the change and the change itself, in one transaction. */
export function saveMembership(db: Database, change: MembershipChange): Promise<MembershipRow> {
  return db.transaction(async (tx) => {
    const values = {
      requesterId: change.requesterId,
      personCode: change.personCode,
      roles: change.roles,
      status: change.status,
      updatedAt: new Date(),
      ...(change.displayName !== undefined ? { displayName: change.displayName } : {}),
    };
    const [row] = await tx
      .insert(memberships)
      .values(values)
      .onConflictDoUpdate({ target: [memberships.requesterId, memberships.personCode], set: values })
      .returning();
    await tx.insert(peopleEvents).values({
      actor: change.actor,
      requesterId: change.requesterId,
      personCode: change.personCode,
      action: change.action,
      roles: change.roles,
    });
    return row!;
  });
}

/** An organisation's people events, newest first, before `beforeSeq` when paging. */
export async function findPeopleEvents(
  db: Database,
  requesterId: number,
  first: number,
  beforeSeq: number | null,
): Promise<{ rows: PeopleEventRow[]; hasNextPage: boolean }> {
  const rows = await db
    .select()
    .from(peopleEvents)
    .where(
      and(
        eq(peopleEvents.requesterId, requesterId),
        beforeSeq === null ? undefined : lt(peopleEvents.seq, beforeSeq),
      ),
    )
    .orderBy(desc(peopleEvents.seq))
    .limit(first + 1);
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
}

const { grants } = schema.access;

/** The organisation's grants that allow look-ups by hand, valid on `today` in `environment`. */
export function findManualLookupGrants(
  db: Database,
  requesterId: number,
  environment: "TEST" | "PRODUCTION",
  today: string,
) {
  return db
    .select()
    .from(grants)
    .where(
      and(
        eq(grants.requesterId, requesterId),
        eq(grants.manualLookup, true),
        eq(grants.environment, environment),
        isNull(grants.revokedAt),
        lte(grants.validFrom, today),
        gte(grants.validTo, today),
      ),
    )
    .orderBy(grants.number);
}
