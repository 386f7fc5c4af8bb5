import type { RequestIdentity } from "@rnp/common";
import type { Database } from "@rnp/db";
import type { MonitoringLoaders } from "./loaders";

export interface MonitoringContext {
  db: Database;
  loaders: MonitoringLoaders;
  /** The caller, as the gateway signed it; monitoring always runs under a grant. */
  identity: RequestIdentity;
  /** Persons this request's notifications disclosed, with the changed groups; reported to the gateway's audit. */
  disclosures: Map<string, Set<string>>;
}
