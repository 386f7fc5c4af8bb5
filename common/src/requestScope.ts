import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What code deep inside one HTTP request (the gateway's subgraph fetcher, the error
 * formatter) needs to know about it without a context argument: its request id, once the
 * context function has made one, and a signal that aborts when the client goes away.
 */
export interface RequestScope {
  requestId?: string;
  /** Aborted when the client closes the connection before the answer is sent. */
  signal: AbortSignal;
  /** What the request's log line and metrics report, filled in as the request is served. */
  observed?: {
    operationName?: string | null;
    /** The caller's requester id, once authenticated. */
    requesterId?: number | null;
    /** The client's own `x-request-id`, when the gateway kept it. */
    correlationId?: string | null;
    /** `extensions.code` of each error answered. */
    errorCodes?: string[];
  };
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `work` (and everything it awaits) inside `scope`. */
export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/** The scope of the HTTP request being served, or undefined outside one (e.g. a subscription). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}
