import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { currentRequestScope, type RequestScope } from "../requestScope";
import type { Logger } from "./logger";
import type { PartMetrics } from "./metrics";
import { tracingConfigured } from "./tracing";

/**
 * Notes in the request's scope what its log line and metrics report: the operation, the
 * authenticated requester and the error codes answered. The HTTP layer reports them when
 * the answer has left (`observeRequest`), so refusals made before Apollo (rate limit, body
 * errors) are counted too.
 */
export function observationPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName, request, response }) {
          const scope = currentRequestScope();
          if (!scope) return;
          const { identity, correlationId } = contextValue as {
            identity?: { requesterId?: number } | null;
            correlationId?: string | null;
          };
          const errors = response.body.kind === "single" ? (response.body.singleResult.errors ?? []) : [];
          scope.observed = {
            operationName: operationName ?? request.operationName ?? null,
            requesterId: identity?.requesterId || null,
            correlationId: correlationId ?? null,
            errorCodes: errors.map((error) => String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR")),
          };
        },
      };
    },
  };
}

export interface RequestObserver {
  part: string;
  metrics: PartMetrics;
  logger: Logger;
}

/**
 * Serves one HTTP request through `handle`, inside a `<part>.http` span when tracing is on
 * (continuing the caller's `traceparent`), and once the answer is sent, for `/graphql`,
 * logs one line (request id, operation, requester, status, duration, error codes) and
 * counts it in the part's metrics.
 */
export function observeRequest(
  observer: RequestObserver,
  request: IncomingMessage,
  response: ServerResponse,
  scope: RequestScope,
  handle: () => unknown,
): unknown {
  const path = (request.url ?? "/").split("?")[0];
  if (path !== "/graphql" && path !== "/") return handle();
  const started = performance.now();
  const span = tracingConfigured()
    ? trace
        .getTracer("@rnp/common")
        .startSpan(
          `${observer.part}.http`,
          { kind: SpanKind.SERVER, attributes: { "http.request.method": request.method ?? "" } },
          propagation.extract(ROOT_CONTEXT, request.headers),
        )
    : undefined;
  response.once("close", () => {
    const seconds = (performance.now() - started) / 1000;
    const observed = scope.observed ?? {};
    const operation = observer.metrics.operationLabel(observed.operationName);
    const requester = observed.requesterId ? String(observed.requesterId) : "anonymous";
    const status = response.writableFinished ? response.statusCode : 499;
    observer.metrics.requests.inc({ operation, requester, status: String(status) });
    observer.metrics.duration.observe({ operation, requester }, seconds);
    for (const code of observed.errorCodes ?? []) observer.metrics.errors.inc({ operation, requester, code });
    const line = {
      requestId: scope.requestId ?? correlationIdOf(request.headers["x-request-id"]),
      ...(observed.correlationId ? { correlationId: observed.correlationId } : {}),
      operationName: observed.operationName ?? null,
      requesterId: observed.requesterId ?? null,
      status,
      durationMs: Math.round(seconds * 10_000) / 10,
      ...(observed.errorCodes?.length ? { errorCodes: observed.errorCodes } : {}),
    };
    if (status >= 500) observer.logger.warn(line, "request answered");
    else observer.logger.info(line, "request answered");
    if (span) {
      span.setAttribute("http.response.status_code", status);
      if (scope.requestId) span.setAttribute("rnp.request_id", scope.requestId);
      if (observed.operationName) span.setAttribute("graphql.operation.name", observed.operationName);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
  });
  return span ? context.with(trace.setSpan(context.active(), span), handle) : handle();
}

/**
 * A client's `x-request-id`, kept as a correlation id: printable ASCII only, at most 64
 * characters, so it cannot forge log lines or fill an audit row; null when nothing is left.
 */
export function correlationIdOf(header: string | string[] | undefined): string | null {
  const given = Array.isArray(header) ? header[0] : header;
  const cleaned = given?.replace(/[^\x21-\x7e]/g, "").slice(0, 64);
  return cleaned ? cleaned : null;
}
