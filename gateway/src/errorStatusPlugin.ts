import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { answerStatus } from "@rnp/policy/errors";

/**
 * Sets the HTTP status from the error codes of the answer when nothing set one before:
 * errors that come from a subgraph (its FORBIDDEN or GRANT_REQUIRED, its QUOTA_EXCEEDED, or
 * its being down or too slow) would otherwise leave the gateway with HTTP 200, and clients
 * and load balancers that look at the status would count a refusal or an outage as a
 * success. Which codes decide, and in which order, is `@rnp/policy/errors`'s table.
 */
export function errorStatusPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single" || response.http.status !== undefined) return;
          const errors = response.body.singleResult.errors ?? [];
          const status = answerStatus(errors.map((error) => error.extensions?.code));
          if (status !== undefined) response.http.status = status;
        },
      };
    },
  };
}
