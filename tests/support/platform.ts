import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PlatformEnvironment } from "@rnp/common";
import type { PortalSettings } from "@rnp/gateway/portal";
import { type RunningPlatform, startPlatform } from "@rnp/platform/platform";
import {
  type ProvisionedRequester,
  provisionRequester,
  syntheticRegistrationNumber,
} from "@rnp/platform/provision";
import { allDataGroupNames } from "@rnp/schema";
import { createTestDatabase, type TestDatabase } from "./database";
import { TEST_AUDIT_CHAIN_KEY, TEST_OAUTH_KEYS, TEST_SIGNING_SECRET } from "./testSecrets";

export interface GraphQLResponse<TData = Record<string, unknown>> {
  data?: TData | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; [key: string]: unknown };
  }[];
  extensions?: Record<string, unknown>;
}

export interface QueryOptions {
  /** Default: the gateway. */
  url?: string;
  /** Replace the default headers (the full-access requester's key and grant). */
  headers?: Record<string, string>;
}

export const ALL_GROUPS = allDataGroupNames();

export { TEST_AUDIT_CHAIN_KEY, TEST_OAUTH_KEYS, TEST_SIGNING_SECRET } from "./testSecrets";

/**
 * The acceptance act key pair of the test platforms of one test file: a TEST platform signs
 * acts with the private key, a PRODUCTION platform verifies them with the public key only.
 */
export const TEST_ACT_KEYS = generateKeyPairSync("ed25519");

export interface TestPlatform extends RunningPlatform {
  database: TestDatabase;
  /** A requester with a TEST grant for every data group; `query` sends its key and grant. */
  requester: ProvisionedRequester;
  /** SQL statements the person subgraph sent since the last `resetStatements()`. */
  statements: string[];
  resetStatements(): void;
  /** POSTs an operation with plain fetch. */
  query<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: QueryOptions,
  ): Promise<GraphQLResponse<TData>>;
  /** Headers that send a key (and a grant, when given). */
  headersOf(requester: { key: string; grantNumber?: string }): Record<string, string>;
  /** Runs an operation with the bootstrap operator's key; throws on errors. */
  operator<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<TData>;
}

const headersOf = (requester: { key: string; grantNumber?: string }) => ({
  authorization: `Bearer ${requester.key}`,
  ...(requester.grantNumber ? { grant: requester.grantNumber } : {}),
});

/**
 * The whole stack on free ports over a database cloned from the seeded template:
 * gateway, person and catalog subgraphs, each with its own pool, and a requester with a
 * full test grant. `stop()` drains the servers and drops the database.
 */
export async function startTestPlatform(
  options: {
    /** `default`: an empty database that the platform seeds as `pnpm start` does (10 000 persons, seed 1). */
    register?: "template" | "default";
    /** The environment the platform serves (default TEST); each platform has its own database. */
    environment?: PlatformEnvironment;
    /** Serve the portal (`/portal`, sign-in through the embedded provider) with these settings. */
    portal?: Partial<PortalSettings>;
  } = {},
): Promise<TestPlatform> {
  const database = await createTestDatabase(options.register === "default" ? "empty" : "seeded");
  const statements: string[] = [];
  const anchorFolder = mkdtempSync(path.join(tmpdir(), "rnp-anchors-"));
  let platform: RunningPlatform;
  try {
    platform = await startPlatform({
      databaseUrl: database.url,
      port: 0,
      subgraphPorts: { person: 0, catalog: 0, monitoring: 0 },
      seedPersons: options.register === "default" ? 10_000 : 0,
      signingSecret: TEST_SIGNING_SECRET,
      subscriptionRecheckMs: 300,
      auditChainKey: TEST_AUDIT_CHAIN_KEY,
      auditAnchorFile: path.join(anchorFolder, "audit-anchors.jsonl"),
      // Every flush anchored before its responses leave: tests read the file right after.
      auditAnchorIntervalMs: 0,
      onPersonStatement: (statement) => statements.push(statement),
      oauthSigningKeys: TEST_OAUTH_KEYS,
      actKeys:
        options.environment === "PRODUCTION"
          ? { verifying: TEST_ACT_KEYS.publicKey }
          : { signing: TEST_ACT_KEYS.privateKey },
      ...(options.environment ? { environment: options.environment } : {}),
      ...(options.portal
        ? { portal: { idleMinutes: 30, maxHours: 12, lookupsPerHour: 60, operators: [], ...options.portal } }
        : {}),
    });
  } catch (error) {
    await database.drop();
    rmSync(anchorFolder, { recursive: true, force: true });
    throw error;
  }
  const requester = await provisionRequester(platform.gatewayUrl, platform.operatorKey, {
    name: "Testa Banka AS",
    registrationNumber: syntheticRegistrationNumber(2),
    dataGroups: ALL_GROUPS,
    purpose: "Whole-stack tests",
    ...(options.environment ? { environment: options.environment } : {}),
  });
  const defaultHeaders = headersOf(requester);
  return {
    ...platform,
    database,
    requester,
    statements,
    headersOf,
    resetStatements: () => {
      statements.length = 0;
    },
    async query(query, variables, options = {}) {
      const response = await fetch(options.url ?? platform.gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...(options.headers ?? defaultHeaders) },
        body: JSON.stringify({ query, variables }),
      });
      return response.json() as never;
    },
    async operator(query, variables) {
      const response = await fetch(platform.gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${platform.operatorKey}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphQLResponse<never>;
      if (body.errors) throw new Error(`operator call failed: ${JSON.stringify(body.errors)}`);
      return body.data as never;
    },
    async stop() {
      try {
        await platform.stop();
      } finally {
        await database.drop();
        rmSync(anchorFolder, { recursive: true, force: true });
      }
    },
  };
}
