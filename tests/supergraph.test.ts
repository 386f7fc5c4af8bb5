import { readFileSync } from "node:fs";
import {
  allDataGroupNames,
  composeSupergraph,
  dataGroupsOf,
  loadSupergraphSdl,
  subgraphSdl,
  supergraphPath,
} from "@rnp/schema";
import { Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { inLogOrder } from "../subgraphs/person/src/repositories/changes/index";

describe("the committed supergraph", () => {
  it("is what composing the subgraph SDL files gives now (run `pnpm compose` when this fails)", () => {
    expect(readFileSync(supergraphPath, "utf8")).toBe(composeSupergraph());
  });

  it("puts every Person field but the key into a data group", () => {
    const person = parse(subgraphSdl("person")).definitions.find(
      (d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === "Person",
    );
    if (person?.kind !== Kind.OBJECT_TYPE_DEFINITION) throw new Error("Person is not declared");
    const grouped = new Set(
      dataGroupsOf(loadSupergraphSdl()).flatMap((g) => g.fields.map((f) => f.coordinate)),
    );
    const ungrouped = (person.fields ?? [])
      .map((field) => `Person.${field.name.value}`)
      .filter((coordinate) => !grouped.has(coordinate));
    expect(ungrouped).toEqual(["Person.personCode"]);
  });

  it("gives the change log its data groups, listed in the supergraph's order", () => {
    expect(inLogOrder([...allDataGroupNames()].reverse())).toEqual(allDataGroupNames());
    expect(inLogOrder(["NAME", "PERSON_CODES"])).toEqual(["PERSON_CODES", "NAME"]);
    expect(() => inLogOrder(["NAMES"])).toThrow(/no data group NAMES/);
  });

  it("refuses a field marked with a group the catalog does not declare", () => {
    const sdl = loadSupergraphSdl().replace('@dataGroup(name: "DEATH")', '@dataGroup(name: "DEATHS")');
    expect(() => dataGroupsOf(sdl)).toThrow(/Person\.deceased is marked @dataGroup\(name: "DEATHS"\)/);
  });

  it("describes every type, field, argument and enum value of the public API", () => {
    const undocumented: string[] = [];
    for (const definition of parse(loadSupergraphSdl()).definitions) {
      if (!("name" in definition) || !definition.name || definition.name.value.includes("__")) continue;
      const name = definition.name.value;
      if (["link__Import", "link__Purpose", "join__FieldSet"].includes(name)) continue;
      if (definition.kind === Kind.DIRECTIVE_DEFINITION) continue;
      if (
        definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
        definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION
      ) {
        if (!["Query", "Mutation", "Subscription"].includes(name) && !definition.description)
          undocumented.push(name);
        for (const field of definition.fields ?? []) {
          if (!field.description) undocumented.push(`${name}.${field.name.value}`);
          for (const arg of "arguments" in field ? (field.arguments ?? []) : []) {
            if (!arg.description) undocumented.push(`${name}.${field.name.value}(${arg.name.value})`);
          }
        }
      }
      if (definition.kind === Kind.ENUM_TYPE_DEFINITION) {
        if (!definition.description) undocumented.push(name);
        for (const value of definition.values ?? []) {
          if (!value.description) undocumented.push(`${name}.${value.name.value}`);
        }
      }
    }
    expect(undocumented).toEqual([]);
  });
});
