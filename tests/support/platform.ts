import { type RunningPlatform, startPlatform } from "@rnp/gateway/platform";
import { createTestDatabase, type TestDatabase } from "./database";

export interface GraphQLResponse<TData = Record<string, unknown>> {
  data?: TData | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; [key: string]: unknown };
  }[];
}

export interface TestPlatform extends RunningPlatform {
  database: TestDatabase;
  /** SQL statements the person subgraph sent since the last `resetStatements()`. */
  statements: string[];
  resetStatements(): void;
  /** POSTs an operation to `url` (default: the gateway) with plain fetch. */
  query<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    url?: string,
  ): Promise<GraphQLResponse<TData>>;
}

/**
 * The whole stack on free ports over a database cloned from the seeded template:
 * gateway, person and catalog subgraphs, each with its own pool. `stop()` drains the
 * servers and drops the database.
 */
export async function startTestPlatform(): Promise<TestPlatform> {
  const database = await createTestDatabase("seeded");
  const statements: string[] = [];
  let platform: RunningPlatform;
  try {
    platform = await startPlatform({
      databaseUrl: database.url,
      port: 0,
      subgraphPorts: { person: 0, catalog: 0 },
      seedPersons: 0,
      onPersonStatement: (statement) => statements.push(statement),
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    ...platform,
    database,
    statements,
    resetStatements: () => {
      statements.length = 0;
    },
    async query(query, variables, url = platform.gatewayUrl) {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      return response.json() as never;
    },
    async stop() {
      try {
        await platform.stop();
      } finally {
        await database.drop();
      }
    },
  };
}
