import { readFileSync } from "node:fs";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { createGraphQLServer, type GraphQLServer } from "@rnp/common";
import { createDatabase, type Database, isDatabaseReachable } from "@rnp/db";
import { dataGroupsOf, loadSupergraphSdl } from "@rnp/schema";
import { parse } from "graphql";
import type { CatalogContext } from "./context";
import { createCatalogLoaders } from "./loaders";
import { resolvers } from "./resolvers/index";

export { seedCatalog } from "./repositories/catalogSeed";

export const typeDefs = parse(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8"));

export interface CatalogSubgraphOptions {
  db: Database;
  /** The composed supergraph the data groups are read from; default the committed one. */
  supergraphSdl?: string;
  onStop?: () => Promise<void>;
}

/** Builds the catalog subgraph without listening. */
export function createCatalogSubgraph(
  options: CatalogSubgraphOptions,
): Promise<GraphQLServer<CatalogContext>> {
  const dataGroups = dataGroupsOf(options.supergraphSdl ?? loadSupergraphSdl());
  return createGraphQLServer<CatalogContext>({
    apollo: {
      schema: buildSubgraphSchema({ typeDefs, resolvers: resolvers as never }),
      // The gateway asks for no federated traces; skip the plugin and its start-up notice.
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    },
    context: async () => ({ db: options.db, loaders: createCatalogLoaders(options.db), dataGroups }),
    readiness: async () => {
      const ok = await isDatabaseReachable(options.db);
      return { ready: ok, checks: { database: { ok } } };
    },
    ...(options.onStop ? { onStop: options.onStop } : {}),
  });
}

/** Starts the catalog subgraph on its own database pool; `stop()` also ends the pool. */
export async function startCatalogSubgraph(options: { databaseUrl: string; port: number; host?: string }) {
  const database = createDatabase(options.databaseUrl, { applicationName: "rnp-catalog" });
  const server = await createCatalogSubgraph({ db: database.db, onStop: database.close });
  const url = await server.listen(options.port, options.host);
  return { url, server, stop: server.stop };
}
