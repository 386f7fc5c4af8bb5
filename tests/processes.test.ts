import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { type PartProcess, startPartProcess } from "./support/processes";

const INTERNAL_SIGNING_SECRET = "a-secret-for-the-process-tests";
let database: TestDatabase;
const parts: PartProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase("seeded");
});
afterAll(async () => {
  for (const part of parts) part.child.kill("SIGKILL");
  await database?.drop();
});

describe("each part as its own process", () => {
  it("runs subgraphs and a production gateway from the environment, then stops cleanly on SIGTERM", async () => {
    const person = await startPartProcess("subgraphs/person/src/index.ts", {
      DATABASE_URL: database.url,
      INTERNAL_SIGNING_SECRET,
      PORT: "0",
    });
    parts.push(person);
    const catalog = await startPartProcess("subgraphs/catalog/src/index.ts", {
      DATABASE_URL: database.url,
      INTERNAL_SIGNING_SECRET,
      PORT: "0",
    });
    parts.push(catalog);
    const monitoring = await startPartProcess("subgraphs/monitoring/src/index.ts", {
      DATABASE_URL: database.url,
      INTERNAL_SIGNING_SECRET,
      PORT: "0",
    });
    parts.push(monitoring);
    const gateway = await startPartProcess("gateway/src/index.ts", {
      PORT: "0",
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      INTERNAL_SIGNING_SECRET,
      PERSON_SUBGRAPH_URL: person.url,
      CATALOG_SUBGRAPH_URL: catalog.url,
      MONITORING_SUBGRAPH_URL: monitoring.url,
    });
    parts.push(gateway);

    const post = async (query: string) =>
      (await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      }).then((r) => r.json())) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };

    const data = await post("{ dataGroups { name } }");
    expect(data.errors).toBeUndefined();
    // Production mode: no introspection and no Sandbox.
    const introspection = await post("{ __schema { types { name } } }");
    expect(introspection.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const landing = await fetch(gateway.url, { headers: { accept: "text/html" } });
    expect(await landing.text()).not.toContain("embeddable-sandbox");

    const ready = await fetch(new URL("/health/ready", gateway.url));
    expect(ready.status).toBe(200);

    for (const part of [gateway, monitoring, catalog, person]) {
      expect(await part.stop()).toBe(0);
      expect(part.output()).toContain("SIGTERM received: draining requests");
    }
    await expect(fetch(gateway.url)).rejects.toThrow();
  });

  it("reports the gateway not ready while a subgraph is down", async () => {
    const person = await startPartProcess("subgraphs/person/src/index.ts", {
      DATABASE_URL: database.url,
      INTERNAL_SIGNING_SECRET,
      PORT: "0",
    });
    parts.push(person);
    const gateway = await startPartProcess("gateway/src/index.ts", {
      PORT: "0",
      DATABASE_URL: database.url,
      INTERNAL_SIGNING_SECRET,
      PERSON_SUBGRAPH_URL: person.url,
      CATALOG_SUBGRAPH_URL: "http://127.0.0.1:1/graphql",
    });
    parts.push(gateway);
    const ready = await fetch(new URL("/health/ready", gateway.url));
    expect(ready.status).toBe(503);
    const report = (await ready.json()) as {
      ready: boolean;
      checks: Record<string, { ok: boolean; detail?: string }>;
    };
    expect(report.ready).toBe(false);
    expect(report.checks.person).toEqual({ ok: true });
    expect(report.checks.catalog?.ok).toBe(false);
    expect(report.checks.catalog?.detail).toContain("unreachable");
    await gateway.stop();
    await person.stop();
  });
});
