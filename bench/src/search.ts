import { seedCatalog } from "@rnp/catalog";
import { createDatabase, migrateDatabase } from "@rnp/db";
import { isRegisterSeeded, seedRegister } from "@rnp/generator";
import { provisionRequester, syntheticRegistrationNumber } from "@rnp/platform/provision";
import autocannon from "autocannon";
import postgres from "postgres";
import { findPersonsByNameAndBirthDate, searchQueries } from "../../subgraphs/person/src/repositories/search";
import type { PartProcess } from "../../tests/support/processes";

export interface NameSearchOptions {
  /** A database URL of the bench's server whose role may CREATE DATABASE (the bench database). */
  serverUrl: string;
  /** Persons in the search register; the first run generates it into its own database. */
  persons: number;
  duration: number;
  connections: number;
  /** Starts a part as its own process (the caller stops it). */
  start: (entry: string, env: Record<string, string>) => Promise<PartProcess>;
  /** The signing secret and operator key the parts are started with. */
  secret: string;
  operatorKey: string;
  log: (line: string) => void;
}

export interface NameSearchReport {
  database: string;
  persons: number;
  /** Seconds the generation took in this run; null when the register was already there. */
  generationSeconds: number | null;
  rps: number;
  p50: number;
  p99: number;
  /** The search's SQL statement alone, one after another over the sampled names (ms). */
  statement: { p50: number; p99: number; count: number };
  /** EXPLAIN ANALYZE of one search's statement on this register. */
  plan: string[];
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** `bench_register_1m` for a million persons, `bench_register_<n>` otherwise. */
export function searchDatabaseName(persons: number): string {
  return persons === 1_000_000 ? "bench_register_1m" : `bench_register_${persons}`;
}

/** The way a requester types a name: no diacritics, any case (`berzins` for `Bērziņš`). */
const typed = (name: string) => name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * Ensures the search register: its own database on the bench's server, kept between runs,
 * generated once by `seedRegister` with progress; returns the generation time when it ran.
 */
async function ensureRegister(options: NameSearchOptions, url: string, database: string) {
  const server = postgres(options.serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await server`select 1 from pg_database where datname = ${database}`;
    if (!exists) await server.unsafe(`create database "${database}"`);
  } finally {
    await server.end();
  }
  await migrateDatabase(url);
  const client = createDatabase(url, { max: 2 });
  try {
    await seedCatalog(client.db);
    if (await isRegisterSeeded(client.sql)) return null;
    options.log(`   generating ${options.persons} persons into ${database} (once; kept between runs)…`);
    const started = performance.now();
    let shown = 0;
    await seedRegister(client.sql, {
      persons: options.persons,
      seed: 1,
      onProgress: (done, total) => {
        if (done - shown >= total / 10 || done === total) {
          shown = done;
          const seconds = ((performance.now() - started) / 1000).toFixed(0);
          options.log(`     ${done} / ${total} persons loaded, ${seconds} s`);
        }
      },
    });
    return (performance.now() - started) / 1000;
  } finally {
    await client.close();
  }
}

const SEARCH = `query Search($g: String!, $s: String!, $b: Date!) {
  searchPersons(givenName: $g, surname: $s, birthDate: $b, first: 20) {
    totalCount nodes { currentPersonCode person { givenName surname birthDate } } } }`;

/**
 * Name searches (given name, surname, birth date, typed without diacritics) through the
 * gateway with access control and audit, on a register of `persons`: requests/s, p50, p99;
 * the statement alone (p50, p99, one connection); and the plan of the statement.
 */
export async function measureNameSearch(options: NameSearchOptions): Promise<NameSearchReport> {
  const database = searchDatabaseName(options.persons);
  const url = new URL(options.serverUrl);
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  const generationSeconds = await ensureRegister(options, databaseUrl, database);

  const sample = createDatabase(databaseUrl, { max: 1 });
  let names: { g: string; s: string; b: string }[];
  let plan: string[];
  const statementTimes: number[] = [];
  try {
    const rows = await sample.sql`select given_name, surname, birth_date::text as birth_date
      from person.persons tablesample system (1) repeatable (1) limit 1000`;
    names = rows.map((row) => ({ g: typed(row.given_name), s: typed(row.surname), b: row.birth_date }));
    const first = names[0]!;
    // Exactly the statement the person subgraph sends for this search.
    const statement = searchQueries
      .byNameAndBirthDate(sample.db, { givenName: first.g, surname: first.s, birthDate: first.b })
      .toSQL();
    plan = (
      await sample.sql.unsafe(
        `explain (analyze, costs off) ${statement.sql}`,
        statement.params as postgres.ParameterOrJSON<never>[],
      )
    ).map((row) => row["QUERY PLAN"] as string);
    for (const name of names) {
      const started = performance.now();
      const found = await findPersonsByNameAndBirthDate(sample.db, {
        givenName: name.g,
        surname: name.s,
        birthDate: name.b,
      });
      statementTimes.push(performance.now() - started);
      if (found.length === 0) throw new Error(`the statement did not find ${name.g} ${name.s} ${name.b}`);
    }
    statementTimes.sort((a, b) => a - b);
  } finally {
    await sample.close();
  }

  const env = { DATABASE_URL: databaseUrl, PORT: "0", INTERNAL_SIGNING_SECRET: options.secret };
  const person = await options.start("subgraphs/person/src/index.ts", env);
  const catalog = await options.start("subgraphs/catalog/src/index.ts", env);
  const gateway = await options.start("gateway/src/index.ts", {
    ...env,
    RATE_LIMIT_PER_MINUTE: "1000000000",
    OPERATOR_API_KEY: options.operatorKey,
    PERSON_SUBGRAPH_URL: person.url,
    CATALOG_SUBGRAPH_URL: catalog.url,
  });
  const requester = await provisionRequester(gateway.url, options.operatorKey, {
    name: "Bench Meklētājs SIA",
    registrationNumber: syntheticRegistrationNumber(5),
    dataGroups: ["NAME", "BIRTH"],
    purpose: "Benchmark: name search",
  });
  const bodies = names.map((variables) => JSON.stringify({ query: SEARCH, variables }));
  const check = (await (
    await fetch(gateway.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${requester.key}`,
        grant: requester.grantNumber,
      },
      body: bodies[0],
    })
  ).json()) as { data?: { searchPersons: { totalCount: number } }; errors?: unknown[] };
  if (check.errors || !check.data || check.data.searchPersons.totalCount < 1) {
    throw new Error(`the name search did not find its sampled person: ${JSON.stringify(check)}`);
  }
  let next = 0;
  const run = (duration: number) =>
    autocannon({
      url: gateway.url,
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${requester.key}`,
        grant: requester.grantNumber,
      },
      connections: options.connections,
      duration,
      // A different person's name on every request, so no cache answers for the index.
      requests: [{ setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
    });
  await run(2); // warm-up: JIT, pools, plan cache
  const result = await run(options.duration);
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`name search: ${result.errors} errors and ${result.non2xx} non-2xx answers under load`);
  }
  return {
    database,
    persons: options.persons,
    generationSeconds,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statement: {
      p50: percentile(statementTimes, 50),
      p99: percentile(statementTimes, 99),
      count: statementTimes.length,
    },
    plan,
  };
}

/** Section 5 of `pnpm bench`: measures the name search and prints it. */
export async function printNameSearch(options: NameSearchOptions): Promise<void> {
  const { log } = options;
  log(
    `\n5. Name search on a ${options.persons}-person register, ${options.connections} connections, ${options.duration} s`,
  );
  const report = await measureNameSearch(options);
  log(
    `   register ${report.database}: ${report.generationSeconds === null ? "already generated" : `generated in ${report.generationSeconds.toFixed(1)} s`}`,
  );
  log(
    `   ${"searchPersons(givenName, surname, birthDate)".padEnd(44)} ${report.rps.toFixed(0).padStart(6)} req/s   p50 ${report.p50} ms   p99 ${report.p99} ms`,
  );
  const { statement } = report;
  log(
    `   ${`its SQL statement alone, ${statement.count} names in turn`.padEnd(44)}              p50 ${statement.p50.toFixed(2)} ms   p99 ${statement.p99.toFixed(2)} ms`,
  );
  log("   the statement behind one search (EXPLAIN ANALYZE):");
  for (const line of report.plan) log(`     ${line}`);
}
