import { createDatabase, type DatabaseClient } from "@rnp/db";
import { createGatewayServer, type GatewayOptions, type GatewayServer } from "@rnp/gateway";
import postgres from "postgres";
import { startTestPlatform, TEST_AUDIT_CHAIN_KEY, TEST_SIGNING_SECRET, type TestPlatform } from "./platform";

/**
 * The platform, a direct database connection and further gateways with their own limits,
 * shared by the limits test files (one platform per file: vitest loads this module afresh for
 * each file), with the helper they post operations through.
 */
let platform: TestPlatform;
let sql: postgres.Sql;
const stops: (() => Promise<void>)[] = [];

/** Starts the platform; `codes` are 20 living persons. */
export async function startLimitsStack(): Promise<{
  platform: TestPlatform;
  sql: postgres.Sql;
  codes: string[];
}> {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 2, onnotice: () => {} });
  const codes = (
    await sql`select person_code from person.persons where death_date is null order by person_code limit 20`
  ).map((row) => row.person_code as string);
  return { platform, sql, codes };
}

/** Stops the further gateways, then the platform. */
export async function stopLimitsStack(): Promise<void> {
  for (const stop of stops.reverse()) await stop();
  await sql?.end();
  await platform?.stop();
}

/** Limits small enough to reach with a few lines of GraphQL. */
export const LIMITS = {
  maxDepth: 4,
  maxAliases: 3,
  maxTokens: 120,
  maxDirectives: 2,
  maxCost: 500,
  defaultListSize: 10,
  maxSubscriptionsPerKey: 2,
  hideSuggestions: true,
};

/** A further gateway on the test platform's subgraphs and database, with its own limits. */
export async function startGateway(limits: GatewayOptions["limits"]): Promise<string> {
  const database: DatabaseClient = createDatabase(platform.databaseUrl, { max: 4 });
  const gateway: GatewayServer = await createGatewayServer({
    subgraphUrls: platform.subgraphUrls,
    database,
    signingSecret: TEST_SIGNING_SECRET,
    audit: { key: TEST_AUDIT_CHAIN_KEY },
    subscriptionRecheckMs: 300,
    ...(limits ? { limits } : {}),
  });
  stops.push(async () => {
    await gateway.stop();
    await database.close();
  });
  return gateway.listen(0);
}

export interface Refusal {
  status: number;
  headers: Headers;
  body: {
    data?: unknown;
    errors?: { message: string; extensions: { code: string; [key: string]: unknown } }[];
  };
}

export async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = platform.headersOf(platform.requester),
): Promise<Refusal> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as never };
}

/** Nests `field { … }` `levels` times around `leaf`. */
export const nested = (field: string, levels: number, leaf: string) =>
  `${`${field} { `.repeat(levels)}${leaf}${" }".repeat(levels)}`;
