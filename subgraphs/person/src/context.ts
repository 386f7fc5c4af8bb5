import type { RequestIdentity } from "@rnp/common";
import type { Database } from "@rnp/db";
import type { PersonLoaders } from "./loaders";

export interface PersonContext {
  db: Database;
  loaders: PersonLoaders;
  /** Most codes one `persons` call accepts. */
  personsBatchLimit: number;
  /** The caller, as the gateway signed it. */
  identity: RequestIdentity;
  /** Persons whose data this request disclosed, with the data groups of the fields resolved. */
  disclosures: Map<string, Set<string>>;
}
