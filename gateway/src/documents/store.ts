import { hashApiKey } from "@rnp/common";
import { type Database, schema } from "@rnp/db";
import { and, asc, desc, eq, sql } from "drizzle-orm";

const { apiKeys, grants } = schema.access;
const { compositeSets, compositeSetVersions } = schema.compositeSets;

/** An approved version of a composite data set, as the gateway executes it. */
export interface ApprovedDocument {
  setId: number;
  version: number;
  document: string;
  operationName: string;
  operationType: "QUERY" | "SUBSCRIPTION";
  grantId: number;
  grantNumber: string;
}

/**
 * The approved version with this document hash among the sets of the key's organisation,
 * in one indexed statement read fresh on every request (an approval or a retirement takes
 * effect on the next request, on every replica). Another organisation's set is not found:
 * an id reveals nothing to whoever guesses it. When one document is approved in sets of
 * two grants, the one of the grant the request names wins.
 */
export async function findApprovedDocument(
  db: Database,
  apiKey: string,
  documentHash: string,
  grantNumber: string | undefined,
): Promise<ApprovedDocument | undefined> {
  const [row] = await db
    .select({
      setId: compositeSetVersions.setId,
      version: compositeSetVersions.version,
      document: compositeSetVersions.document,
      operationName: compositeSetVersions.operationName,
      operationType: compositeSetVersions.operationType,
      grantId: grants.id,
      grantNumber: grants.number,
    })
    .from(compositeSetVersions)
    .innerJoin(compositeSets, eq(compositeSets.id, compositeSetVersions.setId))
    .innerJoin(apiKeys, eq(apiKeys.requesterId, compositeSets.requesterId))
    .innerJoin(grants, eq(grants.id, compositeSets.grantId))
    .where(
      and(
        eq(apiKeys.keyHash, hashApiKey(apiKey)),
        eq(compositeSetVersions.documentHash, documentHash),
        eq(compositeSetVersions.status, "APPROVED"),
      ),
    )
    .orderBy(desc(sql`${grants.number} = ${grantNumber ?? ""}`), desc(compositeSetVersions.version))
    .limit(1);
  return row;
}

/** Every approved version of the organisation's sets, for its persisted-query manifest. */
export function findApprovedDocumentsOf(db: Database, requesterId: number) {
  return db
    .select({
      documentHash: compositeSetVersions.documentHash,
      document: compositeSetVersions.document,
      operationName: compositeSetVersions.operationName,
      operationType: compositeSetVersions.operationType,
    })
    .from(compositeSetVersions)
    .innerJoin(compositeSets, eq(compositeSets.id, compositeSetVersions.setId))
    .where(and(eq(compositeSets.requesterId, requesterId), eq(compositeSetVersions.status, "APPROVED")))
    .orderBy(asc(compositeSetVersions.setId), asc(compositeSetVersions.version));
}
