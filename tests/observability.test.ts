import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { provisionRequester, syntheticRegistrationNumber } from "@rnp/platform/provision";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerChanges } from "./support/changes";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { type PartProcess, startPartProcess } from "./support/processes";
import { until } from "./support/wait";

/**
 * Metrics, logs and traces of the parts as separate processes, as production runs them:
 * every part logs JSON at `info`, exports spans to a local OTLP/HTTP receiver, and serves
 * `/metrics`.
 */
const INTERNAL_SIGNING_SECRET = "a-secret-for-the-observability-tests";
const OPERATOR_API_KEY = "rnp_operator_observability_test_key_0123456789";
const METRICS_TOKEN = "metrics-token-for-the-test";
let database: TestDatabase;
let sql: postgres.Sql;
let receiver: Server;
const spans: { name: string; traceId: string; service: string }[] = [];
const parts: Record<string, PartProcess> = {};

interface OtlpExport {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
    scopeSpans?: { spans?: { name: string; traceId: string }[] }[];
  }[];
}

beforeAll(async () => {
  database = await createTestDatabase("seeded");
  sql = postgres(database.url, { max: 1, onnotice: () => {} });
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      if (request.url === "/v1/traces") {
        for (const resource of (JSON.parse(body) as OtlpExport).resourceSpans ?? []) {
          const service =
            resource.resource?.attributes?.find((a) => a.key === "service.name")?.value.stringValue ?? "";
          for (const scope of resource.scopeSpans ?? []) {
            for (const span of scope.spans ?? [])
              spans.push({ name: span.name, traceId: span.traceId, service });
          }
        }
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const common = {
    DATABASE_URL: database.url,
    INTERNAL_SIGNING_SECRET,
    PORT: "0",
    LOG_LEVEL: "info",
    METRICS_TOKEN,
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`,
    OTEL_BSP_SCHEDULE_DELAY: "100",
  };
  for (const name of ["person", "catalog", "monitoring"]) {
    parts[name] = await startPartProcess(`subgraphs/${name}/src/index.ts`, common);
  }
  parts.gateway = await startPartProcess("gateway/src/index.ts", {
    ...common,
    OPERATOR_API_KEY,
    PERSON_SUBGRAPH_URL: parts.person!.url,
    CATALOG_SUBGRAPH_URL: parts.catalog!.url,
    MONITORING_SUBGRAPH_URL: parts.monitoring!.url,
  });
});

afterAll(async () => {
  for (const part of Object.values(parts)) part.child.kill("SIGKILL");
  await sql?.end();
  receiver?.close();
  await database?.drop();
});

/** The JSON log lines a part printed (its other output, e.g. "ready at", is skipped). */
function logLines(part: PartProcess): Record<string, unknown>[] {
  return part
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

async function scrape(part: PartProcess, token = METRICS_TOKEN) {
  return fetch(new URL("/metrics", part.url), { headers: { authorization: `Bearer ${token}` } });
}

describe("observability", () => {
  let requestId: string;
  let requesterId: string;

  it("logs a request's id in the gateway's and the subgraph's JSON lines, and traces it across both", async () => {
    const requester = await provisionRequester(parts.gateway!.url, OPERATOR_API_KEY, {
      name: "Novērotāju Banka AS",
      registrationNumber: syntheticRegistrationNumber(7),
      dataGroups: ["NAME", "ADDRESS"],
      purpose: "Observability test",
    });
    requesterId = requester.requesterId;
    const [person] = await sql`select person_code from person.persons where death_date is null limit 1`;
    const response = await fetch(parts.gateway!.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${requester.key}`,
        grant: requester.grantNumber,
        "x-request-id": "client-correlation-1",
      },
      body: JSON.stringify({
        query: "query OnePerson($code: String!) { person(personCode: $code) { givenName surname } }",
        variables: { code: person!.person_code },
      }),
    });
    const body = (await response.json()) as { data?: unknown; extensions: { requestId: string } };
    expect(body.data).toBeTruthy();
    requestId = body.extensions.requestId;

    for (const part of ["gateway", "person"]) {
      await until(
        () => logLines(parts[part]!).some((line) => line.requestId === requestId),
        `the ${part}'s log line`,
      );
    }
    const gatewayLine = logLines(parts.gateway!).find((line) => line.requestId === requestId);
    expect(gatewayLine).toMatchObject({
      part: "gateway",
      msg: "request answered",
      operationName: "OnePerson",
      requesterId: Number(requesterId),
      correlationId: "client-correlation-1",
      status: 200,
    });
    expect(typeof gatewayLine?.durationMs).toBe("number");
    const personLine = logLines(parts.person!).find((line) => line.requestId === requestId);
    expect(personLine).toMatchObject({ part: "person", msg: "request answered", status: 200 });
    expect(personLine?.requesterId).toBe(Number(requesterId));

    // One trace: the gateway's spans and the person subgraph's, joined by traceparent.
    const expected = ["gateway.http", "gateway.request", "gateway.fetch", "person.http"];
    // The person subgraph serves only the one query; its trace must hold the gateway's spans.
    const inPersonTrace = () => {
      const traceId = spans.find((span) => span.name === "person.http")?.traceId;
      return new Set(spans.filter((span) => span.traceId === traceId).map((span) => span.name));
    };
    await until(() => expected.every((name) => inPersonTrace().has(name)), "the four spans in one trace");
    expect(spans.find((span) => span.name === "person.http")?.service).toBe("rnp-person");
    expect(spans.find((span) => span.name === "gateway.request")?.service).toBe("rnp-gateway");
  });

  it("serves the named series on /metrics, only with the metrics token", async () => {
    // An error, counted by its code.
    await fetch(parts.gateway!.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer not-a-key" },
      body: JSON.stringify({ query: "query Refused { dataGroups { name } }" }),
    });
    expect((await scrape(parts.gateway!, "wrong")).status).toBe(401);
    const response = await scrape(parts.gateway!);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    const series = (name: string, labels: Record<string, string>) =>
      text
        .split("\n")
        .find(
          (line) =>
            line.startsWith(`${name}{`) &&
            Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`)),
        );
    const ok = series("rnp_graphql_requests_total", {
      operation: "OnePerson",
      requester: requesterId,
      status: "200",
    });
    expect(Number(ok?.split(" ").pop())).toBe(1);
    expect(series("rnp_graphql_request_duration_seconds_count", { operation: "OnePerson" })).toBeTruthy();
    expect(
      series("rnp_graphql_errors_total", { operation: "Refused", code: "UNAUTHENTICATED" }),
    ).toBeTruthy();
    expect(
      series("rnp_gateway_subgraph_request_duration_seconds_count", { subgraph: "person", outcome: "200" }),
    ).toBeTruthy();
    expect(
      Number(series("rnp_audit_write_duration_seconds_count", {})?.split(" ").pop()),
    ).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^rnp_audit_queue_length\{part="gateway"\} 0$/m);
    expect(text).toMatch(/^rnp_gateway_open_subscriptions\{part="gateway"\} 0$/m);
    expect(text).toMatch(/^rnp_process_resident_memory_bytes\{part="gateway"\} \d+/m);
  });

  it("reports the notifier's lag from the monitoring subgraph", async () => {
    const [person] = await sql`select person_code from person.persons limit 1`;
    await registerChanges(sql, [{ personCode: person!.person_code, dataGroups: ["ADDRESS"] }]);
    let lag: number | undefined;
    await until(async () => {
      const match = /^rnp_notifier_lag_seconds\{part="monitoring"\} (\S+)$/m.exec(
        await (await scrape(parts.monitoring!)).text(),
      );
      lag = match ? Number(match[1]) : undefined;
      return lag !== undefined;
    });
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(60);
  });
});
