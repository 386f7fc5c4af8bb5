import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { and, arrayContains, arrayOverlaps, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";

const { disclosures, requesters, grants } = schema.access;
const { providers, datasets } = schema.catalog;

/**
 * What a provider may see of the audit: disclosures of its own data (the data groups of the
 * datasets it provides), never those under confidential grants, each row showing only the
 * provider's own groups. Operators see everything (no scope).
 */
export interface AuditScope {
  dataGroups: string[];
}

/**
 * The data groups of the datasets an organisation provides: the provider whose
 * registration number is the requester's. Null when the requester is not a provider.
 */
export async function findProviderDataGroups(db: Database, requesterId: number): Promise<string[] | null> {
  const rows = await db
    .select({ providerId: providers.id, dataGroups: datasets.dataGroups })
    .from(requesters)
    .innerJoin(providers, eq(providers.registrationNumber, requesters.registrationNumber))
    .leftJoin(datasets, eq(datasets.providerId, providers.id))
    .where(eq(requesters.id, requesterId));
  if (rows.length === 0) return null;
  return [...new Set(rows.flatMap((row) => row.dataGroups ?? []))].sort();
}

const notConfidential = sql`not exists (select 1 from ${grants} g where g.id = ${disclosures.grantId} and g.confidential)`;

function scoped<T extends { dataGroups: string[] }>(row: T, scope: AuditScope | undefined): T {
  return scope
    ? { ...row, dataGroups: row.dataGroups.filter((group) => scope.dataGroups.includes(group)) }
    : row;
}

export type AuditRow = typeof disclosures.$inferSelect;

export interface AuditQuery {
  requesterId?: number;
  personCode?: string;
  dataGroup?: string;
  from?: string;
  to?: string;
}

/** Audit entries newest first (by seq), before `beforeSeq` when paging. */
export async function findAuditEntries(
  db: Database,
  query: AuditQuery,
  first: number,
  beforeSeq: number | null,
  scope?: AuditScope,
) {
  if (scope?.dataGroups.length === 0) return { rows: [], hasNextPage: false };
  const where: SQL[] = [];
  if (scope) where.push(arrayOverlaps(disclosures.dataGroups, scope.dataGroups), notConfidential);
  if (query.requesterId !== undefined) where.push(eq(disclosures.requesterId, query.requesterId));
  if (query.personCode) where.push(eq(disclosures.personCode, query.personCode));
  if (query.dataGroup) where.push(arrayContains(disclosures.dataGroups, [query.dataGroup]));
  if (query.from) where.push(gte(disclosures.at, query.from));
  if (query.to) where.push(lt(disclosures.at, query.to));
  if (beforeSeq !== null) where.push(lt(disclosures.seq, beforeSeq));
  const rows = await db
    .select()
    .from(disclosures)
    .where(and(...where))
    .orderBy(desc(disclosures.seq))
    .limit(first + 1);
  return { rows: rows.slice(0, first).map((row) => scoped(row, scope)), hasNextPage: rows.length > first };
}

export interface UsageRow {
  day: string;
  requesterId: number;
  dataGroup: string;
  requests: number;
  persons: number;
}

/**
 * Requests and distinct persons per day, requester and data group, days `from`–`to`
 * inclusive; with a scope, only its data groups and no confidential grant.
 */
export async function findUsageStatistics(
  db: Database,
  from: string,
  to: string,
  requesterId?: number,
  scope?: AuditScope,
) {
  if (scope?.dataGroups.length === 0) return [];
  const rows = await db.execute<{
    day: string;
    requester_id: number;
    data_group: string;
    requests: number;
    persons: number;
  }>(sql`
    select (d.at at time zone 'UTC')::date::text as day, d.requester_id, g.data_group,
           count(distinct d.request_id)::int as requests, count(distinct d.person_code)::int as persons
    from ${disclosures} d, unnest(d.data_groups) as g(data_group)
    where d.at >= ${from}::date and d.at < ${to}::date + 1
      ${requesterId === undefined ? sql`` : sql`and d.requester_id = ${requesterId}`}
      ${
        scope
          ? sql`and g.data_group in ${scope.dataGroups}
            and not exists (select 1 from ${grants} cg where cg.id = d.grant_id and cg.confidential)`
          : sql``
      }
    group by 1, 2, 3 order by 1, 2, 3`);
  return rows.map(
    (row): UsageRow => ({
      day: row.day,
      requesterId: row.requester_id,
      dataGroup: row.data_group,
      requests: row.requests,
      persons: row.persons,
    }),
  );
}

export type DataSubjectAccessRow = Awaited<ReturnType<typeof findDataSubjectAccesses>>[number];

/** One person's disclosures, newest first, without those under confidential grants. */
export function findDataSubjectAccesses(db: Database, personCode: string) {
  return db
    .select({
      at: disclosures.at,
      requesterName: requesters.name,
      purpose: disclosures.purpose,
      dataGroups: disclosures.dataGroups,
    })
    .from(disclosures)
    .innerJoin(requesters, eq(requesters.id, disclosures.requesterId))
    .innerJoin(grants, eq(grants.id, disclosures.grantId))
    .where(and(eq(disclosures.personCode, personCode), eq(grants.confidential, false)))
    .orderBy(desc(disclosures.seq));
}
