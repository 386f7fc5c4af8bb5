import type { ApolloGateway } from "@apollo/gateway";
import { partLogger } from "@rnp/common";
import { chooseOperation } from "./operationChoice";
import { limitRefusal } from "./refusal";

/**
 * Makes whatever the gateway's executor throws a refusal with a code and HTTP 400 instead
 * of Apollo Server's 500. Which operation runs is checked first (`chooseOperation`: a missing
 * or unknown `operationName`, a subscription over HTTP), so those answers have their own codes
 * also where the limits plugin is off (the benchmark's baseline). The executor reports
 * subgraph and execution failures in the response; what it throws beyond that comes from
 * building the query plan (an operation the planner cannot or will not plan, e.g. its own
 * limits on recursive or non-local selections), so it is about the operation, not the
 * server. The error is logged as one JSON line; the client gets a sentence. Call before the
 * server starts: Apollo Server takes the executor at load time.
 */
export function refusePlannerErrors(gateway: ApolloGateway): void {
  const execute = gateway.executor;
  const logger = partLogger("gateway");
  gateway.executor = async (requestContext) => {
    chooseOperation(requestContext.document, requestContext.request.operationName);
    try {
      return await execute(requestContext);
    } catch (error) {
      logger.warn({ err: error }, "query planning failed");
      throw limitRefusal(
        "OPERATION_NOT_PLANNABLE",
        "The gateway could not plan this operation (it expands to too many selections): use fewer fragment spreads and nested selections, or split it into several operations.",
        {},
      );
    }
  };
}
