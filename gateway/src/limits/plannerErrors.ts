import type { ApolloGateway } from "@apollo/gateway";
import { limitRefusal } from "./refusal";

/**
 * Makes whatever the gateway's executor throws a refusal with a code and HTTP 400 instead
 * of Apollo Server's 500. The executor reports subgraph and execution failures in the
 * response; what it throws comes from building the query plan (an operation the planner
 * cannot or will not plan, e.g. its own limits on recursive or non-local selections), so it
 * is about the operation, not the server. The error is logged in full; the client gets a
 * sentence. Call before the server starts: Apollo Server takes the executor at load time.
 */
export function refusePlannerErrors(gateway: ApolloGateway): void {
  const execute = gateway.executor;
  gateway.executor = async (requestContext) => {
    try {
      return await execute(requestContext);
    } catch (error) {
      console.error("query planning failed", error);
      throw limitRefusal(
        "OPERATION_NOT_PLANNABLE",
        "The gateway could not plan this operation (it expands to too many selections): use fewer fragment spreads and nested selections, or split it into several operations.",
        {},
      );
    }
  };
}
