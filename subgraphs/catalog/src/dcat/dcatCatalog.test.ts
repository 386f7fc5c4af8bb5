import { dataGroupsOf, loadSupergraphSdl } from "@rnp/schema";
import { describe, expect, it } from "vitest";
import type { DatasetRow, ProviderRow } from "../repositories/catalogRepository";
import { buildDcatCatalog } from "./dcatCatalog";

const dataGroups = dataGroupsOf(loadSupergraphSdl());
const provider = (id: number, code: string): ProviderRow => ({
  id,
  code,
  name: `Provider ${code}`,
  registrationNumber: `9000000000${id}`,
  description: "Provides.",
  contactEmail: `${code}@example.lv`,
});
const dataset = (id: number, code: string, groups: string[], providerId = 1): DatasetRow => ({
  id,
  code,
  name: `Dataset ${code}`,
  description: "Holds.",
  providerId,
  dataGroups: groups,
  createdAt: new Date(Date.UTC(2026, 0, id)),
});

type Node = Record<string, unknown> & { "@id": string };
const catalogOf = (document: Record<string, unknown>) => (document["@graph"] as Node[])[0]!;
const datasetsOf = (document: Record<string, unknown>) => catalogOf(document)["dcat:dataset"] as Node[];

describe("buildDcatCatalog", () => {
  const providers = [provider(2, "vzd"), provider(1, "pmlp")];
  const datasets = [dataset(2, "person-family", ["FAMILY"]), dataset(1, "person-address", ["ADDRESS"], 2)];

  it("gives the same document whatever order the rows come in", () => {
    const one = buildDcatCatalog({ baseUrl: "https://r.example.lv", providers, datasets, dataGroups });
    const other = buildDcatCatalog({
      baseUrl: "https://r.example.lv/",
      providers: [...providers].reverse(),
      datasets: [...datasets].reverse(),
      dataGroups,
    });
    expect(JSON.stringify(other)).toBe(JSON.stringify(one));
    expect(datasetsOf(one).map((node) => node["dct:identifier"])).toEqual([
      "person-address",
      "person-family",
    ]);
  });

  it("names each dataset's own provider as its publisher, and the first provider as the catalog's", () => {
    const document = buildDcatCatalog({ baseUrl: "https://r.example.lv", providers, datasets, dataGroups });
    expect((catalogOf(document)["dct:publisher"] as Node)["@id"]).toBe(
      "https://r.example.lv/catalog/dcat-ap.jsonld#agent-pmlp",
    );
    const [address] = datasetsOf(document);
    expect((address!["dct:publisher"] as Node)["foaf:name"]).toBe("Provider vzd");
  });

  it("themes addresses as regional too, and cites only legal bases that have an IRI", () => {
    const [address, family] = datasetsOf(
      buildDcatCatalog({ baseUrl: "https://r.example.lv", providers, datasets, dataGroups }),
    );
    const themes = (node: Node) =>
      (node["dcat:theme"] as Node[]).map((theme) => theme["@id"].split("/").at(-1));
    expect(themes(address!)).toEqual(["SOCI", "GOVE", "REGI"]);
    expect(themes(family!)).toEqual(["SOCI", "GOVE"]);
    const legislation = (address!["dcatap:applicableLegislation"] as Node[]).map((act) => act["@id"]);
    expect(legislation).toEqual([
      "https://likumi.lv/ta/id/296185",
      "http://data.europa.eu/eli/reg/2016/679/oj",
    ]);
  });

  it("leaves out a group the schema does not declare, rather than describing a field that is not served", () => {
    const [only] = datasetsOf(
      buildDcatCatalog({
        baseUrl: "https://r.example.lv",
        providers,
        datasets: [dataset(1, "odd", ["NAME", "NOT_A_GROUP"])],
        dataGroups,
      }),
    );
    const description = (only!["dct:description"] as { "@value": string })["@value"];
    expect(description).toContain("Data groups: NAME;");
    expect(description).not.toContain("NOT_A_GROUP");
    expect(description).toContain("Person.surname");
  });

  it("refuses to build a catalog without a provider to publish it", () => {
    expect(() =>
      buildDcatCatalog({ baseUrl: "https://r.example.lv", providers: [], datasets: [], dataGroups }),
    ).toThrow("seed the catalog first");
  });
});
