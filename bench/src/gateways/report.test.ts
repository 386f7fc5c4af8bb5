import { describe, expect, it } from "vitest";
import { type LoadResult, medianRound } from "./load";
import { memoryOf } from "./memory";
import { BATCH_SIZE, type BenchCodes, requestBodies } from "./operations";
import { goals, markdownTable, type Results } from "./report";

const run = (rps: number, p50 = 10, peakMiB: number | null = 100): LoadResult => ({
  rps,
  p50,
  p99: p50 * 3,
  peakMiB,
  requests: rps * 10,
  failures: 0,
  failureDetail: "",
  statuses: { "200": rps * 10 },
});

describe("medianRound", () => {
  it("reports the median round with its own latencies and the highest peak of all rounds", () => {
    const median = medianRound([run(300, 30, 120), run(100, 10, 180), run(200, 20, null)]);
    expect(median.rps).toBe(200);
    expect(median.p50).toBe(20);
    expect(median.peakMiB).toBe(180);
  });
});

describe("goals", () => {
  const results = (thisRps: number, hiveRps: number, directRps: number): Results => ({
    date: "2026-12-02",
    machine: "test",
    options: {},
    tables: [
      {
        subgraphs: "ours",
        variables: "varied",
        rows: [{ operation: "one", this: run(thisRps, 10, 140), hive: run(hiveRps), direct: run(directRps) }],
      },
    ],
    limit: { ...run(1_000), statements: ["select 1"] },
    lifetimePeaks: [],
  });

  it("says met or not met with the figures each goal was judged on", () => {
    const judged = goals(results(400, 100, 450));
    const byGoal = (start: string) => judged.find((goal) => goal.goal.startsWith(start))!;
    expect(byGoal("this gateway ≥ 2 × Hive")).toMatchObject({ status: "met", detail: "one 4.00" });
    expect(byGoal("this gateway ≥ 0.8 × the person subgraph")).toMatchObject({
      status: "met",
      detail: "one 0.89",
    });
    expect(byGoal("person subgraph one-person")).toMatchObject({
      status: "not met",
      detail: "subgraph / limit 0.45",
    });
    expect(byGoal("this gateway's peak memory")).toMatchObject({ status: "met", detail: "peak MiB 140.00" });
  });

  it("says not measured for what a run left out, rather than met", () => {
    const judged = goals(results(150, 100, 450));
    expect(judged.find((goal) => goal.goal.startsWith("this gateway ≥ 2 × Hive"))!.status).toBe("not met");
    expect(judged.find((goal) => goal.goal.includes("with stub subgraphs"))!.status).toBe("not measured");
    expect(judged.find((goal) => goal.goal.startsWith("memory"))!.status).toBe("not measured");
  });

  it("puts the limit beside the one-person row of the varied table", () => {
    const { tables, limit } = results(400, 100, 450);
    const table = markdownTable(tables[0]!, limit);
    expect(table).toContain(
      "| one person (address, documents) | 400 req/s | 10 / 30 ms | 140 MiB | 100 req/s",
    );
    expect(table).toContain("| 4.00 | 450 req/s | 0.89 | 1000 req/s (subgraph 0.45) |");
  });
});

describe("requestBodies", () => {
  const codes: BenchCodes = {
    persons: Array.from({ length: 300 }, (_, i) => String(10_000_000_000 + i)),
    families: ["01017012345", "02027012345"],
  };

  it("gives every varied request other variables, and identical requests one body", () => {
    const varied = requestBodies("batch", codes, "varied");
    expect(new Set(varied).size).toBe(varied.length);
    expect(varied.length).toBeGreaterThan(10);
    for (const body of varied) expect(JSON.parse(body).variables.codes).toHaveLength(BATCH_SIZE);
    expect(requestBodies("one", codes, "identical")).toHaveLength(1);
    expect(requestBodies("family", codes, "varied").map((body) => JSON.parse(body).variables.code)).toEqual(
      codes.families,
    );
  });
});

describe("memoryOf", () => {
  it("reads a process's resident size and its peak from /proc", () => {
    const memory = memoryOf(process.pid);
    expect(memory).not.toBeNull();
    expect(memory!.rss).toBeGreaterThan(10);
    expect(memory!.hwm).toBeGreaterThanOrEqual(memory!.rss);
    expect(memoryOf(2 ** 22 + 1)).toBeNull();
  });
});
