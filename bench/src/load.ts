import autocannon from "autocannon";
import type { PartProcess } from "../../tests/support/processes";
import { processCpuMs } from "./cpu";

export async function post(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`${url} answered errors: ${JSON.stringify(body.errors)}`);
  return body;
}

/**
 * `headers` as a function: called for every request (a subgraph's identity token is valid
 * once). `measured`: the processes whose CPU time per request is reported (by name).
 */
export function loadRunner({
  query,
  connections,
  duration,
}: {
  query: string;
  connections: number;
  duration: number;
}) {
  return async function load(
    label: string,
    url: string,
    code: string,
    headers: Record<string, string> | ((body: string) => Record<string, string>),
    measured: Record<string, PartProcess> = {},
  ) {
    const body = JSON.stringify({ query, variables: { code } });
    const perRequest = typeof headers === "function" ? headers : null;
    const options = {
      url,
      method: "POST" as const,
      headers: { "content-type": "application/json", ...(perRequest ? {} : headers) },
      body,
      connections,
      ...(perRequest
        ? {
            requests: [
              {
                setupRequest: (request: autocannon.Request) => ({
                  ...request,
                  headers: { ...request.headers, ...perRequest(body) },
                }),
              },
            ],
          }
        : {}),
    };
    await autocannon({ ...options, duration: 2 }); // warm-up: JIT, pools, plan cache
    const cpuBefore = Object.entries(measured).map(
      ([name, part]) => [name, processCpuMs(part.child.pid)] as const,
    );
    const result = await autocannon({ ...options, duration });
    if (result.errors > 0 || result.non2xx > 0) {
      throw new Error(`${label}: ${result.errors} errors and ${result.non2xx} non-2xx answers under load`);
    }
    const answered = result.requests.total;
    const cpuPerRequest = cpuBefore.flatMap(([name, before]) => {
      const after = processCpuMs(measured[name]!.child.pid);
      return before === null || after === null || answered === 0
        ? []
        : [[name, (after - before) / answered] as const];
    });
    return {
      label,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      cpuPerRequest,
    };
  };
}

export async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export async function median(times: number, run: () => Promise<unknown>): Promise<number> {
  await run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < times; i++) samples.push(await timed(run));
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}
