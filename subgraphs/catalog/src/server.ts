import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import {
  createGraphQLServer,
  createIdentityVerifier,
  directiveArgument,
  type GraphQLServer,
  identityOf,
  type PlatformEnvironment,
  type SigningKeys,
  UNRESTRICTED_IDENTITY,
  wrapFieldResolvers,
} from "@rnp/common";
import { type Database, databaseReadiness } from "@rnp/db";
import { graphQLError } from "@rnp/policy/errors";
import { dataGroupsOf, loadSupergraphSdl } from "@rnp/schema";
import { readSdlFolder } from "@rnp/schema/sdl";
import { parse } from "graphql";
import type { ActKeys } from "./acceptanceSignature";
import type { CatalogContext } from "./context";
import { dcatRoutes } from "./dcat/dcatRoute";
import { createDocumentReviewer } from "./documentReview";
import { createCatalogLoaders } from "./loaders";
import { resolvers } from "./resolvers/index";

export {
  type ActKeys,
  loadOrCreateActKeyFiles,
  parseActPrivateKey,
  parseActPublicKey,
} from "./acceptanceSignature";
export { actKeysForStart, readCatalogConfig } from "./config";
export { seedCatalog } from "./repositories/catalogSeed";

export const typeDefs = parse(readSdlFolder(new URL("../schema", import.meta.url)));

export interface CatalogSubgraphOptions {
  db: Database;
  /** Keys the gateway signs identity tokens with; requests without a valid token are refused. */
  signingSecret: SigningKeys;
  /** false: no identity check and no role checks (benchmark baseline only). */
  accessControl?: boolean;
  /** The composed supergraph the data groups are read from; default the committed one. */
  supergraphSdl?: string;
  /** The environment this platform serves (default TEST): which onboarding steps it takes. */
  environment?: PlatformEnvironment;
  /**
   * The acceptance act keys (docs/ENVIRONMENTS.md): the test platform signs with `signing`,
   * the production platform verifies with `verifying`. Without the one it needs, recording an
   * act (test) or issuing a PRODUCTION grant (production) is refused with ACCEPTANCE_ACT_KEY_MISSING.
   */
  actKeys?: ActKeys;
  onStop?: () => Promise<void>;
}

/** Builds the catalog subgraph without listening. */
export function createCatalogSubgraph(
  options: CatalogSubgraphOptions,
): Promise<GraphQLServer<CatalogContext>> {
  const supergraphSdl = options.supergraphSdl ?? loadSupergraphSdl();
  const dataGroups = dataGroupsOf(supergraphSdl);
  const reviewDocument = createDocumentReviewer(supergraphSdl);
  const accessControl = options.accessControl ?? true;
  const built = buildSubgraphSchema({ typeDefs, resolvers });
  // Defence in depth: the gateway already refused callers without the role; check again.
  const schema = !accessControl
    ? built
    : wrapFieldResolvers(built, (resolve, field) => {
        const roles = directiveArgument(field, "requiresRole", "anyOf");
        if (!roles) return null;
        return (parent, args, context, info) => {
          const role = (context as CatalogContext).identity.role;
          if (role !== "OPERATOR" && (!role || !roles.includes(role))) {
            throw graphQLError(
              role ? "FORBIDDEN" : "UNAUTHENTICATED",
              `${field.typeName}.${field.name} needs an API key with role ${roles.join(" or ")}.`,
            );
          }
          return resolve(parent, args, context, info);
        };
      });
  // Tokens are bound to this subgraph by name: one captured for another subgraph is refused here.
  const verifier = createIdentityVerifier({ keys: options.signingSecret, audience: "catalog" });
  return createGraphQLServer<CatalogContext>({
    part: "catalog",
    apollo: {
      schema,
      // The gateway asks for no federated traces; skip the plugin and its start-up notice.
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    },
    context: async (request, body) => ({
      db: options.db,
      loaders: createCatalogLoaders(options.db),
      dataGroups,
      reviewDocument,
      environment: options.environment ?? "TEST",
      actKeys: options.actKeys ?? {},
      identity: accessControl ? await identityOf(request, body, verifier) : UNRESTRICTED_IDENTITY,
    }),
    readiness: () => databaseReadiness(options.db),
    routes: dcatRoutes({ db: options.db, dataGroups, signingSecret: options.signingSecret, accessControl }),
    ...(options.onStop ? { onStop: options.onStop } : {}),
  });
}
