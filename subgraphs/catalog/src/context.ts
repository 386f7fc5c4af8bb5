import type { PlatformEnvironment, RequestIdentity } from "@rnp/common";
import type { Database } from "@rnp/db";
import type { DataGroupDefinition } from "@rnp/schema";
import type { ActKeys } from "./acceptanceSignature";
import type { DocumentReviewer } from "./documentReview";
import type { CatalogLoaders } from "./loaders";

export interface CatalogContext {
  db: Database;
  loaders: CatalogLoaders;
  /** The data groups read from the composed supergraph at start. */
  dataGroups: DataGroupDefinition[];
  /** The caller, as the gateway signed it. */
  identity: RequestIdentity;
  /** Checks a composite data set's document against the composed supergraph. */
  reviewDocument: DocumentReviewer;
  /** The environment this platform serves: onboarding steps belong to one of them. */
  environment: PlatformEnvironment;
  /** The acceptance act's signing key (test platform) and verifying key (production platform). */
  actKeys: ActKeys;
}
