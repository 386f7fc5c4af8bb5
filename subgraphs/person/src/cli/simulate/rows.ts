import type { Database } from "@rnp/db";
import type { SQL } from "drizzle-orm";

/** Rows of a raw SQL statement. */
export async function rows<T>(db: Database, query: SQL): Promise<T[]> {
  return (await db.execute(query)) as unknown as T[];
}
