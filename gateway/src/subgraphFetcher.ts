import { type IncomingHttpHeaders, STATUS_CODES } from "node:http";
import type { Fetcher, FetcherHeaders, FetcherResponse } from "@apollo/utils.fetcher";
import { currentRequestScope } from "@rnp/common";
import { graphQLError } from "@rnp/policy/errors";
import { Agent, type Dispatcher } from "undici";

/** Default for SUBGRAPH_TIMEOUT_MS: the longest a subgraph call may take, body included. */
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 10_000;
/** Default for SUBGRAPH_CONNECT_TIMEOUT_MS: the longest the TCP connect may take. */
export const DEFAULT_SUBGRAPH_CONNECT_TIMEOUT_MS = 2_000;

function millisecondsFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a whole number of milliseconds ≥ 1; got "${text}".`);
  }
  return value;
}

/** SUBGRAPH_TIMEOUT_MS, else 10 s. Throws a sentence when it is not a positive whole number. */
export const subgraphTimeoutFromEnv = () =>
  millisecondsFromEnv("SUBGRAPH_TIMEOUT_MS", DEFAULT_SUBGRAPH_TIMEOUT_MS);
/** SUBGRAPH_CONNECT_TIMEOUT_MS, else 2 s. */
export const subgraphConnectTimeoutFromEnv = () =>
  millisecondsFromEnv("SUBGRAPH_CONNECT_TIMEOUT_MS", DEFAULT_SUBGRAPH_CONNECT_TIMEOUT_MS);

/** The answer's headers, read-only, as `@apollo/gateway` reads them (`get`, iteration). */
class AnswerHeaders implements FetcherHeaders {
  private readonly map = new Map<string, string>();
  constructor(raw: IncomingHttpHeaders) {
    for (const [name, value] of Object.entries(raw)) {
      if (value !== undefined) this.map.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
  }
  get(name: string) {
    return this.map.get(name.toLowerCase()) ?? null;
  }
  has(name: string) {
    return this.map.has(name.toLowerCase());
  }
  entries() {
    return this.map.entries();
  }
  keys() {
    return this.map.keys();
  }
  values() {
    return this.map.values();
  }
  [Symbol.iterator]() {
    return this.map.entries();
  }
  forEach(callback: (value: string, name: string) => void) {
    this.map.forEach(callback);
  }
  append(): void {
    throw new Error("a subgraph answer's headers are read-only");
  }
  set(): void {
    throw new Error("a subgraph answer's headers are read-only");
  }
  delete(): void {
    throw new Error("a subgraph answer's headers are read-only");
  }
}

/** undici's `request` answer in the shape of a fetch Response, as far as the gateway uses one. */
function answerOf(url: string, answer: Dispatcher.ResponseData): FetcherResponse {
  const { body } = answer;
  let used = false;
  const read = <T>(reader: () => Promise<T>) => {
    used = true;
    return reader();
  };
  const response: FetcherResponse = {
    url,
    status: answer.statusCode,
    ok: answer.statusCode >= 200 && answer.statusCode < 300,
    statusText: STATUS_CODES[answer.statusCode] ?? "",
    redirected: false,
    headers: new AnswerHeaders(answer.headers),
    get bodyUsed() {
      return used;
    },
    json: () => read(() => body.json()),
    text: () => read(() => body.text()),
    arrayBuffer: () => read(() => body.arrayBuffer()),
    clone: () => {
      throw new Error("a subgraph answer cannot be cloned");
    },
  };
  return response;
}

/**
 * A keep-alive HTTP client for subgraph calls. The gateway's default fetcher
 * (make-fetch-happen) spends about a third of the gateway's CPU per request, much of it
 * building an Error stack to detect https. This one is undici's `request` on a pool of
 * sockets rather than undici's `fetch`: the WHATWG Request, Response, Headers and web
 * streams that `fetch` builds around every call cost more than the call itself, and the
 * gateway needs only the status, the headers and the body as JSON or text.
 * A connect that takes longer than `connectTimeoutMs` fails (→ SUBGRAPH_UNAVAILABLE once
 * wrapped by `withSubgraphFaults`).
 */
export function createSubgraphFetcher(options: { connections?: number; connectTimeoutMs?: number } = {}): {
  fetcher: Fetcher;
  close(): Promise<void>;
} {
  const dispatcher = new Agent({
    connections: options.connections ?? 128,
    connect: { timeout: options.connectTimeoutMs ?? subgraphConnectTimeoutFromEnv() },
    // Shorter than the subgraphs' keep-alive, so the gateway closes idle sockets first.
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 60_000,
  });
  // A handful of subgraph URLs, parsed once each.
  const targets = new Map<string, { origin: string; path: string }>();
  const targetOf = (url: string) => {
    let target = targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      target = { origin: parsed.origin, path: `${parsed.pathname}${parsed.search}` };
      targets.set(url, target);
    }
    return target;
  };
  const fetcher: Fetcher = async (url, init = {}) => {
    const answer = await dispatcher.request({
      ...targetOf(url),
      method: (init.method ?? "GET") as Dispatcher.HttpMethod,
      headers: init.headers ?? {},
      body: init.body ?? null,
      signal: init.signal ?? null,
    });
    return answerOf(url, answer);
  };
  return { fetcher, close: () => dispatcher.close() };
}

export interface SubgraphFaultOptions {
  /** The subgraph's name, for the messages (its URL is internal and never shown). */
  subgraph: string;
  /** The whole call, from connect to the last byte of the body. */
  timeoutMs: number;
}

const BODY_READERS = new Set<PropertyKey>(["json", "text", "arrayBuffer"]);

/**
 * Wraps any fetcher (the undici pool or the gateway's stock one) so that a subgraph call
 * ends within `timeoutMs` and when the client goes away, and so that its failures reach
 * the client as a GraphQL error with a code and a sentence naming the subgraph:
 * - no answer in time → `SUBGRAPH_TIMEOUT` (the gateway answers HTTP 504);
 * - refused or broken connection, HTTP 5xx, or an answer that is not a GraphQL response →
 *   `SUBGRAPH_UNAVAILABLE` (HTTP 502).
 * A 4xx answer that carries a GraphQL body (a subgraph refusing with UNAUTHENTICATED,
 * FORBIDDEN, BAD_USER_INPUT…) is handed on as a normal response, so its errors and codes
 * reach the client instead of an opaque "403: Forbidden".
 */
export function withSubgraphFaults(fetcher: Fetcher, options: SubgraphFaultOptions): Fetcher {
  const { subgraph, timeoutMs } = options;
  const unavailable = (detail: string) =>
    graphQLError(
      "SUBGRAPH_UNAVAILABLE",
      `The ${subgraph} subgraph is unavailable (${detail}), so its part of the answer is missing. Try again shortly; if it persists, tell the platform operator.`,
      { subgraph },
    );
  const timedOut = () =>
    graphQLError(
      "SUBGRAPH_TIMEOUT",
      `The ${subgraph} subgraph did not answer within ${timeoutMs} ms, so its part of the answer is missing. Try again shortly; if it persists, tell the platform operator.`,
      { subgraph, timeoutMs },
    );
  return (async (url, init) => {
    // One controller and one timer per call, both released when the body has been read:
    // AbortSignal.timeout and AbortSignal.any cost a signal, a timer and listeners each, and
    // Node 20's AbortSignal.any keeps the signals it combines alive for longer than the call.
    const controller = new AbortController();
    const signal = controller.signal;
    let pastDeadline = false;
    const timer = setTimeout(() => {
      pastDeadline = true;
      controller.abort(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const client = currentRequestScope()?.signal;
    const onClientGone = () => controller.abort(client?.reason);
    if (client?.aborted) onClientGone();
    else client?.addEventListener("abort", onClientGone, { once: true });
    const release = () => {
      clearTimeout(timer);
      client?.removeEventListener("abort", onClientGone);
    };
    // Decided by which signal fired, not by the error's type: undici and make-fetch-happen
    // report an abort differently.
    const fault = (error: unknown) => {
      if (pastDeadline) return timedOut();
      if (client?.aborted) return unavailable("the client closed the connection, so the call was cancelled");
      const cause =
        (error as { cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code;
      return unavailable(cause ? `connection failed: ${cause}` : "the call failed");
    };
    // Raced against the signal too, in case a fetcher does not honour `signal`.
    const aborted = new Promise<never>((_resolve, reject) =>
      signal.addEventListener("abort", () => reject(signal.reason), { once: true }),
    );
    aborted.catch(() => {});
    const guard = <T>(work: Promise<T>) =>
      Promise.race([work, aborted]).catch((error: unknown) => {
        release();
        throw fault(error);
      });
    const response: FetcherResponse = await guard(fetcher(url, { ...init, signal }));
    const type = response.headers.get("content-type") ?? "";
    const graphQLBody =
      type.startsWith("application/json") || type.startsWith("application/graphql-response+json");
    if (response.status >= 500 || (!response.ok && !graphQLBody)) {
      // Let the socket go back to the pool; the body is not needed.
      await response.text().catch(() => {});
      release();
      throw unavailable(`it answered HTTP ${response.status}`);
    }
    // The body is read after this returns (by the data source): its reads keep the same
    // deadline, and their failures the same codes.
    return new Proxy(response, {
      get(target, property) {
        if (property === "ok") return true;
        const value = Reflect.get(target, property, target);
        if (BODY_READERS.has(property) && typeof value === "function") {
          return () =>
            guard((value as () => Promise<unknown>).call(target)).then((body) => {
              release();
              return body;
            });
        }
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }) as Fetcher;
}
