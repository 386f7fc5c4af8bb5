import type { Database } from "@rnp/db";
import type { PersonLoaders } from "./loaders";

export interface PersonContext {
  db: Database;
  loaders: PersonLoaders;
  /** Most codes one `persons` call accepts. */
  personsBatchLimit: number;
}
