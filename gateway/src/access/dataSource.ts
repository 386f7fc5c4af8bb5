import { RemoteGraphQLDataSource } from "@apollo/gateway";
import { IDENTITY_HEADER, type RequestIdentity, signIdentity } from "@rnp/common";
import type { GatewayContext } from "./context";

/** An identity with no key and no role: it may read only the public catalog. */
export function anonymousIdentity(requestId: string): RequestIdentity {
  return { requestId, requesterId: 0, keyId: 0, role: null, grant: null, issuedAt: Date.now() };
}

/**
 * Forwards the caller's identity to a subgraph, signed, and collects what the subgraph
 * reports disclosing (`extensions.disclosures`), which never reaches the client.
 */
export class SignedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
    private readonly signingSecret: string,
  ) {
    super(config);
  }

  override willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>["willSendRequest"]>>[0]) {
    const identity = context.identity ?? anonymousIdentity(context.requestId ?? "internal");
    request.http?.headers.set(IDENTITY_HEADER, signIdentity(identity, this.signingSecret));
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
