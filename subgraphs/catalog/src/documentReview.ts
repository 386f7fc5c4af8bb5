import { createHash } from "node:crypto";
import { Supergraph } from "@apollo/federation-internals";
import { badUserInput } from "@rnp/common";
import { accessMarksOf, analyseDocument, type DocumentNeeds } from "@rnp/policy/analysis";
import {
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  validate,
} from "graphql";

/** What the review of a composite set's document found. */
export interface ReviewedDocument {
  /** The document in the form it is stored and executed: printed, top-level definitions sorted. */
  document: string;
  operationName: string;
  operationType: "QUERY" | "SUBSCRIPTION";
  /** Hex SHA-256 of `document`: the version's id on the wire. */
  documentHash: string;
  dataGroups: string[];
  fields: string[];
}

/** Tokens a composite set's document may have; reviewed documents are operations, not dumps. */
const MAX_TOKENS = 5_000;

/** The hex SHA-256 of a document's text (UTF-8), as Apollo's persisted queries compute it. */
export function documentHashOf(document: string): string {
  return createHash("sha256").update(document).digest("hex");
}

/**
 * The document as Apollo's tools print it (`@apollo/generate-persisted-query-manifest`,
 * `sortTopLevelDefinitions` of `@apollo/persisted-query-lists`): operations before
 * fragments, each kind by name, then `print`. A client that builds the same operation
 * computes the same hash, and the manifest's body matches what Apollo Client verifies.
 */
export function normalisedDocument(document: DocumentNode): string {
  const nameOf = (d: DocumentNode["definitions"][number]) =>
    d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION ? (d.name?.value ?? "") : "";
  const definitions = [...document.definitions].sort((a, b) => {
    if (a.kind !== b.kind) return a.kind > b.kind ? -1 : 1;
    const [x, y] = [nameOf(a), nameOf(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return print({ ...document, definitions });
}

/**
 * Reviews documents against the supergraph clients see (its API schema) and its access
 * marks: exactly one named operation, a query whose root fields the person subgraph serves
 * or a subscription to `setChanges` alone; the data groups it needs (of the fields it
 * selects and of the marked arguments it writes, found as the gateway finds them when the
 * set runs) and the group fields it selects. A document that fails is BAD_USER_INPUT with a
 * sentence saying what to change.
 */
export function createDocumentReviewer(supergraphSdl: string) {
  const apiSchema: GraphQLSchema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  const marks = accessMarksOf(supergraphSdl);
  const personRootFields = [...marks.personRootFields]
    .map((coordinate) => coordinate.slice("Query.".length))
    .sort()
    .join(", ");

  function operationOf(document: DocumentNode): OperationDefinitionNode {
    const operations = document.definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    const [operation] = operations;
    if (operations.length !== 1 || !operation) {
      throw badUserInput(
        `The document has ${operations.length} operations; a composite data set is exactly one named operation.`,
      );
    }
    if (!operation.name) {
      throw badUserInput("Name the operation (e.g. `query CustomerCheck($code: String!) { … }`).");
    }
    return operation;
  }

  /** The form of a composite set: root fields selected directly, a query or a `setChanges` subscription. */
  function checkRootFields(operation: OperationDefinitionNode, needs: Readonly<DocumentNeeds>) {
    const roots = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
    if (roots.length !== operation.selectionSet.selections.length) {
      throw badUserInput("Select the root fields directly, without fragments at the top level.");
    }
    if (operation.operation === "subscription") {
      if (roots.length !== 1 || roots[0]?.name.value !== "setChanges") {
        throw badUserInput("A subscription set subscribes to exactly one field, `setChanges`.");
      }
      return;
    }
    if (operation.operation !== "query") {
      throw badUserInput("A composite data set is a query or a `setChanges` subscription, not a mutation.");
    }
    const other = [...needs.rootFields].find((coordinate) => !marks.personRootFields.has(coordinate));
    if (other || !needs.readsPersons) {
      throw badUserInput(
        `A composite data set reads persons: ${other ? `\`${other.slice("Query.".length)}\` is not a person field; ` : ""}use ${personRootFields}.`,
      );
    }
  }

  return function reviewDocument(text: string): ReviewedDocument {
    let document: DocumentNode;
    try {
      document = parse(text, { maxTokens: MAX_TOKENS });
    } catch (error) {
      throw badUserInput(
        `The document is not valid GraphQL: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const errors = validate(apiSchema, document);
    if (errors.length > 0) {
      throw badUserInput(
        `The document does not validate against the register's schema: ${errors
          .slice(0, 3)
          .map((e) => e.message)
          .join(" ")}`,
      );
    }
    const operation = operationOf(document);
    // The whole document, fragments included: what it could select is what is reviewed.
    const needs = analyseDocument(apiSchema, document, marks);
    checkRootFields(operation, needs);
    const stored = normalisedDocument(document);
    return {
      document: stored,
      operationName: operation.name!.value,
      operationType: operation.operation === "subscription" ? "SUBSCRIPTION" : "QUERY",
      documentHash: documentHashOf(stored),
      dataGroups: [...needs.groups.keys()].sort(),
      fields: [...needs.fields].sort(),
    };
  };
}

export type DocumentReviewer = ReturnType<typeof createDocumentReviewer>;
