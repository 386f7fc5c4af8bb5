import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, totalmem } from "node:os";
import { seedCatalog } from "@rnp/catalog";
import { commandLine } from "@rnp/common";
import { createDatabase, migrateDatabase } from "@rnp/db";
import { databaseFromEnv, projectDataDir } from "@rnp/db/embedded";
import { isRegisterSeeded, seedRegister } from "@rnp/generator";
import { compareGateways } from "./compare";
import { Processes } from "./lifecycle";
import { medianRound } from "./load";
import { OPERATION_NAMES, OPERATIONS, type OperationName, pickCodes, type Variables } from "./operations";
import { captureStatements, measureRawSql } from "./rawSql";
import { goals, printReport, type Results } from "./report";
import { soak } from "./soak";

const SECTIONS = ["ours", "stubs", "limit", "soak"] as const;
type Section = (typeof SECTIONS)[number];

// Parts run in this process (the raw-SQL capture, a search) would log every request at info.
process.env.LOG_LEVEL ??= "warn";

const usage = `Usage: pnpm bench:gateways [--duration S] [--connections N] [--rounds N] [--only LIST] [--json FILE]

This gateway (@rnp/gateway) and Hive Gateway (@graphql-hive/gateway, its own CLI) side by
side over the committed supergraph, every part its own process on one PostgreSQL, access
control off on both gateways, the same operations (${OPERATION_NAMES.map((name) => OPERATIONS[name].label).join("; ")}),
with varied variables (a different person in every request) and identical ones.
Sections (--only, comma-separated; default all):
  ours    both gateways over our subgraphs (the person subgraph on PostgreSQL), and the
          person subgraph direct, the same operations;
  stubs   both gateways over in-memory stub subgraphs (the subgraphs' SDL, fixed data, no
          database), and the stub direct: the gateways' own cost;
  limit   the raw-SQL limit: the exact statements the person subgraph sends for the
          one-person query (captured from its own code), prepared, straight through
          postgres at the same concurrency;
  soak    this gateway with access control and audit on, --soak S at --soak-connections N,
          its memory before, at peak and --settle S after.
Every figure is the median of --rounds rounds (targets in turn within each round), after a
--warmup of each target; peak memory is the highest VmRSS sampled (/proc) during the runs.
Prints one markdown table per operation set, the issue's goals as met / not met, and with
--json FILE writes every figure there.

Options:
  --duration S           seconds of load per measurement (default 10)
  --connections N        concurrent connections (default 16)
  --rounds N             rounds per measurement, the median reported (default 3)
  --warmup S             seconds of warm-up per target before the rounds (default 2)
  --only LIST            sections to run: ${SECTIONS.join(",")} (default all)
  --operations LIST      operations: ${OPERATION_NAMES.join(",")} (default all)
  --variables LIST       varied,identical (default both)
  --soak S               seconds of the soak's load (default 60)
  --soak-connections N   connections of the soak (default 200)
  --settle S             seconds after the soak before memory is read again (default 30)
  --json FILE            also write the results as JSON to FILE
  --help                 show this text
Database: DATABASE_URL, else the embedded PostgreSQL in .data/bench-postgres (kept between
runs; seeded with 10 000 persons when empty). Ctrl+C stops every process it started.`;

const cli = commandLine({
  usage,
  options: {
    duration: { type: "string" },
    connections: { type: "string" },
    rounds: { type: "string" },
    warmup: { type: "string" },
    only: { type: "string", default: SECTIONS.join(",") },
    operations: { type: "string", default: OPERATION_NAMES.join(",") },
    variables: { type: "string", default: "varied,identical" },
    soak: { type: "string" },
    "soak-connections": { type: "string" },
    settle: { type: "string" },
    json: { type: "string" },
  },
});
const { values } = cli;
const duration = cli.wholeNumber("duration", values.duration, 10, { min: 1 });
const connections = cli.wholeNumber("connections", values.connections, 16, { min: 1 });
const rounds = cli.wholeNumber("rounds", values.rounds, 3, { min: 1 });
const warmup = cli.wholeNumber("warmup", values.warmup, 2);
const soakDuration = cli.wholeNumber("soak", values.soak, 60, { min: 1 });
const soakConnections = cli.wholeNumber("soak-connections", values["soak-connections"], 200, { min: 1 });
const settle = cli.wholeNumber("settle", values.settle, 30);

function list<T extends string>(option: string, text: string, allowed: readonly T[]): T[] {
  const items = text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  const unknown = items.filter((item) => !allowed.includes(item as T));
  if (unknown.length || items.length === 0) {
    cli.fail(`--${option} takes ${allowed.join(", ")}, comma-separated; got "${text}".`);
  }
  return [...new Set(items as T[])];
}
const sections = new Set(list<Section>("only", values.only, SECTIONS));
const operations = list<OperationName>("operations", values.operations, OPERATION_NAMES);
const variables = list<Variables>("variables", values.variables, ["varied", "identical"]);

const processes = new Processes();
let stopDatabase: (() => Promise<void>) | undefined;
let shuttingDown: Promise<void> | null = null;
const shutdown = () => {
  shuttingDown ??= (async () => {
    await processes.stopAll();
    await stopDatabase?.().catch(() => {});
  })();
  return shuttingDown;
};
// Ctrl+C reaches the parts too (one process group), but not the embedded PostgreSQL, which
// runs in a group of its own: everything is stopped here, then the process ends.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (shuttingDown) process.exit(130);
    console.error(`\n${signal}: stopping every process the benchmark started…`);
    void shutdown().finally(() => process.exit(130));
  });
}

async function main() {
  const database = await databaseFromEnv({ dataDir: projectDataDir("bench-postgres") });
  stopDatabase = database.stop;
  const databaseUrl = database.url;
  await migrateDatabase(databaseUrl);
  const admin = createDatabase(databaseUrl, { max: 2 });
  let codes: Awaited<ReturnType<typeof pickCodes>>;
  let registerSize: number;
  try {
    await seedCatalog(admin.db);
    if (!(await isRegisterSeeded(admin.sql))) {
      console.log("seeding the bench register with 10 000 persons…");
      await seedRegister(admin.sql, { persons: 10_000, seed: 1 });
    }
    codes = await pickCodes(admin.sql);
    const [count] = await admin.sql`select count(*)::int as n from person.persons`;
    registerSize = count!.n as number;
  } finally {
    await admin.close();
  }
  const hiveVersion = (
    JSON.parse(
      readFileSync(createRequire(import.meta.url).resolve("@graphql-hive/gateway/package.json"), "utf8"),
    ) as {
      version: string;
    }
  ).version;
  const machine = `Hive Gateway ${hiveVersion}; ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; register of ${registerSize} persons; ${connections} connections, ${duration} s × ${rounds} rounds (median), ${warmup} s warm-up`;
  console.log(machine);
  const signingSecret = randomBytes(24).toString("base64url");
  const results: Results = {
    date: new Date().toISOString(),
    machine,
    options: { duration, connections, rounds, warmup, sections: [...sections], operations, variables },
    tables: [],
    lifetimePeaks: [],
  };
  const log = (line: string) => console.log(line);
  const compare = {
    processes,
    databaseUrl,
    signingSecret,
    codes,
    operations,
    variables,
    connections,
    duration,
    rounds,
    warmup,
    log,
  };
  const comparison = async (subgraphs: "ours" | "stubs") => {
    if (!sections.has(subgraphs)) return;
    const { tables, lifetimePeaks } = await compareGateways(subgraphs, compare);
    results.tables.push(...tables);
    results.lifetimePeaks.push(...lifetimePeaks);
  };
  await comparison("ours");
  // The limit right after our subgraphs' runs, so that the two are measured under like conditions.
  if (sections.has("limit")) {
    const query = OPERATIONS.one.query;
    const captured = await captureStatements(databaseUrl, query, codes.persons.slice(0, 200));
    const first = captured[0]!;
    log(
      `\nRaw-SQL limit: ${first.length} statements a one-person request, captured for ${captured.length} persons`,
    );
    if (warmup > 0)
      await measureRawSql(databaseUrl, captured, { concurrency: connections, duration: warmup });
    const measured = [];
    for (let round = 0; round < rounds; round++) {
      measured.push(await measureRawSql(databaseUrl, captured, { concurrency: connections, duration }));
    }
    results.limit = { ...medianRound(measured), statements: first.map((statement) => statement.query) };
    log(`  ${results.limit.rps.toFixed(0)} req/s`);
  }
  await comparison("stubs");
  if (sections.has("soak")) {
    results.soak = await soak({
      processes,
      databaseUrl,
      signingSecret,
      codes,
      connections: soakConnections,
      duration: soakDuration,
      settle,
      warmup,
      log,
    });
  }
  printReport(results);
  if (values.json) {
    writeFileSync(values.json, `${JSON.stringify({ ...results, goals: goals(results) }, null, 2)}\n`);
    console.log(`\nresults written to ${values.json}`);
  }
}

main()
  .then(shutdown)
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await shutdown();
    process.exit(1);
  });
