import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { COMPOSITE_SETS_CHANGED } from "@rnp/policy/wire";
import { and, asc, desc, eq, gt, inArray, lt, max, notInArray, or, sql } from "drizzle-orm";
import type { GrantRow } from "./accessRepository";

const { grants } = schema.access;
const { compositeSets, compositeSetVersions } = schema.compositeSets;

type SetTableRow = typeof compositeSets.$inferSelect;
type VersionTableRow = typeof compositeSetVersions.$inferSelect;
export type CompositeSetStatus = VersionTableRow["status"];

/** A set with the grant it belongs to (its coverage is computed against the grant as it is now). */
export type CompositeSetRow = SetTableRow & { grant: GrantRow };
/** A version with its set (and the set's grant). */
export type CompositeSetVersionRow = VersionTableRow & { compositeSet: CompositeSetRow };

export type NewVersion = Pick<
  VersionTableRow,
  "document" | "operationName" | "operationType" | "documentHash" | "dataGroups" | "fields" | "submittedBy"
>;

const versionWithSet = {
  version: compositeSetVersions,
  set: compositeSets,
  grant: grants,
};

function joinedVersion(row: { version: VersionTableRow; set: SetTableRow; grant: GrantRow }) {
  return { ...row.version, compositeSet: { ...row.set, grant: row.grant } };
}

function selectVersions(db: Database) {
  return db
    .select(versionWithSet)
    .from(compositeSetVersions)
    .innerJoin(compositeSets, eq(compositeSets.id, compositeSetVersions.setId))
    .innerJoin(grants, eq(grants.id, compositeSets.grantId));
}

export async function findVersion(
  db: Database,
  setId: number,
  version: number,
): Promise<CompositeSetVersionRow | undefined> {
  const [row] = await selectVersions(db).where(
    and(eq(compositeSetVersions.setId, setId), eq(compositeSetVersions.version, version)),
  );
  return row ? joinedVersion(row) : undefined;
}

export async function findSet(db: Database, setId: number): Promise<CompositeSetRow | undefined> {
  const [row] = await db
    .select({ set: compositeSets, grant: grants })
    .from(compositeSets)
    .innerJoin(grants, eq(grants.id, compositeSets.grantId))
    .where(eq(compositeSets.id, setId));
  return row ? { ...row.set, grant: row.grant } : undefined;
}

/**
 * A version of one of the requester's sets with this document that is still live
 * (submitted or approved): a document is reviewed once, and its id names one version.
 */
export async function findLiveVersionByHash(db: Database, requesterId: number, documentHash: string) {
  const [row] = await db
    .select({ setId: compositeSetVersions.setId, version: compositeSetVersions.version })
    .from(compositeSetVersions)
    .innerJoin(compositeSets, eq(compositeSets.id, compositeSetVersions.setId))
    .where(
      and(
        eq(compositeSetVersions.documentHash, documentHash),
        eq(compositeSets.requesterId, requesterId),
        notInArray(compositeSetVersions.status, ["REJECTED", "RETIRED"]),
      ),
    )
    .limit(1);
  return row;
}

/** A new set and its version 1, in one transaction. */
export async function insertCompositeSet(
  db: Database,
  set: Pick<SetTableRow, "requesterId" | "grantId" | "title">,
  version: NewVersion,
): Promise<CompositeSetVersionRow> {
  const setId = await db.transaction(async (tx) => {
    const [inserted] = await tx.insert(compositeSets).values(set).returning({ id: compositeSets.id });
    await tx.insert(compositeSetVersions).values({ ...version, setId: inserted!.id, version: 1 });
    return inserted!.id;
  });
  return (await findVersion(db, setId, 1))!;
}

/**
 * The set's next version. The set row is locked first, so two revisions at once get
 * consecutive numbers instead of one failing on the primary key.
 */
export async function insertVersion(
  db: Database,
  setId: number,
  version: NewVersion,
): Promise<CompositeSetVersionRow> {
  const number = await db.transaction(async (tx) => {
    await tx
      .select({ id: compositeSets.id })
      .from(compositeSets)
      .where(eq(compositeSets.id, setId))
      .for("update");
    const [last] = await tx
      .select({ version: max(compositeSetVersions.version) })
      .from(compositeSetVersions)
      .where(eq(compositeSetVersions.setId, setId));
    const next = (last?.version ?? 0) + 1;
    await tx.insert(compositeSetVersions).values({ ...version, setId, version: next });
    return next;
  });
  return (await findVersion(db, setId, number))!;
}

/**
 * Moves a version from one of the `from` statuses to `to`; undefined when it was not in
 * one of them (another operator decided first), so a decision is never taken twice.
 */
export async function decideVersion(
  db: Database,
  setId: number,
  version: number,
  from: CompositeSetStatus[],
  to: CompositeSetStatus,
  decision: { decidedBy: number; reason: string | null },
): Promise<CompositeSetVersionRow | undefined> {
  const [updated] = await db
    .update(compositeSetVersions)
    .set({ status: to, reason: decision.reason, decidedBy: decision.decidedBy, decidedAt: sql`now()` })
    .where(
      and(
        eq(compositeSetVersions.setId, setId),
        eq(compositeSetVersions.version, version),
        inArray(compositeSetVersions.status, from),
      ),
    )
    .returning({ setId: compositeSetVersions.setId });
  if (!updated) return undefined;
  // Every gateway forgets the approved documents it holds (gateway/src/documents/store.ts).
  await db.execute(sql`select pg_notify(${COMPOSITE_SETS_CHANGED}, ${String(setId)})`);
  return findVersion(db, setId, version);
}

/** The requester's sets, newest first, `first + 1` read to know whether a page follows. */
export async function findSetsPage(
  db: Database,
  requesterId: number,
  first: number,
  beforeId: number | null,
) {
  const rows = await db
    .select({ set: compositeSets, grant: grants })
    .from(compositeSets)
    .innerJoin(grants, eq(grants.id, compositeSets.grantId))
    .where(
      and(
        eq(compositeSets.requesterId, requesterId),
        beforeId === null ? undefined : lt(compositeSets.id, beforeId),
      ),
    )
    .orderBy(desc(compositeSets.id))
    .limit(first + 1);
  const sets = rows.map((row) => ({ ...row.set, grant: row.grant }));
  return { rows: sets.slice(0, first), hasNextPage: sets.length > first };
}

/** Versions waiting for review, oldest set first, then by version. */
export async function findPendingPage(
  db: Database,
  first: number,
  after: { setId: number; version: number } | null,
) {
  const rows = await selectVersions(db)
    .where(
      and(
        eq(compositeSetVersions.status, "SUBMITTED"),
        after === null
          ? undefined
          : or(
              gt(compositeSetVersions.setId, after.setId),
              and(
                eq(compositeSetVersions.setId, after.setId),
                gt(compositeSetVersions.version, after.version),
              ),
            ),
      ),
    )
    .orderBy(asc(compositeSetVersions.setId), asc(compositeSetVersions.version))
    .limit(first + 1);
  const versions = rows.map(joinedVersion);
  return { rows: versions.slice(0, first), hasNextPage: versions.length > first };
}

/** Every version of these sets, newest first (for the per-request loader). */
export function findVersionsOfSets(db: Database, setIds: readonly number[]) {
  return selectVersions(db)
    .where(inArray(compositeSetVersions.setId, [...setIds]))
    .orderBy(desc(compositeSetVersions.version))
    .then((rows) => rows.map(joinedVersion));
}
