import type { ApolloServerPlugin } from "@apollo/server";
import { statusOf } from "@rnp/policy/errors";
import type { DocumentNode, GraphQLError } from "graphql";
import type { GatewayContext } from "../access/context";
import { Admission, AdmissionRefused } from "./concurrency";
import type { OperationLimits } from "./config";
import { checkCost } from "./cost";
import { checkDocumentShape, hideSuggestions, tokenRefusal, withoutSuggestions } from "./documentLimits";
import { chooseOperation } from "./operationChoice";
import { rateLimitKey } from "./rateLimit";
import { limitRefusal } from "./refusal";
import { recordCost } from "./slicedExecution";

/** graphql-js's message when `parse(…, { maxTokens })` stops ("more that" in graphql 16, "more than" later). */
const TOKEN_LIMIT_REACHED = /Document contains more tha[nt] \d+ tokens/;

/**
 * The gateway's document limits, each at the earliest point Apollo Server lets a plugin
 * refuse with its own code and status (an error thrown from an earlier hook is a 500):
 * - tokens: the parser stops at `maxTokens` (`parseOptions`, see `parseOptionsFor`), and
 *   the parse error is answered as OPERATION_TOO_LARGE;
 * - depth, aliases, directives and cost (which depends on variables) when the operation is
 *   resolved: this plugin comes before access control, and its checks are synchronous, so
 *   a refused operation is never authorised, planned or executed.
 * The rate limit runs before all of this, in the gateway's context function. Last, the
 * operation waits for admission: each key may have `inFlightCost` of cost running at once
 * and queues behind itself beyond that, so one requester's flood never takes the gateway
 * and the subgraphs from the others (`Admission`).
 * A subscription's own executions (`executeOperation`, no HTTP) are not limited here: the
 * subscription was, when it was subscribed.
 */
export function operationLimitsPlugin(limits: OperationLimits): ApolloServerPlugin<GatewayContext> {
  // Documents Apollo Server serves from its cache are the same objects: checked once.
  const shapeChecked = new WeakSet<DocumentNode>();
  const admission = new Admission({
    budget: limits.inFlightCost,
    capacity: limits.inFlightTotalCost,
    maxQueued: limits.maxQueued,
    maxWaitMs: limits.maxQueueWaitMs,
  });
  return {
    async requestDidStart({ request }) {
      const overHttp = request.http !== undefined;
      let tooLarge = false;
      let release: (() => void) | undefined;
      // Access control's hook runs beside this one; when it refuses first, the response can
      // leave while this request still waits for admission: its place is then given back at once.
      let answered = false;
      return {
        async parsingDidStart() {
          return async (error) => {
            if (error && TOKEN_LIMIT_REACHED.test(error.message)) tooLarge = true;
          };
        },
        async validationDidStart() {
          return async (errors) => {
            if (limits.hideSuggestions && errors) hideSuggestions(errors as readonly GraphQLError[]);
          };
        },
        async didResolveOperation({ schema, document, operationName, request, contextValue }) {
          if (!overHttp) return;
          chooseOperation(document, request.operationName);
          if (!shapeChecked.has(document)) {
            checkDocumentShape(schema, document, limits);
            shapeChecked.add(document);
          }
          const { cost } = checkCost(schema, document, operationName, request.variables ?? {}, limits);
          recordCost(contextValue, cost);
          try {
            const admitted = await admission.acquire(
              rateLimitKey(contextValue.authorization, contextValue.clientAddress),
              cost,
            );
            if (answered) admitted();
            else release = admitted;
          } catch (error) {
            if (!(error instanceof AdmissionRefused)) throw error;
            throw limitRefusal("TOO_MANY_IN_FLIGHT", error.message, {
              limit: error.reason === "QUEUE_FULL" ? limits.maxQueued : limits.maxQueueWaitMs,
            });
          }
        },
        async willSendResponse({ response }) {
          answered = true;
          release?.();
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          if (tooLarge) {
            const refusal = tokenRefusal(limits);
            const { http: _http, ...extensions } = refusal.extensions;
            result.errors = [{ message: refusal.message, extensions }];
            response.http.status = statusOf("OPERATION_TOO_LARGE");
          }
          // Variable and enum coercion errors come later than validation and suggest too.
          if (limits.hideSuggestions && result.errors) {
            result.errors = result.errors.map((error) => ({
              ...error,
              message: withoutSuggestions(error.message),
            }));
          }
        },
      };
    },
  };
}

/** Apollo Server's parse options: the parser gives up at the token limit, before building anything. */
export const parseOptionsFor = (limits: OperationLimits) => ({ maxTokens: limits.maxTokens });
