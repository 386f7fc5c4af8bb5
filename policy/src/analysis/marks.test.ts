import { loadSupergraphSdl } from "@rnp/schema";
import { describe, expect, it } from "vitest";
import { accessMarksOf, entryPointGroupsOf, entryPointNeeds } from "./marks";

describe("accessMarksOf (the supergraph)", () => {
  const marks = accessMarksOf(loadSupergraphSdl());

  it("reads fields' groups, entry points and marked arguments", () => {
    expect(marks.fieldGroups.get("Person.surname")).toBe("NAME");
    expect(marks.entryPointGroups.get("Query.residents")).toEqual(["ADDRESS"]);
    expect(marks.entryPointGroups.get("Query.searchPersons(documentNumber:)")).toEqual(["DOCUMENTS"]);
  });

  it("person and monitoring root fields run under a grant; only person root fields read persons", () => {
    expect(marks.grantRootFields.has("Query.person")).toBe(true);
    expect(marks.grantRootFields.has("Query.monitoringSets")).toBe(true);
    expect(marks.personRootFields.has("Query.person")).toBe(true);
    expect(marks.personRootFields.has("Query.monitoringSets")).toBe(false);
    expect(marks.personRootFields.has("Query.dataGroups")).toBe(false);
  });
});

describe("entryPointNeeds", () => {
  const marks = {
    entryPointGroups: new Map([
      ["Query.residents", ["ADDRESS"]],
      ["Query.search(documentNumber:)", ["DOCUMENTS"]],
      ["Query.search(addressCode:)", ["ADDRESS"]],
    ]),
  };

  it("names the field or the argument that needs each group", () => {
    expect(entryPointNeeds(marks, "Query.search", ["documentNumber", "first"])).toEqual([
      { group: "DOCUMENTS", coordinate: "Query.search(documentNumber:)" },
    ]);
    expect(entryPointNeeds(marks, "Query.residents", ["addressCode"])).toEqual([
      { group: "ADDRESS", coordinate: "Query.residents" },
    ]);
  });

  it("gives each group once", () => {
    expect(
      entryPointGroupsOf(marks, "Query.search", ["addressCode", "documentNumber", "addressCode"]),
    ).toEqual(["ADDRESS", "DOCUMENTS"]);
  });
});
