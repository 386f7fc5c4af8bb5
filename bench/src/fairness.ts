import autocannon from "autocannon";

export interface FairnessOptions {
  gatewayUrl: string;
  /** Key and grant of the requester that floods. */
  flooder: Record<string, string>;
  /** Key and grant of the requester whose latency is measured. */
  victim: Record<string, string>;
  /** Personal codes to ask for: the flood sends as many per call as the batch limit allows. */
  codes: string[];
  /** The register's codes (up to 30 000) for the aliased flood, whose aliases ask for other persons. */
  registerCodes: string[];
  /** One code the victim asks for. */
  code: string;
  duration: number;
  /** Connections of the flood; the victim uses 2. */
  connections: number;
}

export interface FairnessReport {
  idle: { rps: number; p50: number; p99: number };
  loaded: { rps: number; p50: number; p99: number; non2xx: number };
  flood: { rps: number; ok: number; refused: number; statuses: Record<string, number> };
}

/** Aliases and codes per alias of the aliased flood: 30 × `persons(1000)`, cost 30 000 (admitted). */
export const ALIASED_FLOOD = { aliases: 30, codesPerAlias: 1_000, connections: 4 };

const VICTIM_QUERY = `query Victim($code: String!) { person(personCode: $code) {
  personCode givenName surname declaredAddress { address { fullAddress } } } }`;

/**
 * The heaviest operations a requester may send: a full batch of persons with their
 * addresses and documents, and two levels of family with addresses.
 */
function floodRequests(codes: string[]) {
  const batch = JSON.stringify({
    query: `query Flood($codes: [String!]!) { persons(personCodes: $codes) {
      personCode givenName surname birthDate declaredAddress { address { fullAddress } }
      identityDocuments { number expiryDate } } }`,
    variables: { codes },
  });
  const family = JSON.stringify({
    query: `query Family($code: String!) { person(personCode: $code) { givenName
      children { givenName declaredAddress { address { fullAddress } } children { givenName } }
      mother { givenName children { givenName declaredAddress { address { fullAddress } } } }
      spouse { givenName children { givenName } } } }`,
    variables: { code: codes[0] },
  });
  return [
    { method: "POST" as const, body: batch },
    { method: "POST" as const, body: family },
  ];
}

/**
 * The heaviest single operation the default limits admit: 30 aliases (GATEWAY_MAX_ALIASES)
 * of `persons` with 1 000 codes each (PERSONS_BATCH_LIMIT), scalar fields only so that its
 * cost, 30 000, stays under GATEWAY_MAX_COST; each alias asks for other persons.
 */
export function aliasedFloodRequests(codes: string[]) {
  const { aliases, codesPerAlias } = ALIASED_FLOOD;
  const fields = Array.from(
    { length: aliases },
    (_, i) => `a${i}: persons(personCodes: $c${i}) { personCode givenName surname birthDate }`,
  );
  const variables = Object.fromEntries(
    Array.from({ length: aliases }, (_, i) => [
      `c${i}`,
      Array.from({ length: codesPerAlias }, (_, j) => codes[(i * codesPerAlias + j) % codes.length]!),
    ]),
  );
  const definitions = Array.from({ length: aliases }, (_, i) => `$c${i}: [String!]!`).join(", ");
  return [
    {
      method: "POST" as const,
      body: JSON.stringify({
        query: `query AliasedFlood(${definitions}) { ${fields.join(" ")} }`,
        variables,
      }),
    },
  ];
}

async function victimRun(options: FairnessOptions, duration: number) {
  const result = await autocannon({
    url: options.gatewayUrl,
    method: "POST",
    headers: { "content-type": "application/json", ...options.victim },
    body: JSON.stringify({ query: VICTIM_QUERY, variables: { code: options.code } }),
    connections: 2,
    duration,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
  };
}

/**
 * One requester floods with the heaviest operations the limits allow while another sends
 * single-person queries; the second's latency is measured alone first, then under the flood.
 * Refusals of the flood (rate limit, concurrency, cost) are counted, not treated as failures:
 * they are how the platform keeps the other requester's latency.
 */
export async function measureFairness(
  options: FairnessOptions,
  kind: "heavy" | "aliased" = "heavy",
  idleBefore?: FairnessReport["idle"],
): Promise<FairnessReport> {
  await victimRun(options, 2); // warm-up
  const idle = idleBefore ?? (await victimRun(options, options.duration));
  const statuses: Record<string, number> = {};
  let floodInstance: autocannon.Instance | undefined;
  const flood = new Promise<autocannon.Result>((resolve, reject) => {
    floodInstance = autocannon(
      {
        url: options.gatewayUrl,
        headers: { "content-type": "application/json", ...options.flooder },
        requests:
          kind === "aliased" ? aliasedFloodRequests(options.registerCodes) : floodRequests(options.codes),
        connections: kind === "aliased" ? ALIASED_FLOOD.connections : options.connections,
        // A 30 000-person answer takes seconds under load; autocannon's default 10 s would count it as an error.
        timeout: 60,
        duration: options.duration + 2,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
  floodInstance?.on("response", (_client, statusCode) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  // Let the flood reach full pressure before measuring.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const loaded = await victimRun(options, options.duration);
  const floodResult = await flood;
  const ok = statuses["200"] ?? 0;
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    idle: { rps: idle.rps, p50: idle.p50, p99: idle.p99 },
    loaded,
    flood: { rps: floodResult.requests.average, ok, refused: total - ok, statuses },
  };
}
