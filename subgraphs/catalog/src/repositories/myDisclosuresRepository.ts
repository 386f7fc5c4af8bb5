import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { and, count, desc, eq, gte, isNull, lt, ne, or, type SQL } from "drizzle-orm";

const { disclosures, requesters, grants } = schema.access;

export interface MyDisclosureFilter {
  from?: string;
  to?: string;
  organisationId?: number;
}

export interface MyDisclosureRow {
  seq: number;
  at: string;
  organisationName: string;
  dataGroups: string[];
  legalBasis: string;
  purpose: string;
  caseReference: string | null;
  channel: string | null;
}

/** The person's disclosures to organisations: their own reads (SELF) are not disclosures to anyone. */
function conditionsOf(personCode: string, filter: MyDisclosureFilter): SQL[] {
  const where: SQL[] = [
    eq(disclosures.personCode, personCode),
    or(isNull(disclosures.channel), ne(disclosures.channel, "SELF"))!,
  ];
  if (filter.from) where.push(gte(disclosures.at, filter.from));
  if (filter.to) where.push(lt(disclosures.at, filter.to));
  if (filter.organisationId !== undefined) where.push(eq(disclosures.requesterId, filter.organisationId));
  return where;
}

/**
 * A page of the person's disclosures newest first, without confidential grants', with the
 * filter's total and the count of those withheld by law (confidential grants) in the period.
 */
export async function findMyDisclosures(
  db: Database,
  personCode: string,
  filter: MyDisclosureFilter,
  first: number,
  beforeSeq: number | null,
) {
  const where = conditionsOf(personCode, filter);
  const shown = and(...where, eq(grants.confidential, false));
  const [rows, [total], [withheld]] = await Promise.all([
    db
      .select({
        seq: disclosures.seq,
        at: disclosures.at,
        organisationName: requesters.name,
        dataGroups: disclosures.dataGroups,
        legalBasis: grants.legalBasis,
        purpose: disclosures.purpose,
        caseReference: disclosures.caseReference,
        channel: disclosures.channel,
      })
      .from(disclosures)
      .innerJoin(grants, eq(grants.id, disclosures.grantId))
      .innerJoin(requesters, eq(requesters.id, disclosures.requesterId))
      .where(beforeSeq === null ? shown : and(shown, lt(disclosures.seq, beforeSeq)))
      .orderBy(desc(disclosures.seq))
      .limit(first + 1),
    db
      .select({ n: count() })
      .from(disclosures)
      .innerJoin(grants, eq(grants.id, disclosures.grantId))
      .where(shown),
    db
      .select({ n: count() })
      .from(disclosures)
      .innerJoin(grants, eq(grants.id, disclosures.grantId))
      .where(and(...where, eq(grants.confidential, true))),
  ]);
  return {
    rows: rows.slice(0, first) as MyDisclosureRow[],
    hasNextPage: rows.length > first,
    totalCount: total?.n ?? 0,
    withheldByLaw: withheld?.n ?? 0,
  };
}

/** The organisations that received the person's data, confidential grants left out. */
export function findMyDisclosureOrganisations(db: Database, personCode: string) {
  return db
    .selectDistinct({ id: requesters.id, name: requesters.name })
    .from(disclosures)
    .innerJoin(grants, eq(grants.id, disclosures.grantId))
    .innerJoin(requesters, eq(requesters.id, disclosures.requesterId))
    .where(and(...conditionsOf(personCode, {}), eq(grants.confidential, false)))
    .orderBy(requesters.name);
}
