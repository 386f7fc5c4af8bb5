import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { checkCost, operationCost } from "./cost";

const schema = buildSchema(`
  type Query {
    person(personCode: String!): Person
    persons(personCodes: [String!]!): [Person]!
    residents(addressCode: String!, first: Int = 100): PersonConnection!
  }
  type PersonConnection { totalCount: Int! nodes: [Person!]! }
  type Person { personCode: String! givenName: String! spouse: Person children: [Person!]! nameHistory: [Name!]! }
  type Name { surname: String! }
`);

const cost = (query: string, variables: Record<string, unknown> = {}) =>
  operationCost(schema, parse(query), undefined, variables, 10);

describe("operationCost", () => {
  it("counts persons by their codes, from literals or variables", () => {
    expect(cost(`{ persons(personCodes: ["a", "b", "c"]) { givenName } }`).cost).toBe(3);
    expect(
      cost("query ($cs: [String!]!) { persons(personCodes: $cs) { givenName } }", { cs: ["a", "b"] }).cost,
    ).toBe(2);
  });

  it("counts a connection's nodes by its page, with the field's default when first is left out", () => {
    expect(cost(`{ residents(addressCode: "1", first: 7) { totalCount nodes { givenName } } }`).cost).toBe(
      1 + 7,
    );
    expect(cost(`{ residents(addressCode: "1") { nodes { givenName } } }`).cost).toBe(1 + 100);
  });

  it("multiplies nested lists, with the default size for lists without a size argument", () => {
    expect(cost(`{ person(personCode: "a") { children { children { givenName } } } }`).cost).toBe(
      1 + 10 * (1 + 10),
    );
    expect(cost(`{ person(personCode: "a") { spouse { nameHistory { surname } } } }`).cost).toBe(1 + 1 + 10);
  });

  it("costs a fragment bomb by its expansion without expanding it", () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on Person { spouse { givenName } }`
        : `fragment F${i} on Person { ...F${i + 1} ... on Person { ...F${i + 1} } }`,
    ).join(" ");
    const measured = cost(`{ person(personCode: "a") { ...F0 } } ${fragments}`);
    expect(measured.cost).toBe(1 + 2 ** (levels - 1));
    expect(measured.selections).toBe(1 + 2 * 2 ** (levels - 1));
  });

  it("bounds the persons an operation can disclose, a connection's page even when no node is selected", () => {
    expect(
      cost(`{ a: persons(personCodes: ["a", "b"]) { __typename } b: person(personCode: "c") { givenName } }`)
        .persons,
    ).toBe(3);
    expect(cost(`{ residents(addressCode: "1", first: 7) { totalCount } }`).persons).toBe(7);
    expect(cost(`{ residents(addressCode: "1", first: 7) { nodes { spouse { givenName } } } }`).persons).toBe(
      14,
    );
    expect(cost(`{ person(personCode: "a") { children { nameHistory { surname } } } }`).persons).toBe(1 + 10);
  });

  it("refuses above the limits with the figure and the limit", () => {
    const document = parse(`{ persons(personCodes: ["a", "b"]) { children { givenName } } }`);
    const limits = { defaultListSize: 10, maxSelections: 100 };
    expect(checkCost(schema, document, undefined, {}, { ...limits, maxCost: 22 }).cost).toBe(22);
    let refusal: unknown;
    try {
      checkCost(schema, document, undefined, {}, { ...limits, maxCost: 21 });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({
      message: expect.stringContaining("could resolve 22 objects (its cost); the gateway accepts at most 21"),
      extensions: { code: "OPERATION_TOO_COSTLY", limit: 21, found: 22, http: { status: 400 } },
    });
  });
});
