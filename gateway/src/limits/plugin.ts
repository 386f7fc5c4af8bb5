import type { ApolloServerPlugin } from "@apollo/server";
import type { Database } from "@rnp/db";
import type { GraphQLError } from "graphql";
import type { GatewayContext } from "../access/context";
import type { OperationLimits } from "./config";
import { checkCost } from "./cost";
import { checkDocumentShape, checkTokens, hideSuggestions } from "./documentLimits";
import { RateLimiter, rateLimitKey } from "./rateLimit";

export interface OperationLimitsPluginOptions {
  db: Database;
  limits: OperationLimits;
  /** Shared with the subscription server, so subscribing counts against the same budget. */
  rateLimiter?: RateLimiter;
}

/**
 * The gateway's operation limits, each at the earliest point it can be known, so a refused
 * operation costs a table upsert and a walk over its document, never a plan or a subgraph
 * call: the rate limit and the token count before parsing; depth, aliases and directives
 * before validation; the cost (which depends on variables) when the operation is resolved,
 * before authorisation and execution. Each refusal is HTTP 400 (429 for the rate) with its
 * own code. A subscription's own executions (`executeOperation`, no HTTP) are not limited
 * here: the subscription was, when it was subscribed.
 */
export function operationLimitsPlugin(
  options: OperationLimitsPluginOptions,
): ApolloServerPlugin<GatewayContext> {
  const { limits } = options;
  const limiter = options.rateLimiter ?? new RateLimiter(options.db, limits.ratePerMinute);
  return {
    async requestDidStart({ request }) {
      const overHttp = request.http !== undefined;
      return {
        async didResolveSource({ source, contextValue }) {
          if (!overHttp) return;
          await limiter.consume(rateLimitKey(contextValue.authorization, contextValue.clientAddress));
          checkTokens(source, limits);
        },
        async validationDidStart({ schema, document }) {
          if (overHttp) checkDocumentShape(schema, document, limits);
          return async (errors) => {
            if (limits.hideSuggestions && errors) hideSuggestions(errors as readonly GraphQLError[]);
          };
        },
        async didResolveOperation({ schema, document, operationName, request }) {
          if (overHttp) checkCost(schema, document, operationName, request.variables ?? {}, limits);
        },
      };
    },
  };
}
