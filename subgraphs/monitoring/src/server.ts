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
  wrapFieldResolvers,
} from "@rnp/common";
import { type Database, databaseReadiness } from "@rnp/db";
import { graphQLError } from "@rnp/policy/errors";
import { readSdlFolder } from "@rnp/schema/sdl";
import { parse } from "graphql";
import type { MonitoringContext } from "./context";
import { createMonitoringLoaders } from "./loaders";
import { resolvers } from "./resolvers/index";

export { followChangeLog, startNotifier } from "./notifier";

export const typeDefs = parse(readSdlFolder(new URL("../schema", import.meta.url)));

export interface MonitoringSubgraphOptions {
  db: Database;
  /** Keys the gateway signs identity tokens with; requests without a valid token are refused. */
  signingSecret: SigningKeys;
  /** false: no identity check (benchmark baseline only). */
  accessControl?: boolean;
  onStop?: () => Promise<void>;
}

/** Builds the monitoring subgraph without listening. */
export function createMonitoringSubgraph(
  options: MonitoringSubgraphOptions,
): Promise<GraphQLServer<MonitoringContext>> {
  const accessControl = options.accessControl ?? true;
  const built = buildSubgraphSchema({ typeDefs, resolvers });
  // Defence in depth: monitoring runs only under a grant, as the gateway already checked.
  const schema = wrapFieldResolvers(built, (resolve, field) => {
    if ((field.typeName !== "Query" && field.typeName !== "Mutation") || field.name.startsWith("_"))
      return null;
    return (parent, args, context, info) => {
      if (!(context as MonitoringContext).identity.grant) {
        throw graphQLError(
          "GRANT_REQUIRED",
          "Monitoring runs under a grant: name one in the `Grant` header.",
        );
      }
      return resolve(parent, args, context, info);
    };
  });
  // Tokens are bound to this subgraph by name: one captured for another subgraph is refused here.
  const verifier = createIdentityVerifier({ keys: options.signingSecret, audience: "monitoring" });
  return createGraphQLServer<MonitoringContext>({
    part: "monitoring",
    apollo: {
      schema,
      plugins: [ApolloServerPluginInlineTraceDisabled(), ...(accessControl ? [reportDisclosures] : [])],
    },
    context: async (request, body) => {
      const identity = accessControl ? await identityOf(request, body, verifier) : UNRESTRICTED_IDENTITY;
      return {
        db: options.db,
        identity,
        loaders: createMonitoringLoaders(options.db, identity.requesterId, identity.grant?.id ?? null),
        disclosures: new Map(),
      };
    },
    readiness: () => databaseReadiness(options.db),
    ...(options.onStop ? { onStop: options.onStop } : {}),
  });
}
