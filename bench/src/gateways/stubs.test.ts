import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PartProcess, startPartProcess } from "../../../tests/support/processes";
import { startHiveGateway, supergraphFor } from "./hive";
import { measureLoad } from "./load";
import { memoryOf } from "./memory";
import { type BenchCodes, OPERATION_NAMES, requestBodies } from "./operations";

const codes: BenchCodes = {
  persons: ["16117519997", "01017012340", "02027012341"],
  families: ["16117519997"],
};
let stub: PartProcess;
let hive: PartProcess;

beforeAll(async () => {
  stub = await startPartProcess("bench/src/gateways/stubSubgraph.ts", { PORT: "0", STUB_SUBGRAPH: "person" });
  hive = await startHiveGateway({
    person: stub.url,
    catalog: "http://127.0.0.1:9/graphql",
    monitoring: "http://127.0.0.1:9/graphql",
  });
});
afterAll(async () => {
  await hive?.stop();
  await stub?.stop();
});

const post = async (url: string, body: string) =>
  (await (
    await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body })
  ).json()) as {
    data?: Record<string, unknown>;
    errors?: unknown[];
  };

describe("the supergraph Hive Gateway is given", () => {
  it("is the committed one with each subgraph's URL replaced", () => {
    const sdl = supergraphFor({ person: "http://127.0.0.1:1234/graphql" });
    expect(sdl).toContain('@join__graph(name: "person", url: "http://127.0.0.1:1234/graphql")');
    expect(sdl).toContain('@join__graph(name: "catalog", url: "http://127.0.0.1:4002/graphql")');
    expect(() => parse(sdl)).not.toThrow();
    expect(() => supergraphFor({ nowhere: "http://x" })).toThrow(/no @join__graph for the nowhere subgraph/);
  });
});

describe("the stub person subgraph behind Hive Gateway", () => {
  it("answers every benchmark operation with data, the same through Hive Gateway as direct", async () => {
    for (const operation of OPERATION_NAMES) {
      const [body] = requestBodies(
        operation,
        { ...codes, persons: Array(100).fill(codes.persons[0]) },
        "identical",
      );
      const direct = await post(stub.url, body!);
      expect(direct.errors, operation).toBeUndefined();
      expect(direct.data, operation).toBeTruthy();
      expect(await post(hive.url, body!), operation).toEqual(direct);
    }
    const family = (await post(stub.url, requestBodies("family", codes, "identical")[0]!)).data!.person as {
      surname: string;
      children: { children: unknown[] }[];
      mother: { surname: string };
    };
    // Realistic: gendered surnames, two levels of family.
    expect(family.surname).toMatch(/(š|s|a)$/);
    expect(family.children[0]!.children).toHaveLength(2);
  });

  it("runs Hive Gateway as one process whose memory can be read", () => {
    const memory = memoryOf(hive.child.pid!);
    expect(memory!.rss).toBeGreaterThan(20);
  });
});

describe("a load measurement", () => {
  it("fails with a sentence when answers carry GraphQL errors, rather than counting them as throughput", async () => {
    const bad = JSON.stringify({ query: "{ person(personCode: 1) { nope } }" });
    await expect(measureLoad({ url: stub.url, bodies: [bad], connections: 2, duration: 1 })).rejects.toThrow(
      /0 non-2xx answers .* and [1-9]\d* answers with GraphQL errors/,
    );
  });

  it("counts requests and samples the target's memory", async () => {
    const result = await measureLoad({
      url: stub.url,
      bodies: requestBodies("one", codes, "varied"),
      connections: 2,
      duration: 1,
      pid: stub.child.pid!,
    });
    expect(result.requests).toBeGreaterThan(0);
    expect(result.failures).toBe(0);
    expect(result.peakMiB).toBeGreaterThan(20);
  });
});
