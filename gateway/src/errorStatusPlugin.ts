import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { ONBOARDING_STEP_CODES } from "@rnp/common";

/**
 * HTTP status for an answer whose errors carry these codes, most serious first: a
 * subgraph's fault outranks a refusal, because retrying may help the former.
 */
const STATUS_BY_CODE: [code: string, status: number][] = [
  ["SUBGRAPH_TIMEOUT", 504],
  ["SUBGRAPH_UNAVAILABLE", 502],
  ["UNAUTHENTICATED", 401],
  ["FORBIDDEN", 403],
  ...ONBOARDING_STEP_CODES.map((code): [string, number] => [code, 409]),
];

/**
 * Sets the HTTP status from the error codes of the answer when nothing set one before:
 * errors that come from a subgraph (its FORBIDDEN, or its being down or too slow) would
 * otherwise leave the gateway with HTTP 200, and clients and load balancers that look at
 * the status would count a refusal or an outage as a success.
 */
export function errorStatusPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single" || response.http.status !== undefined) return;
          const codes = new Set(
            (response.body.singleResult.errors ?? []).map((error) => error.extensions?.code),
          );
          const match = STATUS_BY_CODE.find(([code]) => codes.has(code));
          if (match) response.http.status = match[1];
        },
      };
    },
  };
}
