import autocannon from "autocannon";
import { sampleMemory } from "./memory";

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  /** Highest VmRSS of the measured process during the run, MiB; null when not sampled. */
  peakMiB: number | null;
  requests: number;
  /** Socket errors, timeouts, non-2xx and GraphQL-error answers (0 unless `tolerateFailures`). */
  failures: number;
  /** What failed, in a sentence ("" when nothing did). */
  failureDetail: string;
  /** Answers by HTTP status. */
  statuses: Record<string, number>;
}

export interface LoadOptions {
  url: string;
  /** Request bodies, sent in turn across all connections (one body: every request the same). */
  bodies: string[];
  connections: number;
  /** Seconds. */
  duration: number;
  headers?: Record<string, string>;
  /** The process whose memory is sampled during the run. */
  pid?: number;
  /** Called with the running autocannon instance, so Ctrl+C can stop it. */
  onStart?: (instance: autocannon.Instance) => void;
  /** Count failed answers instead of failing the measurement (the soak reports them). */
  tolerateFailures?: boolean;
  /** A warm-up: no answer within it is not a failure (a slow first plan on a busy machine). */
  warmup?: boolean;
}

/** Autocannon, as a promise, with its instance handed out. */
function run(options: autocannon.Options, onStart?: (instance: autocannon.Instance) => void) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    onStart?.(instance);
  });
}

/**
 * One measurement: `duration` seconds of load from `connections` connections. A shared
 * counter picks the next body for every request, so with varied bodies concurrent requests
 * always differ (autocannon's plain request list would send each connection through the
 * list from its start, all in step). Every answer is checked: a non-2xx status, a socket
 * error or a GraphQL `errors` entry fails the measurement with a sentence, since a
 * throughput of refusals measures nothing.
 */
export async function measureLoad(options: LoadOptions): Promise<LoadResult> {
  const { bodies } = options;
  let next = 0;
  let graphqlErrors = 0;
  let firstError = "";
  const onResponse = (status: number, body: string) => {
    // A substring test, not a parse: the load generator shares the CPU with what it measures.
    if (status === 200 && body.includes('"errors":[')) {
      graphqlErrors++;
      if (!firstError) firstError = body.slice(0, 300);
    }
  };
  const request: autocannon.Request =
    bodies.length === 1
      ? { method: "POST", body: bodies[0]!, onResponse }
      : {
          method: "POST",
          setupRequest: (req: autocannon.Request) => ({ ...req, body: bodies[next++ % bodies.length]! }),
          onResponse,
        };
  const sampler = options.pid ? sampleMemory(options.pid) : null;
  let result: autocannon.Result;
  try {
    result = await run(
      {
        url: options.url,
        connections: options.connections,
        duration: options.duration,
        headers: { "content-type": "application/json", ...options.headers },
        requests: [request],
      },
      options.onStart,
    );
  } finally {
    sampler?.stop();
  }
  const peakMiB = sampler?.peak() ?? null;
  const failures = result.errors + result.non2xx + result.timeouts + graphqlErrors;
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, stat]) => [status, stat.count ?? 0]),
  );
  const failureDetail =
    failures > 0
      ? `${result.errors} socket errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers (${JSON.stringify(statuses)}) and ${graphqlErrors} answers with GraphQL errors${firstError ? `; first: ${firstError}` : ""}`
      : "";
  if (failures > 0 && !options.tolerateFailures)
    throw new Error(`${options.url}: ${failureDetail} under load`);
  if (result.requests.total === 0 && !options.warmup) {
    // Not an error to stop a long run for: 0 req/s is printed, with this line saying why.
    console.warn(
      `  warning: ${options.url} answered no request within ${options.duration} s (every request slower than the run); try a longer --duration`,
    );
  }
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    peakMiB,
    requests: result.requests.total,
    failures,
    failureDetail,
    statuses,
  };
}

/**
 * Reduces rounds to one figure: the median round by req/s (its own p50 and p99, so the
 * three figures come from one run), and the highest memory peak of all rounds.
 */
export function medianRound(rounds: LoadResult[]): LoadResult {
  const sorted = [...rounds].sort((a, b) => a.rps - b.rps);
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const peaks = rounds.map((round) => round.peakMiB).filter((peak): peak is number => peak !== null);
  return { ...median, peakMiB: peaks.length ? Math.max(...peaks) : null };
}
