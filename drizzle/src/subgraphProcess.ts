import {
  accessControlFromEnv,
  type GraphQLServer,
  type SigningKeys,
  signingSecretFromEnv,
  startTracing,
  stopOnSignals,
} from "@rnp/common";
import { createDatabase, type Database } from "./index";

/** What every subgraph's `create…Subgraph` takes. */
export interface SubgraphBuildOptions {
  db: Database;
  /** A pool on DATABASE_READ_URL (a standby) when set: only the person subgraph reads from it. */
  readDb?: Database;
  signingSecret: SigningKeys;
  accessControl: boolean;
  onStop: () => Promise<void>;
}

/**
 * Runs one subgraph as its own process, configured from the environment (DATABASE_URL, DATABASE_READ_URL,
 * INTERNAL_SIGNING_SECRET or INTERNAL_SIGNING_KEYS, ACCESS_CONTROL, PORT, HOST): its own database pool, listening,
 * "<name> subgraph ready at <url>" printed, and on SIGTERM `alongside`'s stop first, then
 * HTTP drained, then the pool closed. Exits with a sentence saying what to set when
 * DATABASE_URL is missing.
 */
export async function runSubgraphProcess(
  name: string,
  defaultPort: number,
  build: (
    options: SubgraphBuildOptions,
  ) => Promise<Pick<GraphQLServer<never>, "listen" | "stop" | "metrics" | "logger">>,
  alongside?: (
    databaseUrl: string,
    server: Pick<GraphQLServer<never>, "metrics" | "logger">,
  ) => Promise<() => Promise<void>>,
): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error(
      "Set DATABASE_URL to the register's PostgreSQL (or start the whole platform with `pnpm start`).",
    );
    process.exit(1);
  }
  const stopTracing = await startTracing(`rnp-${name}`);
  const database = createDatabase(databaseUrl, { applicationName: `rnp-${name}` });
  const readUrl = process.env.DATABASE_READ_URL;
  const readDatabase = readUrl ? createDatabase(readUrl, { applicationName: `rnp-${name}-read` }) : null;
  const server = await build({
    db: database.db,
    ...(readDatabase ? { readDb: readDatabase.db } : {}),
    signingSecret: signingSecretFromEnv(),
    accessControl: accessControlFromEnv(),
    onStop: async () => {
      await readDatabase?.close();
      await database.close();
    },
  });
  const url = await server.listen(Number(process.env.PORT ?? defaultPort), process.env.HOST ?? "127.0.0.1");
  const stopAlongside = await alongside?.(databaseUrl, server);
  console.log(`${name} subgraph ready at ${url}`);
  stopOnSignals(async () => {
    await stopAlongside?.();
    await server.stop();
    await stopTracing?.();
  });
}
