import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { analyseDocument } from "./analyseDocument";
import { accessMarksOfSchema } from "./marks";

const schema = buildSchema(`
  directive @dataGroup(name: String!) on FIELD_DEFINITION
  directive @discloses(dataGroups: [String!]!) on FIELD_DEFINITION | ARGUMENT_DEFINITION
  directive @requiresRole(anyOf: [String!]!) on FIELD_DEFINITION
  type Query {
    person(personCode: String!): Person
    residents(addressCode: String!): [Person!]! @discloses(dataGroups: ["ADDRESS"])
    searchPersons(documentNumber: String @discloses(dataGroups: ["DOCUMENTS"]), surname: String @discloses(dataGroups: ["NAME"])): [Person!]!
    _service: String
  }
  type Mutation {
    registerBirth(name: String!): Person! @requiresRole(anyOf: ["OPERATOR", "REGISTRAR"])
  }
  type Person {
    personCode: String!
    surname: String @dataGroup(name: "NAME")
    birthDate: String @dataGroup(name: "BIRTH")
    address: String @dataGroup(name: "ADDRESS")
  }
`);
const marks = accessMarksOfSchema(schema);

describe("analyseDocument", () => {
  it("finds the groups of the fields selected, fragments and unused operations included", () => {
    const needs = analyseDocument(
      schema,
      parse(`
        query A($c: String!) { person(personCode: $c) { personCode ...Names } }
        query B($c: String!) { person(personCode: $c) { birthDate } }
        fragment Names on Person { surname }
      `),
      marks,
    );
    expect(Object.fromEntries(needs.groups)).toEqual({ NAME: "Person.surname", BIRTH: "Person.birthDate" });
    expect([...needs.fields].sort()).toEqual(["Person.birthDate", "Person.surname"]);
    expect(needs.needsGrant).toBe(true);
    expect(needs.readsPersons).toBe(true);
    expect([...needs.rootFields]).toEqual(["Query.person"]);
  });

  it("counts a marked argument when it is written, whatever its value, under the argument's coordinate", () => {
    const needs = analyseDocument(
      schema,
      parse("query Q($n: String) { searchPersons(documentNumber: $n) { personCode } }"),
      marks,
      { n: null },
    );
    expect(Object.fromEntries(needs.groups)).toEqual({ DOCUMENTS: "Query.searchPersons(documentNumber:)" });
    expect([...needs.fields]).toEqual([]);
    const unwritten = analyseDocument(schema, parse("{ searchPersons { personCode } }"), marks);
    expect(unwritten.groups.size).toBe(0);
  });

  it("counts an entry point's groups when it is selected at all", () => {
    const needs = analyseDocument(schema, parse('{ residents(addressCode: "1") { personCode } }'), marks);
    expect(Object.fromEntries(needs.groups)).toEqual({ ADDRESS: "Query.residents" });
  });

  it("lists the roles of restricted fields; a mutation of the person subgraph needs no grant by itself", () => {
    const needs = analyseDocument(
      schema,
      parse('mutation { registerBirth(name: "x") { personCode } }'),
      marks,
    );
    expect(Object.fromEntries(needs.roles)).toEqual({ "Mutation.registerBirth": ["OPERATOR", "REGISTRAR"] });
    expect(needs.needsGrant).toBe(false);
    expect(needs.readsPersons).toBe(false);
    expect([...needs.rootFields]).toEqual(["Mutation.registerBirth"]);
  });

  it("leaves out what a variable @include/@skip leaves out, and keeps literal conditions", () => {
    const document = parse(`query Q($c: String!, $more: Boolean!) {
      person(personCode: $c) { surname birthDate @include(if: $more) ... @skip(if: true) { address } }
    }`);
    const without = analyseDocument(schema, document, marks, { c: "1", more: false });
    expect([...without.groups.keys()]).toEqual(["NAME"]);
    const withMore = analyseDocument(schema, document, marks, { c: "1", more: true });
    expect([...withMore.groups.keys()]).toEqual(["NAME", "BIRTH"]);
    // Without variables the whole document counts.
    expect([...analyseDocument(schema, document, marks).groups.keys()]).toEqual(["NAME", "BIRTH", "ADDRESS"]);
  });

  it("walks a document once per schema and marks: the same document gives the same answer object", () => {
    const document = parse('{ person(personCode: "1") { surname } }');
    expect(analyseDocument(schema, document, marks)).toBe(analyseDocument(schema, document, marks, {}));
    expect(analyseDocument(schema, document, accessMarksOfSchema(schema))).not.toBe(
      analyseDocument(schema, document, marks),
    );
  });

  it("a document reading no person needs no grant", () => {
    const needs = analyseDocument(schema, parse("{ _service __typename }"), marks);
    expect(needs).toMatchObject({ needsGrant: false, readsPersons: false });
    expect([...needs.rootFields]).toEqual(["Query._service"]);
  });
});
