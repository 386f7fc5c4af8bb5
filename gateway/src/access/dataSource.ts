import { RemoteGraphQLDataSource } from "@apollo/gateway";
import { propagation, context as traceContext } from "@opentelemetry/api";
import { IDENTITY_HEADER, type RequestIdentity, type SigningKeys, signIdentity } from "@rnp/common";
import type { GatewayContext } from "./context";

/** An identity with no key and no role: it may read only the public catalog. */
export function anonymousIdentity(requestId: string): RequestIdentity {
  return { requestId, requesterId: 0, keyId: 0, role: null, grant: null, issuedAt: Date.now() };
}

/**
 * Forwards the caller's identity to one subgraph as a short-lived token bound to that
 * subgraph (its name) and to the exact body of the call, and collects what the subgraph
 * reports disclosing (`extensions.disclosures`), which never reaches the client.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
    private readonly signing: {
      keys: SigningKeys;
      /** The subgraph's name in the supergraph: the token's audience. */
      subgraph: string;
      ttlSeconds?: number;
    },
  ) {
    super(config);
  }

  override async willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>["willSendRequest"]>>[0]) {
    const identity = context.identity ?? anonymousIdentity(context.requestId ?? "internal");
    // The subgraph logs the same request id (the signed identity carries it too), and its
    // span continues the gateway's trace (a no-op unless tracing is configured).
    request.http?.headers.set("x-request-id", identity.requestId);
    if (request.http) propagation.inject(traceContext.active(), request.http.headers, headerSetter);
    request.http?.headers.set(
      IDENTITY_HEADER,
      await signIdentity(identity, {
        keys: this.signing.keys,
        audience: this.signing.subgraph,
        body: subgraphRequestBody(request),
        ...(this.signing.ttlSeconds ? { ttlSeconds: this.signing.ttlSeconds } : {}),
      }),
    );
  }

  override didReceiveResponse({
    response,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>["didReceiveResponse"]>>[0]) {
    const reported = response.extensions?.disclosures as
      | { personCode: string; dataGroups: string[] }[]
      | undefined;
    if (Array.isArray(reported) && context.disclosures) {
      for (const { personCode, dataGroups } of reported) {
        const groups = context.disclosures.get(personCode) ?? new Set<string>();
        for (const group of dataGroups) groups.add(group);
        context.disclosures.set(personCode, groups);
      }
      delete response.extensions?.disclosures;
    }
    return response;
  }
}

const headerSetter = {
  set: (headers: { set(name: string, value: string): void }, name: string, value: string) =>
    headers.set(name, value),
};

type SubgraphRequest = Parameters<
  NonNullable<RemoteGraphQLDataSource<GatewayContext>["willSendRequest"]>
>[0]["request"];

/**
 * The body `RemoteGraphQLDataSource` will send for `request`: it serialises the request
 * without `http`, `query` first (`process` rebuilds it as `{ query, ...rest }`; automatic
 * persisted queries are off). Any fetcher sends this string unchanged, so the hash the
 * subgraph computes over the body it receives matches. Should a gateway upgrade change
 * this, every subgraph call is refused at once ("issued for another request body").
 */
export function subgraphRequestBody(request: SubgraphRequest): string {
  const { http: _http, query, ...rest } = request;
  return JSON.stringify({ query, ...rest });
}
