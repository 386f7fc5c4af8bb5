import type { Fetcher } from "@apollo/utils.fetcher";
import { Agent, fetch } from "undici";

/**
 * A keep-alive HTTP client for subgraph calls. The gateway's default fetcher
 * (make-fetch-happen) spends about a third of the gateway's CPU per request, much of it
 * building an Error stack to detect https; an undici pool reuses sockets and skips that.
 */
export function createSubgraphFetcher(options: { connections?: number } = {}): {
  fetcher: Fetcher;
  close(): Promise<void>;
} {
  const dispatcher = new Agent({
    connections: options.connections ?? 128,
    // Shorter than the subgraphs' keep-alive, so the gateway closes idle sockets first.
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 60_000,
  });
  const fetcher = ((url, init) => fetch(url, { ...init, dispatcher } as never)) as Fetcher;
  return { fetcher, close: () => dispatcher.close() };
}
