import { createRequire } from "node:module";

/**
 * OpenTelemetry traces, only when an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT
 * or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, the standard variables; OTEL_SERVICE_NAME names
 * the process). The gateway's own spans (`gateway.request`, `gateway.plan`, `gateway.fetch`…,
 * from @apollo/gateway) are exported, the W3C `traceparent` is sent to the subgraphs, and each
 * subgraph request is a child span (`<part>.request`). Without an endpoint nothing is loaded.
 */
export function tracingConfigured(): boolean {
  return Boolean(
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim(),
  );
}

/**
 * @opentelemetry/api as CommonJS, the build @apollo/gateway loads: each build has its own
 * proxy tracer provider, and the gateway takes its tracer from the CommonJS one when it is
 * loaded, before tracing starts. Registering through that build gives its proxy the real
 * provider; the ESM build (our own spans) reads the same global registration.
 */
const otelApi = () =>
  createRequire(import.meta.url)("@opentelemetry/api") as typeof import("@opentelemetry/api");

/** Starts exporting when configured; resolves with a function that flushes and stops, or null. */
export async function startTracing(serviceName: string): Promise<(() => Promise<void>) | null> {
  if (!tracingConfigured()) return null;
  const { context, propagation, trace } = otelApi();
  const [{ AsyncLocalStorageContextManager }, core, sdk, exporter, resources] = await Promise.all([
    import("@opentelemetry/context-async-hooks"),
    import("@opentelemetry/core"),
    import("@opentelemetry/sdk-trace"),
    import("@opentelemetry/exporter-trace-otlp-http"),
    import("@opentelemetry/resources"),
  ]);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(
    new core.CompositePropagator({
      propagators: [new core.W3CTraceContextPropagator(), new core.W3CBaggagePropagator()],
    }),
  );
  const provider = new sdk.TracerProvider({
    resource: resources.resourceFromAttributes({
      "service.name": process.env.OTEL_SERVICE_NAME?.trim() || serviceName,
    }),
    spanProcessors: [new sdk.BatchSpanProcessor({ exporter: new exporter.OTLPTraceExporter() })],
  });
  trace.setGlobalTracerProvider(provider);
  return () => provider.shutdown();
}
