import type { RequestIdentity } from "@rnp/common";

/** Per-request state of the gateway. */
export interface GatewayContext {
  /** Made by the gateway for each request; the audit's key to it. */
  requestId: string;
  /** The client's `x-request-id`, cut short: echoed and audited, never used as the request id. */
  correlationId?: string | null;
  clientAddress: string | null;
  /** The `Authorization` header as sent. */
  authorization: string | undefined;
  /** The `Grant` header as sent: the number of the grant the request exercises. */
  grantNumber: string | undefined;
  /** Set once the operation is authorised; forwarded, signed, to the subgraphs. */
  identity: RequestIdentity | null;
  /**
   * False for a subscription's own executions: monitoring is billed by persons monitored,
   * and an idle subscriber's periodic grant re-checks must not use up the request quota.
   */
  countsAgainstQuota: boolean;
  /** What the subgraphs reported disclosing: personal code → data groups. */
  disclosures: Map<string, Set<string>>;
}
