import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { IDENTITY_HEADER } from "@rnp/common";
import { buildSchema } from "graphql";
import jsonld from "jsonld";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "./support/platform";
import { post } from "./support/post";

// The catalog as DCAT-AP 3.0 JSON-LD: fetched without credentials, expanded with the
// `jsonld` library (no remote context may be needed), and checked for every mandatory
// property of catalogue, dataset and distribution, with IRIs where the profile wants IRIs.

const DCAT = "http://www.w3.org/ns/dcat#";
const DCT = "http://purl.org/dc/terms/";
const FOAF = "http://xmlns.com/foaf/0.1/";
const VCARD = "http://www.w3.org/2006/vcard/ns#";
const DCATAP = "http://data.europa.eu/r5r/";
const RDF_TYPE = "@type";
const EU = "http://publications.europa.eu/resource/authority";

type Value = { "@id"?: string; "@value"?: unknown; "@language"?: string; "@type"?: string };
type FlatNode = { "@id": string; "@type"?: string[] } & Record<string, Value[] | string | string[]>;

let platform: TestPlatform;
let origin: string;
let served: { status: number; contentType: string | null; text: string };
let nodes: Map<string, FlatNode>;

/** No remote document is ever loaded: the context is inline, and the machine is offline anyway. */
const documentLoader = async (url: string): Promise<never> => {
  throw new Error(`the document asked to load ${url}`);
};

/** The document expanded and flattened: one node per subject, every IRI and term written out. */
async function flatten(document: unknown): Promise<FlatNode[]> {
  const expanded = await jsonld.expand(document as jsonld.JsonLdDocument, { documentLoader });
  return (await jsonld.flatten(expanded, undefined, { documentLoader })) as unknown as FlatNode[];
}

beforeAll(async () => {
  platform = await startTestPlatform();
  origin = new URL(platform.gatewayUrl).origin;
  const response = await fetch(`${origin}/catalog/dcat-ap.jsonld`);
  served = {
    status: response.status,
    contentType: response.headers.get("content-type"),
    text: await response.text(),
  };
  const flat = await flatten(JSON.parse(served.text));
  nodes = new Map(flat.map((node) => [node["@id"], node]));
});
afterAll(() => platform?.stop());

const ofType = (type: string) => [...nodes.values()].filter((node) => node[RDF_TYPE]?.includes(type));
const values = (node: FlatNode, property: string) => (node[property] ?? []) as Value[];

/** At least one value, every value a literal with text (language-tagged or plain). */
function expectLiterals(node: FlatNode, property: string, min = 1) {
  const found = values(node, property);
  expect(found.length, `${node["@id"]} ${property}`).toBeGreaterThanOrEqual(min);
  for (const value of found) {
    expect(typeof value["@value"], `${node["@id"]} ${property} is a literal`).toBe("string");
    expect(String(value["@value"]).length).toBeGreaterThan(0);
  }
  return found.map((value) => String(value["@value"]));
}

/** At least one value, every value an absolute IRI (not a blank node, not a literal). */
function expectIris(node: FlatNode, property: string, min = 1) {
  const found = values(node, property);
  expect(found.length, `${node["@id"]} ${property}`).toBeGreaterThanOrEqual(min);
  for (const value of found) {
    expect(value["@id"], `${node["@id"]} ${property} is an IRI`).toMatch(/^(https?|mailto):/);
  }
  return found.map((value) => value["@id"]!);
}

/** The node an IRI-valued property points to, which the document must also describe. */
function described(iri: string, type: string): FlatNode {
  const node = nodes.get(iri);
  expect(node, `${iri} is described in the document`).toBeDefined();
  expect(node![RDF_TYPE]).toContain(type);
  return node!;
}

function expectAgent(iri: string) {
  const agent = described(iri, `${FOAF}Agent`);
  expectLiterals(agent, `${FOAF}name`);
  expectIris(agent, `${DCT}type`);
}

function expectContactPoint(iri: string) {
  const contact = described(iri, `${VCARD}Organization`);
  expectLiterals(contact, `${VCARD}fn`);
  expect(expectIris(contact, `${VCARD}hasEmail`)[0]).toMatch(/^mailto:.+@/);
}

describe("GET /catalog/dcat-ap.jsonld", () => {
  it("answers without credentials as application/ld+json", () => {
    expect(served.status).toBe(200);
    expect(served.contentType).toMatch(/^application\/ld\+json/);
  });

  it("describes one dcat:Catalog with its mandatory title, description and publisher, and a contact point", () => {
    const catalogs = ofType(`${DCAT}Catalog`);
    expect(catalogs).toHaveLength(1);
    const catalog = catalogs[0]!;
    expectLiterals(catalog, `${DCT}title`);
    expectLiterals(catalog, `${DCT}description`);
    const [publisher, ...more] = expectIris(catalog, `${DCT}publisher`);
    expect(more).toHaveLength(0);
    expectAgent(publisher!);
    expectContactPoint(expectIris(catalog, `${DCAT}contactPoint`)[0]!);
    expect(expectIris(catalog, `${DCAT}themeTaxonomy`)).toEqual([`${EU}/data-theme`]);
    expectIris(catalog, `${DCT}license`);
    const service = described(expectIris(catalog, `${DCAT}service`)[0]!, `${DCAT}DataService`);
    expectLiterals(service, `${DCT}title`);
    expect(expectIris(service, `${DCAT}endpointURL`)).toEqual([`${origin}/graphql`]);
  });

  it("lists every dataset of the catalog, each with the mandatory and the recommended properties", async () => {
    const catalog = ofType(`${DCAT}Catalog`)[0]!;
    const datasetIris = expectIris(catalog, `${DCAT}dataset`);
    const { body } = await post(
      platform.gatewayUrl,
      "{ datasets(first: 100) { totalCount nodes { code } } }",
    );
    const page = body.data?.datasets as { totalCount: number; nodes: { code: string }[] };
    expect(datasetIris).toHaveLength(page.totalCount);
    for (const iri of datasetIris) {
      const dataset = described(iri, `${DCAT}Dataset`);
      expectLiterals(dataset, `${DCT}title`);
      expectLiterals(dataset, `${DCT}description`);
      expect(page.nodes.map((node) => node.code)).toContain(expectLiterals(dataset, `${DCT}identifier`)[0]);
      expectAgent(expectIris(dataset, `${DCT}publisher`)[0]!);
      expectContactPoint(expectIris(dataset, `${DCAT}contactPoint`)[0]!);
      for (const theme of expectIris(dataset, `${DCAT}theme`)) expect(theme).toMatch(`${EU}/data-theme/`);
      expectLiterals(dataset, `${DCAT}keyword`, 2);
      expect(expectIris(dataset, `${DCT}accessRights`)).toEqual([`${EU}/access-right/RESTRICTED`]);
      expect(expectIris(dataset, `${DCT}conformsTo`)).toEqual([`${origin}/catalog/schema.graphql`]);
      expect(expectIris(dataset, `${DCATAP}applicableLegislation`)).toContain(
        "https://likumi.lv/ta/id/296185",
      );
      expectIris(dataset, `${DCAT}distribution`);
    }
  });

  it("gives every dataset a distribution whose access URL is the gateway's /graphql, with format and licence", () => {
    const distributions = ofType(`${DCAT}Distribution`);
    expect(distributions.length).toBe(ofType(`${DCAT}Dataset`).length);
    for (const distribution of distributions) {
      expect(expectIris(distribution, `${DCAT}accessURL`)).toEqual([`${origin}/graphql`]);
      expect(expectIris(distribution, `${DCT}format`)[0]).toMatch(`${EU}/file-type/`);
      const licence = described(expectIris(distribution, `${DCT}license`)[0]!, `${DCT}LicenseDocument`);
      expectLiterals(licence, `${DCT}title`);
      expect(expectIris(distribution, `${DCT}conformsTo`)).toEqual([`${origin}/catalog/schema.graphql`]);
      described(expectIris(distribution, `${DCAT}accessService`)[0]!, `${DCAT}DataService`);
    }
  });

  it("points at URLs that work: the SDL parses and the access URL answers GraphQL", async () => {
    const sdl = await fetch(`${origin}/catalog/schema.graphql`);
    expect(sdl.status).toBe(200);
    const schema = buildSchema(await sdl.text());
    expect(schema.getType("Person")).toBeDefined();
    const { status, body } = await post(`${origin}/graphql`, "{ dataGroups { name } }");
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it("is served by the catalog subgraph only to the gateway: a direct call is refused", async () => {
    const direct = new URL("/catalog/dcat-ap.jsonld?base=http://evil.example", platform.subgraphUrls.catalog);
    const response = await fetch(direct, { headers: { [IDENTITY_HEADER]: "forged" } });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });
});

describe("pnpm catalog:dcat", () => {
  const cli = fileURLToPath(new URL("../subgraphs/catalog/src/cli/catalogDcat.ts", import.meta.url));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", cli, ...args], {
      env: { ...process.env, DATABASE_URL: platform.databaseUrl, PUBLIC_BASE_URL: "" },
      encoding: "utf8",
    });

  it("prints the document the gateway serves, given the gateway's base URL", () => {
    const result = run("--base-url", origin);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(served.text));
  });

  it("writes it to a file with --out", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "rnp-dcat-"));
    try {
      const file = path.join(folder, "catalog.jsonld");
      const result = run("--base-url", origin, "--out", file);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toBe("");
      expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(JSON.parse(served.text));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("explains itself with --help and refuses a base URL that is not http(s) with exit code 2", () => {
    const help = run("--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--base-url");
    const bad = run("--base-url", "ftp://register");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--base-url must be an http(s) URL");
  });
});
