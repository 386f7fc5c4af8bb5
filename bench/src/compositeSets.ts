import autocannon from "autocannon";

export interface CompositeSetBenchOptions {
  gatewayUrl: string;
  operatorKey: string;
  /** The requester that submits and executes the set: its organisation id, REQUESTER key and grant. */
  requester: { requesterId: string; key: string; grantNumber: string };
  /** The operation to persist (named), and its variables. */
  document: string;
  variables: Record<string, unknown>;
  duration: number;
  connections: number;
}

export interface CompositeSetBenchRow {
  label: string;
  rps: number;
  p50: number;
  p99: number;
}

const BENCH_TITLE = "Benchmark: one person";

async function call<T>(url: string, key: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(`composite set bench setup failed: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

/**
 * Submits `document` as a composite data set (with a REQUESTER_ADMIN key issued for the
 * purpose), has the operator approve it, then loads the gateway with the same operation
 * sent in full and by its `documentId`, one after the other, same connections and
 * duration. Every answer must be a 2xx without errors, or the figures are refused.
 */
export async function measureCompositeSets(
  options: CompositeSetBenchOptions,
): Promise<CompositeSetBenchRow[]> {
  const { gatewayUrl, operatorKey, requester } = options;
  const { issueApiKey } = await call<{ issueApiKey: { key: string } }>(
    gatewayUrl,
    operatorKey,
    'mutation ($r: ID!) { issueApiKey(input: { requesterId: $r, role: REQUESTER_ADMIN, label: "bench sets" }) { key } }',
    { r: requester.requesterId },
  );
  // The bench database is kept between runs: the set approved by an earlier run is reused.
  const { compositeSets } = await call<{
    compositeSets: { nodes: { title: string; versions: { status: string; documentId: string }[] }[] };
  }>(
    gatewayUrl,
    issueApiKey.key,
    "{ compositeSets(first: 100) { nodes { title versions { status documentId } } } }",
    {},
  );
  let documentId = compositeSets.nodes
    .filter((set) => set.title === BENCH_TITLE)
    .flatMap((set) => set.versions)
    .find((version) => version.status === "APPROVED")?.documentId;
  if (!documentId) {
    const { submitCompositeSet } = await call<{
      submitCompositeSet: { compositeSet: { id: string }; version: number; documentId: string };
    }>(
      gatewayUrl,
      issueApiKey.key,
      "mutation ($input: SubmitCompositeSetInput!) { submitCompositeSet(input: $input) { compositeSet { id } version documentId } }",
      { input: { title: BENCH_TITLE, grantNumber: requester.grantNumber, document: options.document } },
    );
    await call(
      gatewayUrl,
      operatorKey,
      "mutation ($id: ID!, $v: Int!) { approveCompositeSet(id: $id, version: $v) { status } }",
      {
        id: submitCompositeSet.compositeSet.id,
        v: submitCompositeSet.version,
      },
    );
    documentId = submitCompositeSet.documentId;
  }
  const headers = {
    "content-type": "application/json",
    authorization: `Bearer ${requester.key}`,
    grant: requester.grantNumber,
  };
  const rows: CompositeSetBenchRow[] = [];
  for (const [label, body] of [
    ["the document sent in full", { query: options.document, variables: options.variables }],
    ["the approved set by documentId", { documentId, variables: options.variables }],
  ] as const) {
    const run = {
      url: gatewayUrl,
      method: "POST" as const,
      headers,
      body: JSON.stringify(body),
      connections: options.connections,
    };
    await autocannon({ ...run, duration: 2 }); // warm-up: JIT, pools, plan cache
    const result = await autocannon({ ...run, duration: options.duration });
    if (result.errors > 0 || result.non2xx > 0) {
      throw new Error(`${label}: ${result.errors} errors and ${result.non2xx} non-2xx answers under load`);
    }
    rows.push({ label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 });
  }
  return rows;
}
