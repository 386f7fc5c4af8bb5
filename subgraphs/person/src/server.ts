import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import {
  createGraphQLServer,
  createIdentityVerifier,
  type GraphQLServer,
  identityOf,
  reportDisclosures,
  type SigningKeys,
  UNRESTRICTED_IDENTITY,
} from "@rnp/common";
import { type Database, databaseReadiness } from "@rnp/db";
import { readSdlFolder } from "@rnp/schema/sdl";
import { parse } from "graphql";
import { enforceGrants } from "./access";
import type { PersonContext } from "./context";
import { createPersonLoaders } from "./loaders";
import { resolvers } from "./resolvers/index";

export const typeDefs = parse(readSdlFolder(new URL("../schema", import.meta.url)));

export interface PersonSubgraphOptions {
  db: Database;
  /**
   * A pool on a standby (DATABASE_READ_URL, docs/OPERATIONS.md) for the reads where staleness
   * is harmless: a request that is neither a mutation nor a federated `_entities` reference
   * (which follows a notification's cursor) reads here. Default: `db`.
   */
  readDb?: Database;
  /** Keys the gateway signs identity tokens with; requests without a valid token are refused. */
  signingSecret: SigningKeys;
  /** false: no identity check, no grant enforcement, no disclosure report (benchmark baseline only). */
  accessControl?: boolean;
  /** Most codes one `persons` call accepts; default from PERSONS_BATCH_LIMIT or 1000. */
  personsBatchLimit?: number;
  onStop?: () => Promise<void>;
}

/**
 * True when a request may read from a standby: it names no `mutation` (a change, then its
 * result read back) and no `_entities` (the gateway resolving persons a notification or another
 * subgraph points at, which must be at least as new as the change that named them). Judged on
 * the raw body before parsing; a false alarm (the word in a string) only sends a read to the primary.
 */
export function readsMayBeStale(body: string): boolean {
  return !/\bmutation\b|_entities/.test(body);
}

/** Builds the person subgraph without listening. */
export function createPersonSubgraph(options: PersonSubgraphOptions): Promise<GraphQLServer<PersonContext>> {
  const personsBatchLimit = options.personsBatchLimit ?? Number(process.env.PERSONS_BATCH_LIMIT ?? 1000);
  const accessControl = options.accessControl ?? true;
  const schema = buildSubgraphSchema({ typeDefs, resolvers });
  // Tokens are bound to this subgraph by name: one captured for another subgraph is refused here.
  const verifier = createIdentityVerifier({ keys: options.signingSecret, audience: "person" });
  return createGraphQLServer<PersonContext>({
    part: "person",
    apollo: {
      schema: accessControl ? enforceGrants(schema) : schema,
      // The gateway asks for no federated traces; skip the plugin and its start-up notice.
      plugins: [ApolloServerPluginInlineTraceDisabled(), ...(accessControl ? [reportDisclosures] : [])],
    },
    context: async (request, body) => {
      const identity = accessControl ? await identityOf(request, body, verifier) : UNRESTRICTED_IDENTITY;
      const db = options.readDb && readsMayBeStale(body) ? options.readDb : options.db;
      return {
        db,
        loaders: createPersonLoaders(db, identity.grant?.conditions ?? []),
        personsBatchLimit,
        identity,
        disclosures: new Map(),
      };
    },
    readiness: () => databaseReadiness(options.db),
    ...(options.onStop ? { onStop: options.onStop } : {}),
  });
}
