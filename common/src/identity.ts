import { createHmac, timingSafeEqual } from "node:crypto";
import type { GrantCondition } from "./conditions";

export type Role = "REQUESTER" | "REQUESTER_ADMIN" | "PROVIDER" | "OPERATOR";
export type PlatformEnvironment = "TEST" | "PRODUCTION";

/** The grant a data request exercises, as the gateway found it valid for this request. */
export interface ExercisedGrant {
  id: number;
  number: string;
  dataGroups: string[];
  conditions: GrantCondition[];
  purpose: string;
  monitoringAllowed: boolean;
}

/** Who is asking, established by the gateway and forwarded, signed, to the subgraphs. */
export interface RequestIdentity {
  requestId: string;
  requesterId: number;
  keyId: number;
  /** Null for an anonymous caller, who may read only the public catalog. */
  role: Role | null;
  /** Present on data requests: the grant named in the request's `Grant` header. */
  grant: ExercisedGrant | null;
  /** Milliseconds since the epoch; subgraphs refuse contexts older than `maxAgeMs`. */
  issuedAt: number;
}

/** The header that carries the signed identity from the gateway to the subgraphs. */
export const IDENTITY_HEADER = "x-rnp-identity";

function mac(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

/** `payload.signature`, both base64url: HMAC-SHA256 over the JSON identity. */
export function signIdentity(identity: RequestIdentity, secret: string): string {
  const payload = Buffer.from(JSON.stringify(identity)).toString("base64url");
  return `${payload}.${mac(secret, payload)}`;
}

/**
 * The identity in a signed header, or a sentence saying why it is not acceptable (absent,
 * malformed, signed with another secret, or older than `maxAgeMs`). Never throws.
 */
export function verifyIdentity(
  header: string | undefined,
  secret: string,
  maxAgeMs = 5 * 60_000,
): { identity: RequestIdentity } | { reason: string } {
  if (!header) return { reason: "the request carries no identity from the gateway" };
  const [payload, signature] = header.split(".");
  if (!payload || !signature) return { reason: "the identity header is malformed" };
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { reason: "the identity header is not signed by this platform's gateway" };
  }
  let identity: RequestIdentity;
  try {
    identity = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as RequestIdentity;
  } catch {
    return { reason: "the identity header is malformed" };
  }
  if (Math.abs(Date.now() - identity.issuedAt) > maxAgeMs)
    return { reason: "the identity header has expired" };
  return { identity };
}

/**
 * Whether ACCESS_CONTROL=off asks to run without authentication, grants and audit: only
 * for measuring their cost (`pnpm bench`). Refused in production mode.
 */
export function accessControlFromEnv(): boolean {
  if (process.env.ACCESS_CONTROL !== "off") return true;
  if (process.env.NODE_ENV === "production") {
    console.error("ACCESS_CONTROL=off is refused in production mode.");
    process.exit(1);
  }
  console.warn("ACCESS_CONTROL=off: no authentication, no grants, no audit. For benchmarks only.");
  return false;
}

/**
 * The identity a subgraph assumes when access control is off. Its groups are not listed:
 * with access control off no field checks them.
 */
export const UNRESTRICTED_IDENTITY: RequestIdentity = {
  requestId: "unrestricted",
  requesterId: 0,
  keyId: 0,
  role: "OPERATOR",
  grant: {
    id: 0,
    number: "UNRESTRICTED",
    dataGroups: [],
    conditions: [],
    purpose: "benchmark baseline",
    monitoringAllowed: true,
  },
  issuedAt: 0,
};
