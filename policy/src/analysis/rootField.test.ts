import { buildSchema, execute, type GraphQLResolveInfo, parse } from "graphql";
import { describe, expect, it } from "vitest";
import type { DocumentNeeds } from "./analyseDocument";
import { accessMarksOfSchema } from "./marks";
import { analyseRootField } from "./rootField";

const schema = buildSchema(`
  directive @dataGroup(name: String!) on FIELD_DEFINITION
  type Query { ping: String }
  type Mutation {
    registerBirth(name: String!): Person!
    renameStreet(name: String!): Person!
  }
  type Person {
    personCode: String!
    surname: String @dataGroup(name: "NAME")
    birthDate: String @dataGroup(name: "BIRTH")
  }
`);
const marks = accessMarksOfSchema(schema);

/** Runs `source` and returns what each root field's resolver found it needs. */
function needsOfRootFields(source: string, variableValues?: Record<string, unknown>) {
  const seen = new Map<string, Readonly<DocumentNeeds>>();
  const resolver = (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
    seen.set(info.fieldName, analyseRootField(info, marks));
    return { personCode: "1" };
  };
  const result = execute({
    schema,
    document: parse(source),
    rootValue: { registerBirth: resolver, renameStreet: resolver },
    ...(variableValues ? { variableValues } : {}),
  });
  expect(result).toMatchObject({ data: expect.anything() });
  return seen;
}

describe("analyseRootField", () => {
  it("finds what one root field selects below it, fragments included, and not its neighbours", () => {
    const seen = needsOfRootFields(`mutation {
      registerBirth(name: "a") { personCode ...F }
      renameStreet(name: "b") { personCode }
    }
    fragment F on Person { birthDate }`);
    expect(Object.fromEntries(seen.get("registerBirth")!.groups)).toEqual({ BIRTH: "Person.birthDate" });
    expect(seen.get("renameStreet")!.groups.size).toBe(0);
  });

  it("follows the request's variables in @include", () => {
    const source = `mutation M($more: Boolean!) { registerBirth(name: "a") { surname @include(if: $more) } }`;
    expect(needsOfRootFields(source, { more: false }).get("registerBirth")!.groups.size).toBe(0);
    expect([...needsOfRootFields(source, { more: true }).get("registerBirth")!.groups.keys()]).toEqual([
      "NAME",
    ]);
  });
});
