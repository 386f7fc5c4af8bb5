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
   * Set when the grant has a daily quota: the persons this request discloses (a query's or
   * a subscription delivery's alike) are added to that grant's use of that day.
   */
  quota?: { grantId: number; day: string };
  /**
   * The approved composite data set's version the request executes by id (set by
   * `gateway/src/documents/`); audited with each disclosure, and what a safelisted grant requires.
   */
  compositeSet?: { id: number; version: number; grantId: number; grantNumber: string };
  /** What the subgraphs reported disclosing: personal code → data groups. */
  disclosures: Map<string, Set<string>>;
}
