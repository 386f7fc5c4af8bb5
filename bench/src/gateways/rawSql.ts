import { createDatabase } from "@rnp/db";
import { createPersonSubgraph } from "@rnp/person";
import postgres from "postgres";
import type { LoadResult } from "./load";

/** One statement as the person subgraph sent it: its text and its parameters, as given to `postgres`. */
export interface CapturedStatement {
  query: string;
  parameters: unknown[];
}

/** The person subgraph's pool size (`createDatabase`'s default), which the replay uses too. */
export const PERSON_POOL_SIZE = 10;

const POSTGRES_TYPE_LOOKUP = /^\s*select b\.oid, b\.typarray\s+from pg_catalog\.pg_type/;

/**
 * Runs the person subgraph's own code (`createPersonSubgraph`, access control off as in the
 * benchmark) in this process on a `postgres` client whose `debug` hook records every
 * statement with its parameters, sends it `query` for each of `codes` one at a time, and
 * returns the statements of each request: the exact SQL the subgraph runs, whatever it
 * becomes as others optimise it. Fails if a request answers errors or sends no statement.
 */
export async function captureStatements(
  databaseUrl: string,
  query: string,
  codes: string[],
): Promise<CapturedStatement[][]> {
  let current: CapturedStatement[] = [];
  const client = createDatabase(databaseUrl, { max: PERSON_POOL_SIZE, applicationName: "rnp-bench-capture" });
  // `createDatabase`'s onStatement hook gives the text only; postgres' own `debug` hook (read
  // from the pool's options at every statement) gives the parameters too.
  (client.sql.options as { debug?: unknown }).debug = (
    _connection: number,
    text: string,
    parameters: unknown[],
  ) => {
    // postgres' own array-type lookup, sent once per new connection, is not the subgraph's SQL.
    if (!POSTGRES_TYPE_LOOKUP.test(text))
      current.push({ query: text, parameters: structuredClone(parameters) });
  };
  const server = await createPersonSubgraph({
    db: client.db,
    signingSecret: "bench-capture-signing-secret-unused",
    accessControl: false,
    onStop: client.close,
  });
  try {
    const url = await server.listen(0, "127.0.0.1");
    const captured: CapturedStatement[][] = [];
    for (const code of codes) {
      current = [];
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables: { code } }),
      });
      const body = (await response.json()) as { errors?: unknown[]; data?: { person: unknown } };
      if (body.errors || !body.data?.person) {
        throw new Error(`capturing the person subgraph's SQL: ${code} answered ${JSON.stringify(body)}`);
      }
      if (current.length === 0)
        throw new Error("capturing the person subgraph's SQL: a request sent no statement");
      captured.push(current);
    }
    return captured;
  } finally {
    await server.stop();
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;

/**
 * The raw-SQL limit: the captured statements of one request after another (each request's
 * statements in the order the subgraph sent them, each awaited, as prepared statements)
 * straight through `postgres` with the subgraph's pool size, `concurrency` requests at a
 * time for `duration` seconds, the requests in turn (different persons). Reported as
 * requests/s with p50/p99 in ms, like a load run.
 */
export async function measureRawSql(
  databaseUrl: string,
  requests: CapturedStatement[][],
  options: { concurrency: number; duration: number },
): Promise<LoadResult> {
  const sql = postgres(databaseUrl, {
    max: PERSON_POOL_SIZE,
    onnotice: () => {},
    prepare: true,
    connection: { application_name: "rnp-bench-raw-sql" },
  });
  try {
    let next = 0;
    const latencies: number[] = [];
    const deadline = performance.now() + options.duration * 1_000;
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (performance.now() < deadline) {
          const statements = requests[next++ % requests.length]!;
          const start = performance.now();
          for (const statement of statements) {
            await sql.unsafe(statement.query, statement.parameters as never[], { prepare: true });
          }
          latencies.push(performance.now() - start);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    return {
      rps: latencies.length / options.duration,
      p50: Math.round(percentile(latencies, 50)),
      p99: Math.round(percentile(latencies, 99)),
      peakMiB: null,
      requests: latencies.length,
      failures: 0,
      failureDetail: "",
      statuses: {},
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
