import { echo } from "@rnp/common";
import { refusal } from "@rnp/policy/errors";
import { type DocumentNode, Kind, type OperationDefinitionNode } from "graphql";

/** Most operation names a refusal lists; a document may hold thousands. */
const LISTED_NAMES = 10;

function operationsOf(document: DocumentNode): OperationDefinitionNode[] {
  return document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
}

function namesOf(operations: readonly OperationDefinitionNode[]): string {
  const names = operations.map((operation) => operation.name?.value ?? "(unnamed)");
  const listed = names.slice(0, LISTED_NAMES).join(", ");
  return names.length > LISTED_NAMES ? `${listed} and ${names.length - LISTED_NAMES} more` : listed;
}

/**
 * Which operation of the document runs, decided before anything else looks at it: the
 * answers a client can act on, each with its own code and HTTP 400, instead of the query
 * planner's exception (which Apollo Server would answer as an internal error):
 * - several operations and no `operationName`: OPERATION_NAME_REQUIRED, naming them;
 * - an `operationName` the document does not have (also a composite data set's id sent with
 *   another set's operation name): OPERATION_NAME_MISMATCH, naming the ones it has;
 * - a subscription over HTTP: SUBSCRIPTION_NEEDS_WEBSOCKET, saying where subscriptions run.
 * Returns the operation; throws the refusal.
 */
export function chooseOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
): OperationDefinitionNode {
  const operations = operationsOf(document);
  let chosen: OperationDefinitionNode | undefined;
  if (operationName) {
    chosen = operations.find((operation) => operation.name?.value === operationName);
    if (!chosen) {
      throw refusal(
        "OPERATION_NAME_MISMATCH",
        `The document has no operation named "${echo(operationName)}"; it has ${namesOf(operations)}. Send one of these as \`operationName\`, or leave \`operationName\` out when the document has one operation.`,
      );
    }
  } else if (operations.length === 1) {
    chosen = operations[0];
  } else {
    throw refusal(
      "OPERATION_NAME_REQUIRED",
      `The document has ${operations.length} operations (${namesOf(operations)}): send the one to run as \`operationName\`.`,
      { operations: operations.length },
    );
  }
  if (!chosen) throw refusal("OPERATION_NAME_REQUIRED", "The document has no operation to run.");
  if (chosen.operation === "subscription") {
    throw refusal(
      "SUBSCRIPTION_NEEDS_WEBSOCKET",
      "Subscriptions run over graphql-ws (subprotocol `graphql-transport-ws`) on this same /graphql URL (ws:// or wss://); HTTP serves queries and mutations. See docs/PROTOCOL.md.",
    );
  }
  return chosen;
}
