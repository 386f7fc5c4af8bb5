import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "./support/platform";

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

describe("catalog through the gateway", () => {
  it("lists data groups with the fields derived from the schema and the subgraph that serves them", async () => {
    const result = await platform.query<{
      dataGroups: {
        name: string;
        description: string;
        subgraph: string;
        fields: { coordinate: string; type: string }[];
      }[];
    }>("{ dataGroups { name description subgraph fields { coordinate type } } }");
    expect(result.errors).toBeUndefined();
    const groups = new Map(result.data!.dataGroups.map((g) => [g.name, g]));
    expect([...groups.keys()].sort()).toEqual(
      ["ADDRESS", "BIRTH", "CITIZENSHIP", "DEATH", "DOCUMENTS", "FAMILY", "NAME", "PERSON_CODES"].sort(),
    );
    expect(groups.get("ADDRESS")!.fields).toContainEqual({
      coordinate: "Person.declaredAddress",
      type: "DeclaredAddress",
    });
    expect(groups.get("NAME")!.fields.map((f) => f.coordinate)).toContain("Person.surname");
    for (const group of groups.values()) {
      expect(group.subgraph).toBe("person");
      expect(group.description.length).toBeGreaterThan(10);
      expect(group.fields.length).toBeGreaterThan(0);
    }
  });

  it("pages through datasets and resolves their provider and groups", async () => {
    const first = await platform.query<{
      datasets: {
        nodes: { code: string; provider: { code: string }; dataGroups: { name: string }[] }[];
        endCursor: string;
        hasNextPage: boolean;
        totalCount: number;
      };
    }>(
      "{ datasets(first: 2) { nodes { code provider { code } dataGroups { name } } endCursor hasNextPage totalCount } }",
    );
    expect(first.errors).toBeUndefined();
    const page = first.data!.datasets;
    expect(page.nodes).toHaveLength(2);
    expect(page.hasNextPage).toBe(true);
    expect(page.nodes[0]!.provider.code).toBe("pmlp");
    const rest = await platform.query<{ datasets: { nodes: { code: string }[]; hasNextPage: boolean } }>(
      "query ($after: String) { datasets(first: 100, after: $after) { nodes { code } hasNextPage } }",
      { after: page.endCursor },
    );
    const all = [...page.nodes.map((n) => n.code), ...rest.data!.datasets.nodes.map((n) => n.code)];
    expect(all).toHaveLength(page.totalCount);
    expect(new Set(all).size).toBe(all.length);
    expect(rest.data!.datasets.hasNextPage).toBe(false);
  });

  it("refuses a page size out of range with BAD_USER_INPUT", async () => {
    const result = await platform.query("{ datasets(first: 0) { totalCount } }");
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("gateway HTTP", () => {
  const base = () => platform.gatewayUrl.replace(/\/graphql$/, "");

  it("answers live and ready, checking each subgraph and its database", async () => {
    const live = await fetch(`${base()}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${base()}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      ready: true,
      checks: { person: { ok: true }, catalog: { ok: true }, monitoring: { ok: true } },
    });
  });

  it("serves Apollo Sandbox as the landing page in development", async () => {
    const response = await fetch(platform.gatewayUrl, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("embeddable-sandbox");
  });

  it("answers introspection in development", async () => {
    const result = await platform.query<{ __schema: { queryType: { name: string } } }>(
      "{ __schema { queryType { name } } }",
    );
    expect(result.data?.__schema.queryType.name).toBe("Query");
  });

  it("refuses a body that is not JSON with a GraphQL error, and keeps serving", async () => {
    const response = await fetch(platform.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{ not json",
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe("BAD_REQUEST");
    const after = await platform.query("{ dataGroups { name } }");
    expect(after.errors).toBeUndefined();
  });

  it("reports a field that does not exist as GRAPHQL_VALIDATION_FAILED", async () => {
    const result = await platform.query('{ person(personCode: "161175-19997") { shoeSize } }');
    expect(result.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
