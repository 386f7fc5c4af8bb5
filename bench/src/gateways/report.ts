import type { LoadResult } from "./load";
import { OPERATIONS, type OperationName, type Variables } from "./operations";

export type Subgraphs = "ours" | "stubs";

/** One operation measured through both gateways and against the subgraph itself. */
export interface Row {
  operation: OperationName;
  this: LoadResult;
  hive: LoadResult;
  direct: LoadResult;
}

export interface Table {
  subgraphs: Subgraphs;
  variables: Variables;
  rows: Row[];
}

export interface SoakResult {
  connections: number;
  duration: number;
  settle: number;
  load: LoadResult;
  beforeMiB: number | null;
  peakMiB: number | null;
  afterMiB: number | null;
}

export interface Results {
  date: string;
  machine: string;
  options: Record<string, unknown>;
  tables: Table[];
  /** The raw-SQL limit of the one-person query, with the statements replayed for one request. */
  limit?: LoadResult & { statements: string[] };
  soak?: SoakResult;
  /** Lifetime peak (VmHWM) of each gateway process, MiB, by process. */
  lifetimePeaks: { label: string; hwmMiB: number | null }[];
}

const fixed = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined || !Number.isFinite(value) ? "–" : value.toFixed(digits);
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? fixed(a / b, 2) : "–");

const SUBGRAPHS_TITLE: Record<Subgraphs, string> = {
  ours: "our subgraphs (person subgraph on PostgreSQL)",
  stubs: "in-memory stub subgraphs (fixed data, no database)",
};

/** A table per operation set, in the form of issue 10's, in markdown. */
export function markdownTable(table: Table, limit: Results["limit"]): string {
  const direct = table.subgraphs === "ours" ? "person subgraph direct" : "stub subgraph direct";
  const lines = [
    `**${SUBGRAPHS_TITLE[table.subgraphs]}, ${table.variables} variables**`,
    "",
    `| operation | this gateway | p50 / p99 | peak | Hive Gateway | p50 / p99 | peak | this / Hive | ${direct} | this / direct | raw-SQL limit |`,
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const row of table.rows) {
    const showLimit =
      limit && row.operation === "one" && table.subgraphs === "ours" && table.variables === "varied";
    lines.push(
      `| ${OPERATIONS[row.operation].label} | ${fixed(row.this.rps)} req/s | ${row.this.p50} / ${row.this.p99} ms | ${fixed(row.this.peakMiB)} MiB | ${fixed(row.hive.rps)} req/s | ${row.hive.p50} / ${row.hive.p99} ms | ${fixed(row.hive.peakMiB)} MiB | ${ratio(row.this.rps, row.hive.rps)} | ${fixed(row.direct.rps)} req/s | ${ratio(row.this.rps, row.direct.rps)} | ${showLimit ? `${fixed(limit.rps)} req/s (subgraph ${ratio(row.direct.rps, limit.rps)})` : ""} |`,
    );
  }
  return lines.join("\n");
}

export interface Goal {
  goal: string;
  status: "met" | "not met" | "not measured";
  detail: string;
}

function judge(
  goal: string,
  checks: { label: string; value: number | null; min?: number; max?: number }[],
): Goal {
  const measured = checks.filter((check) => check.value !== null && Number.isFinite(check.value));
  if (measured.length === 0) return { goal, status: "not measured", detail: "" };
  const ok = measured.every(
    (check) =>
      (check.min === undefined || check.value! >= check.min) &&
      (check.max === undefined || check.value! <= check.max),
  );
  return {
    goal,
    status: ok ? "met" : "not met",
    detail: measured.map((check) => `${check.label} ${fixed(check.value, 2)}`).join(", "),
  };
}

/** Issue 10's goals, each met / not met with the figures it was judged on. */
export function goals(results: Results): Goal[] {
  const table = (subgraphs: Subgraphs, variables: Variables) =>
    results.tables.find((t) => t.subgraphs === subgraphs && t.variables === variables);
  const hiveRatios = (t: Table | undefined, min: number, prefix: string) =>
    (t?.rows ?? []).map((row) => ({
      label: `${prefix}${row.operation}`,
      value: row.this.rps / row.hive.rps,
      min,
    }));
  const oursVaried = table("ours", "varied");
  const oneDirect = oursVaried?.rows.find((row) => row.operation === "one")?.direct.rps;
  const ourPeaks = [
    ...results.tables.flatMap((t) => t.rows.map((row) => row.this.peakMiB)),
    results.soak?.peakMiB ?? null,
  ].filter((peak): peak is number => peak !== null);
  const soak = results.soak;
  return [
    judge(
      "this gateway ≥ 2 × Hive Gateway over our subgraphs (varied variables)",
      hiveRatios(oursVaried, 2, ""),
    ),
    judge("this gateway ≥ 1.5 × Hive Gateway with stub subgraphs and with identical variables", [
      ...hiveRatios(table("stubs", "varied"), 1.5, "stubs varied "),
      ...hiveRatios(table("stubs", "identical"), 1.5, "stubs identical "),
      ...hiveRatios(table("ours", "identical"), 1.5, "ours identical "),
    ]),
    judge(
      "this gateway ≥ 0.8 × the person subgraph direct (varied variables)",
      (oursVaried?.rows ?? []).map((row) => ({
        label: row.operation,
        value: row.this.rps / row.direct.rps,
        min: 0.8,
      })),
    ),
    judge("person subgraph one-person req/s ≥ 0.5 × the raw-SQL limit", [
      {
        label: "subgraph / limit",
        value: oneDirect && results.limit ? oneDirect / results.limit.rps : null,
        min: 0.5,
      },
    ]),
    judge("this gateway's peak memory under load ≤ 150 MiB", [
      { label: "peak MiB", value: ourPeaks.length ? Math.max(...ourPeaks) : null, max: 150 },
    ]),
    judge(
      `memory ${soak?.settle ?? 30} s after the soak (${soak?.duration ?? 60} s at ${soak?.connections ?? 200} connections, access control on) within 20 % of before`,
      [
        {
          label: `after / before (${fixed(soak?.beforeMiB)} → peak ${fixed(soak?.peakMiB)} → ${fixed(soak?.afterMiB)} MiB)`,
          value: soak?.beforeMiB && soak.afterMiB ? soak.afterMiB / soak.beforeMiB : null,
          max: 1.2,
        },
      ],
    ),
  ];
}

/** Everything as printed: the tables, the limit, the soak, the goals. */
export function printReport(results: Results, print: (line: string) => void = console.log): void {
  print(`\n## Gateway benchmark, ${results.date}\n\n${results.machine}\n`);
  for (const table of results.tables) print(`${markdownTable(table, results.limit)}\n`);
  if (results.limit) {
    print(
      `raw-SQL limit of the one-person query: ${fixed(results.limit.rps)} req/s, p50 ${results.limit.p50} ms, p99 ${results.limit.p99} ms; ${results.limit.statements.length} statements a request, prepared, through postgres:`,
    );
    for (const statement of results.limit.statements) print(`  ${statement.replace(/\s+/g, " ")}`);
    print("");
  }
  if (results.soak) {
    const { soak } = results;
    const statuses = Object.entries(soak.load.statuses)
      .map(([status, count]) => `${count} × ${status}`)
      .join(", ");
    print(
      `soak, this gateway with access control and audit on: ${soak.duration} s at ${soak.connections} connections, ${fixed(soak.load.rps)} req/s, p50 ${soak.load.p50} ms, p99 ${soak.load.p99} ms, ${soak.load.failures} failed${soak.load.failures ? ` (${soak.load.failureDetail})` : ""}, answers by status: ${statuses}; RSS before ${fixed(soak.beforeMiB)} MiB, peak ${fixed(soak.peakMiB)} MiB, ${soak.settle} s after ${fixed(soak.afterMiB)} MiB\n`,
    );
  }
  for (const peak of results.lifetimePeaks)
    print(`lifetime peak (VmHWM) of ${peak.label}: ${fixed(peak.hwmMiB)} MiB`);
  print("\nGoals of issue 10:");
  for (const goal of goals(results)) {
    print(
      `- ${goal.status === "met" ? "met" : goal.status === "not met" ? "NOT MET" : "not measured"}: ${goal.goal}${goal.detail ? ` (${goal.detail})` : ""}`,
    );
  }
}
