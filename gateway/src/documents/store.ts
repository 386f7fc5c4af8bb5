import { hashApiKey } from "@rnp/common";
import { type Database, type DatabaseClient, schema, unlistenQuietly } from "@rnp/db";
import { COMPOSITE_SETS_CHANGED } from "@rnp/policy/wire";
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
function approvedDocumentStatement(db: Database, by: "keyHash" | "keyId") {
  return db
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
        by === "keyHash"
          ? eq(apiKeys.keyHash, sql.placeholder("keyHash"))
          : eq(apiKeys.id, sql.placeholder("keyId")),
        eq(compositeSetVersions.documentHash, sql.placeholder("documentHash")),
        eq(compositeSetVersions.status, "APPROVED"),
      ),
    )
    .orderBy(
      desc(sql`${grants.number} = ${sql.placeholder("grantNumber")}`),
      desc(compositeSetVersions.version),
    )
    .limit(1)
    .prepare(`find_approved_document_by_${by}`);
}

/** Cached look-ups kept at most this long, in case a NOTIFY was lost while reconnecting. */
const MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * The approved versions the gateway executes by id, looked up in one prepared statement and
 * kept in memory, so executing a set by id costs no more than sending its document. Any
 * decision on a version (approve, reject, retire) is announced with NOTIFY
 * `composite_sets_changed` by the catalog, and every gateway replica then forgets all it
 * holds: a retirement takes effect on the next request everywhere. The listener's
 * (re)connection clears too, and no entry is older than 30 s. The key itself, its grant and
 * the grant's data groups are still checked fresh on every request by access control.
 */
export class ApprovedDocuments {
  private readonly cache = new Map<string, { at: number; found: ApprovedDocument }>();
  private readonly byKeyHash: ReturnType<typeof approvedDocumentStatement>;
  private readonly byKeyId: ReturnType<typeof approvedDocumentStatement>;
  private listener: { unlisten(): Promise<void> } | undefined;

  constructor(private readonly database: DatabaseClient) {
    this.byKeyHash = approvedDocumentStatement(database.db, "keyHash");
    this.byKeyId = approvedDocumentStatement(database.db, "keyId");
  }

  async start(): Promise<void> {
    this.listener = await this.database.sql.listen(
      COMPOSITE_SETS_CHANGED,
      () => this.cache.clear(),
      () => this.cache.clear(),
    );
  }

  async stop(): Promise<void> {
    if (this.listener) await unlistenQuietly(this.listener);
  }

  /**
   * The approved version with this document hash among the sets of the key's organisation.
   * Another organisation's set is not found: an id reveals nothing to whoever guesses it.
   * When one document is approved in sets of two grants, the named grant's wins.
   */
  async find(
    credential: { apiKey: string } | { keyId: number },
    documentHash: string,
    grantNumber = "",
  ): Promise<ApprovedDocument | undefined> {
    const keyHash = "apiKey" in credential ? hashApiKey(credential.apiKey) : undefined;
    const cacheKey = `${keyHash ?? `id:${"keyId" in credential ? credential.keyId : ""}`}|${documentHash}|${grantNumber}`;
    const cached = this.cache.get(cacheKey);
    if (cached && Date.now() - cached.at < MAX_AGE_MS) return cached.found;
    const [found] =
      "keyId" in credential
        ? await this.byKeyId.execute({ keyId: credential.keyId, documentHash, grantNumber })
        : await this.byKeyHash.execute({ keyHash, documentHash, grantNumber });
    if (!found) return undefined;
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(cacheKey, { at: Date.now(), found });
    return found;
  }
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
