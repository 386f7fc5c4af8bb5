import type { Database } from "@rnp/db";
import type { SQL } from "drizzle-orm";

/** The transaction a register change runs in (`db.transaction`'s callback argument). */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Rows of a raw SQL statement. */
export async function rowsOf<T>(tx: Transaction | Database, query: SQL): Promise<T[]> {
  return (await tx.execute(query)) as unknown as T[];
}
