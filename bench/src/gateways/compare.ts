import { isDeepStrictEqual } from "node:util";
import type { PartProcess } from "../../../tests/support/processes";
import type { Processes } from "./lifecycle";
import { type LoadResult, measureLoad, medianRound } from "./load";
import { memoryOf } from "./memory";
import { type BenchCodes, OPERATIONS, type OperationName, requestBodies, type Variables } from "./operations";
import type { Results, Row, Subgraphs, Table } from "./report";

export interface CompareOptions {
  processes: Processes;
  databaseUrl: string;
  signingSecret: string;
  codes: BenchCodes;
  operations: OperationName[];
  variables: Variables[];
  connections: number;
  duration: number;
  rounds: number;
  warmup: number;
  log: (line: string) => void;
}

/** Where the subgraphs the operations never reach point: a closed port, so a stray call fails loudly. */
const UNUSED_SUBGRAPH = "http://127.0.0.1:9/graphql";

async function answer(url: string, body: string): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  const text = await response.text();
  let parsed: { data?: unknown; errors?: unknown };
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${url} answered HTTP ${response.status} with no JSON: ${text.slice(0, 200)}`);
  }
  if (!response.ok || parsed.errors || !parsed.data) {
    throw new Error(`${url} answered HTTP ${response.status}: ${text.slice(0, 400)}`);
  }
  return parsed.data;
}

/**
 * Before anything is measured: each operation once through both gateways and to the subgraph
 * directly; all three must answer the same data without errors, or the figures would compare
 * different work.
 */
async function checkSameAnswers(targets: Record<string, PartProcess>, body: string, label: string) {
  const answers = await Promise.all(Object.values(targets).map((target) => answer(target.url, body)));
  const [first, ...others] = answers;
  others.forEach((other, i) => {
    if (!isDeepStrictEqual(first, other)) {
      const names = Object.keys(targets);
      throw new Error(
        `${label}: ${names[i + 1]} answered other data than ${names[0]}:\n${JSON.stringify(other).slice(0, 400)}\n${JSON.stringify(first).slice(0, 400)}`,
      );
    }
  });
}

/**
 * One comparison: the subgraphs (ours on PostgreSQL, or the in-memory stubs), this gateway
 * and Hive Gateway in front of them (each its own process, access control off), then every
 * operation with every kind of variables, each target in turn within a round so that a
 * machine that slows down slows all three alike. Stops what it started before it returns.
 */
export async function compareGateways(
  subgraphs: Subgraphs,
  options: CompareOptions,
): Promise<{ tables: Table[]; lifetimePeaks: Results["lifetimePeaks"] }> {
  const { processes, log } = options;
  const common = {
    DATABASE_URL: options.databaseUrl,
    PORT: "0",
    INTERNAL_SIGNING_SECRET: options.signingSecret,
    ACCESS_CONTROL: "off",
  };
  const person =
    subgraphs === "ours"
      ? await processes.start("subgraphs/person/src/index.ts", common)
      : await processes.start("bench/src/gateways/stubSubgraph.ts", { PORT: "0", STUB_SUBGRAPH: "person" });
  const urls = { person: person.url, catalog: UNUSED_SUBGRAPH, monitoring: UNUSED_SUBGRAPH };
  const ours = await processes.start("gateway/src/index.ts", {
    ...common,
    // The load generator is one client: its throughput, not the rate limit, is measured.
    RATE_LIMIT_PER_MINUTE: "1000000000",
    PERSON_SUBGRAPH_URL: urls.person,
    CATALOG_SUBGRAPH_URL: urls.catalog,
    MONITORING_SUBGRAPH_URL: urls.monitoring,
  });
  const hive = await processes.startHive(urls);
  const targets = { "this gateway": ours, "Hive Gateway": hive, "subgraph direct": person };
  log(
    `\n${subgraphs === "ours" ? "Our subgraphs" : "Stub subgraphs"}: person at ${person.url} (pid ${person.child.pid}), this gateway at ${ours.url} (pid ${ours.child.pid}), Hive Gateway at ${hive.url} (pid ${hive.child.pid})`,
  );
  try {
    const tables: Table[] = [];
    for (const variables of options.variables) {
      const rows: Row[] = [];
      for (const operation of options.operations) {
        const bodies = requestBodies(operation, options.codes, variables);
        await checkSameAnswers(targets, bodies[0]!, OPERATIONS[operation].label);
        const measured: Record<"this" | "hive" | "direct", LoadResult[]> = { this: [], hive: [], direct: [] };
        const order = [
          ["this", ours],
          ["hive", hive],
          ["direct", person],
        ] as const;
        const load = (target: PartProcess, duration: number, warmup = false) =>
          measureLoad({
            warmup,
            url: target.url,
            bodies,
            connections: options.connections,
            duration,
            ...(target.child.pid ? { pid: target.child.pid } : {}),
            onStart: processes.tracking,
          });
        // JIT, pools and plan caches warm before anything counts.
        if (options.warmup > 0) for (const [, target] of order) await load(target, options.warmup, true);
        for (let round = 0; round < options.rounds; round++) {
          for (const [key, target] of order) measured[key].push(await load(target, options.duration));
        }
        const row: Row = {
          operation,
          this: medianRound(measured.this),
          hive: medianRound(measured.hive),
          direct: medianRound(measured.direct),
        };
        rows.push(row);
        log(
          `  ${variables.padEnd(9)} ${OPERATIONS[operation].label.padEnd(34)} this ${row.this.rps.toFixed(0).padStart(6)} req/s   Hive ${row.hive.rps.toFixed(0).padStart(6)} req/s   direct ${row.direct.rps.toFixed(0).padStart(6)} req/s`,
        );
      }
      tables.push({ subgraphs, variables, rows });
    }
    const lifetimePeaks = [
      { label: `this gateway (${subgraphs})`, hwmMiB: memoryOf(ours.child.pid!)?.hwm ?? null },
      { label: `Hive Gateway (${subgraphs})`, hwmMiB: memoryOf(hive.child.pid!)?.hwm ?? null },
    ];
    return { tables, lifetimePeaks };
  } finally {
    await processes.stop(hive, ours, person);
  }
}
