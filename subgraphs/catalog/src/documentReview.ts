import { createHash } from "node:crypto";
import { Supergraph } from "@apollo/federation-internals";
import { badUserInput } from "@rnp/common";
import { dataGroupsOf, entryPointDisclosuresOf, fieldDataGroups, rootFieldsServedBy } from "@rnp/schema";
import {
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
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
 * Reviews documents against the supergraph clients see (its API schema) and its data-group
 * marks: exactly one named operation, a query whose root fields the person subgraph serves
 * or a subscription to `setChanges` alone; the data groups and group fields it touches.
 * A document that fails is BAD_USER_INPUT with a sentence saying what to change.
 */
export function createDocumentReviewer(supergraphSdl: string) {
  const apiSchema: GraphQLSchema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  const fieldGroups = fieldDataGroups(dataGroupsOf(supergraphSdl));
  const entryPoints = entryPointDisclosuresOf(supergraphSdl);
  const personRootFields = rootFieldsServedBy(supergraphSdl, "person");

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

  function checkRootFields(operation: OperationDefinitionNode) {
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
    const other = roots.find(
      (root) => root.name.value !== "__typename" && !personRootFields.has(root.name.value),
    );
    if (other || roots.length === 0) {
      throw badUserInput(
        `A composite data set reads persons: ${other ? `\`${other.name.value}\` is not a person field; ` : ""}use ${[...personRootFields].sort().join(", ")}.`,
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
    checkRootFields(operation);
    const groups = new Set<string>();
    const fields = new Set<string>();
    const typeInfo = new TypeInfo(apiSchema);
    // The whole document, fragments included: what it could select is what is reviewed.
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const parent = typeInfo.getParentType();
          if (!parent || node.name.value.startsWith("__")) return;
          const coordinate = `${parent.name}.${node.name.value}`;
          const group = fieldGroups.get(coordinate);
          if (group) {
            groups.add(group);
            fields.add(coordinate);
          }
          for (const disclosed of entryPoints.get(coordinate) ?? []) groups.add(disclosed);
        },
      }),
    );
    const stored = normalisedDocument(document);
    return {
      document: stored,
      operationName: operation.name!.value,
      operationType: operation.operation === "subscription" ? "SUBSCRIPTION" : "QUERY",
      documentHash: documentHashOf(stored),
      dataGroups: [...groups].sort(),
      fields: [...fields].sort(),
    };
  };
}

export type DocumentReviewer = ReturnType<typeof createDocumentReviewer>;
