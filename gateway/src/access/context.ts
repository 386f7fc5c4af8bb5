import type { RequestIdentity } from "@rnp/common";
import type { Transport } from "@rnp/policy/credentials";
import type { PortalRequest } from "../portal/sessionCredential";
import type { QuotaReservation } from "./quota";

/** Who receives a response: one audit row per recipient and person disclosed. */
export interface AuditRecipient {
  requestId: string;
  correlationId: string | null;
  clientAddress: string | null;
}

/** Per-request state of the gateway. */
export interface GatewayContext {
  /** Made by the gateway for each request; the audit's key to it. */
  requestId: string;
  /** The client's `x-request-id`, cut short: echoed and audited, never used as the request id. */
  correlationId?: string | null;
  clientAddress: string | null;
  /** The `Authorization` header as sent. */
  authorization: string | undefined;
  /** A person's portal session the request carries (cookie and its proofs), when it has no `Authorization`. */
  portal?: PortalRequest;
  /** The grant the request exercises, as `grantNumberOf` read it (trimmed, checked) where the request came in. */
  grantNumber: string | undefined;
  /** How the request came: a subscription's executions are `graphql-ws` (refusals name `connectionParams`). Default HTTP. */
  transport?: Transport;
  /** Set once the operation is authorised; forwarded, signed, to the subgraphs. */
  identity: RequestIdentity | null;
  /**
   * Set when the grant has a daily quota: the persons reserved for this request before it
   * ran, settled to the persons it discloses (a query's or a subscription delivery's alike,
   * times its recipients) when its response is sent.
   */
  quota?: QuotaReservation;
  /**
   * The approved composite data set's version the request executes by id (set by
   * `gateway/src/documents/`); audited with each disclosure, and what a safelisted grant requires.
   */
  compositeSet?: { id: number; version: number; grantId: number; grantNumber: string };
  /**
   * An execution shared by several subscribers (same set, cursor, document, key and grant):
   * called once, when the audit is written, it names every subscriber the result goes to.
   * Each gets its own rows and counts against the quota. Absent: this request alone.
   */
  recipients?: () => readonly AuditRecipient[];
  /** What the subgraphs reported disclosing: personal code → data groups. */
  disclosures: Map<string, Set<string>>;
}
