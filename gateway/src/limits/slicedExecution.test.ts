import { getOperationAST, type OperationDefinitionNode, parse, print } from "graphql";
import { describe, expect, it } from "vitest";
import { mergeSlices, slicesOf } from "./slicedExecution";

const slices = (query: string, cost = 5_000) => {
  const document = parse(query);
  return slicesOf(document, getOperationAST(document) as OperationDefinitionNode, cost);
};

describe("slicing a large query by root field", () => {
  it("makes one document per response key, keeping variables and fragments", () => {
    const found = slices(`query Q($a: [String!]!, $b: [String!]!) { x: persons(personCodes: $a) { ...F }
      y: persons(personCodes: $b) { personCode } x: persons(personCodes: $a) { surname } } fragment F on Person { givenName }`);
    expect(found?.map((slice) => print(slice.document).replace(/\s+/g, " "))).toEqual([
      "query Q($a: [String!]!) { x: persons(personCodes: $a) { ...F } x: persons(personCodes: $a) { surname } } fragment F on Person { givenName }",
      "query Q($b: [String!]!) { y: persons(personCodes: $b) { personCode } } fragment F on Person { givenName }",
    ]);
    expect(found?.map((slice) => [...slice.variables])).toEqual([["a"], ["b"]]);
    expect(found?.map((slice) => slice.cost)).toEqual([2_500, 2_500]);
  });

  it("keeps whole a mutation, a single root field and root fragments", () => {
    expect(slices("mutation { a: __typename b: __typename }")).toBeNull();
    expect(slices("{ a: __typename }")).toBeNull();
    expect(slices("{ a: __typename ... on Query { b: __typename } }")).toBeNull();
  });

  it("merges answers in order, a null `data` of one slice making the whole `data` null", () => {
    const error = { message: "m", path: ["b"] } as never;
    expect(mergeSlices([{ data: { a: 1 } }, { data: { b: 2 }, errors: [error] }])).toEqual({
      data: { a: 1, b: 2 },
      errors: [error],
    });
    expect(mergeSlices([{ data: { a: 1 } }, { data: null, errors: [error] }])).toEqual({
      data: null,
      errors: [error],
    });
    // A request-level failure (no data at all) is answered as it is.
    expect(mergeSlices([{ errors: [error] }, { errors: [error] }])).toEqual({ errors: [error] });
  });
});
