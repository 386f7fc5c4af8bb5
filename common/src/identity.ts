import { createHash, randomUUID } from "node:crypto";
import { createSigner, createVerifier, TokenError } from "fast-jwt";
import type { Environment, Role } from "./__generated__/enums";
import type { GrantCondition } from "./conditions";

// Both are enums of the catalog's SDL; the generated unions are their one declaration.
export type { Role };
/** The SDL's `Environment`: the platform's, a grant's and a key's environment. */
export type PlatformEnvironment = Environment;

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
  /** Milliseconds since the epoch, when the gateway established it (the token has its own `iat`/`exp`). */
  issuedAt: number;
  /** The person acting through a portal session; absent for API keys and OAuth tokens. */
  actor?: PortalActor;
}

/**
 * A person signed in to the portal. `PORTAL`: pages with no person data (people and roles,
 * "who viewed my data"); `PDP`: an official's look-up by hand under the organisation's grant;
 * `SELF`: the data subject reading their own register data.
 */
export interface PortalActor {
  personCode: string;
  channel: "PORTAL" | "PDP" | "SELF";
  /** The purpose or case reference the official entered (PDP). */
  caseReference?: string;
}

/** The built-in grant of the data subject's right of access: their own data, every group. */
export const SELF_ACCESS_GRANT_NUMBER = "SELF";

/** The header that carries the signed identity token from the gateway to a subgraph. */
export const IDENTITY_HEADER = "x-rnp-identity";

/** A secret with an id: the id goes into each token's `kid` header so keys can be rotated. */
export interface SigningKey {
  id: string;
  secret: string;
}

/**
 * The keys a part signs and verifies internal identity tokens with: the first signs, all
 * verify. During a rotation the new key is put first everywhere and the old one kept after
 * it until every part has restarted with the new list; then the old one is dropped.
 * A plain string is one key whose id is derived from the secret (so every part that has the
 * same INTERNAL_SIGNING_SECRET agrees on it without configuration).
 */
export type SigningKeys = string | readonly SigningKey[];

// One key object per secret, so its imported KeyObject is cached rather than rebuilt per call.
const singleKeys = new Map<string, readonly SigningKey[]>();
function singleKeyOf(secret: string): readonly SigningKey[] {
  let keys = singleKeys.get(secret);
  if (!keys) {
    keys = [{ id: `s-${createHash("sha256").update(secret).digest("base64url").slice(0, 10)}`, secret }];
    singleKeys.set(secret, keys);
  }
  return keys;
}

/** The keys of `SigningKeys`, first the one that signs; throws on an empty list or a short secret. */
export function keysOf(keys: SigningKeys): readonly SigningKey[] {
  const list = typeof keys === "string" ? singleKeyOf(keys) : keys;
  if (list.length === 0) throw new Error("no internal signing key is configured");
  for (const key of list) {
    if (key.secret.length < 16)
      throw new Error(`internal signing key "${key.id}" is shorter than 16 characters`);
  }
  return list;
}

/**
 * Parses INTERNAL_SIGNING_KEYS, `id:secret` pairs separated by commas (`k2:secret2,k1:secret1`,
 * the first signs). Returns a sentence saying what is wrong instead of keys when malformed.
 */
export function parseSigningKeys(text: string): readonly SigningKey[] | { reason: string } {
  const keys: SigningKey[] = [];
  for (const entry of text.split(",").map((part) => part.trim())) {
    const colon = entry.indexOf(":");
    const id = entry.slice(0, colon).trim();
    const secret = entry.slice(colon + 1);
    if (colon < 1 || !/^[\w.-]{1,64}$/.test(id))
      return { reason: `"${entry.slice(0, 20)}…" is not "id:secret" (the id: letters, digits, "._-")` };
    if (secret.length < 16) return { reason: `the secret of key "${id}" is shorter than 16 characters` };
    if (keys.some((key) => key.id === id)) return { reason: `key id "${id}" appears twice` };
    keys.push({ id, secret });
  }
  return keys;
}

/**
 * The internal signing keys from the environment: INTERNAL_SIGNING_KEYS (`k2:secret2,k1:secret1`,
 * the first signs) or else INTERNAL_SIGNING_SECRET (one key); null when neither is set, a
 * sentence when malformed.
 */
export function signingKeysFromEnv(
  env: Record<string, string | undefined> = process.env,
): SigningKeys | null | { reason: string } {
  if (env.INTERNAL_SIGNING_KEYS) {
    const keys = parseSigningKeys(env.INTERNAL_SIGNING_KEYS);
    return "reason" in keys ? { reason: `INTERNAL_SIGNING_KEYS: ${keys.reason}` } : keys;
  }
  const secret = env.INTERNAL_SIGNING_SECRET;
  if (secret === undefined) return null;
  if (secret.length < 16) return { reason: "INTERNAL_SIGNING_SECRET is shorter than 16 characters" };
  return secret;
}

/**
 * Lifetime of the gateway's identity tokens from INTERNAL_TOKEN_TTL_SECONDS (1–300, default
 * 30); throws with a sentence when it is not such a number.
 */
export function identityTtlSecondsFromEnv(env: Record<string, string | undefined> = process.env): number {
  const text = env.INTERNAL_TOKEN_TTL_SECONDS;
  if (text === undefined || text === "") return DEFAULT_IDENTITY_TTL_SECONDS;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > MAX_IDENTITY_TTL_SECONDS)
    throw new Error(
      `INTERNAL_TOKEN_TTL_SECONDS must be a whole number of seconds from 1 to ${MAX_IDENTITY_TTL_SECONDS}; got "${text}".`,
    );
  return value;
}

/** base64url SHA-256 of the exact HTTP body a token is issued for. */
export function bodyHash(body: string): string {
  return createHash("sha256").update(body).digest("base64url");
}

/** Default lifetime of an identity token: long enough for clock skew, too short to be worth stealing. */
export const DEFAULT_IDENTITY_TTL_SECONDS = 30;
/** Longest lifetime a subgraph accepts, so a replay cache never has to hold a token for long. */
const MAX_IDENTITY_TTL_SECONDS = 300;
const ISSUER = "rnp-gateway";

export interface SignIdentityOptions {
  keys: SigningKeys;
  /** The subgraph the token is for (`person`, `catalog`, `monitoring`); others refuse it. */
  audience: string;
  /** The exact HTTP body the token travels with; the subgraph refuses it with any other. */
  body: string;
  /** Lifetime in seconds; default `DEFAULT_IDENTITY_TTL_SECONDS`. */
  ttlSeconds?: number;
}

// fast-jwt signs and verifies HS256 with node:crypto's HMAC, synchronously: jose 6 goes
// through WebCrypto (an async job and a key conversion per call), which cost a subgraph about
// a tenth of its CPU per request. One signer or verifier per key, built once.
const signers = new WeakMap<SigningKey, (payload: Record<string, unknown>) => string>();
function signerOf(key: SigningKey) {
  let signer = signers.get(key);
  if (!signer) {
    signer = createSigner({ key: key.secret, algorithm: "HS256", kid: key.id, iss: ISSUER });
    signers.set(key, signer);
  }
  return signer;
}

/**
 * A short-lived JWT (HS256, `kid` header) that carries the identity to one subgraph for one
 * request: `aud` the subgraph, `bh` the body's SHA-256, a random `jti`, `iat`/`exp` seconds apart.
 */
export async function signIdentity(identity: RequestIdentity, options: SignIdentityOptions): Promise<string> {
  const [key] = keysOf(options.keys);
  const now = Math.floor(Date.now() / 1000);
  return signerOf(key!)({
    identity,
    bh: bodyHash(options.body),
    aud: options.audience,
    jti: randomUUID(),
    iat: now,
    exp: now + (options.ttlSeconds ?? DEFAULT_IDENTITY_TTL_SECONDS),
  });
}

export interface IdentityVerifier {
  /**
   * The identity in a token, or a sentence saying why it is not acceptable: absent,
   * malformed, signed with an unknown key or another secret, for another subgraph, expired,
   * issued for another body, or already used. A token is accepted once. Never throws.
   */
  verify(
    header: string | undefined,
    body: string,
  ): Promise<{ identity: RequestIdentity } | { reason: string }>;
}

interface TokenClaims {
  identity?: unknown;
  bh?: unknown;
  jti: string;
  iat: number;
  exp: number;
}

/** The protected header's `alg` and `kid`, or null when the token is not three base64url JSON parts. */
function protectedHeaderOf(token: string): { alg?: unknown; kid?: unknown } | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, "base64url").toString("utf8")) as unknown;
    return header && typeof header === "object" ? header : null;
  } catch {
    return null;
  }
}

/**
 * Verifies identity tokens for the subgraph `audience`. Seen `jti`s are kept in memory until
 * their token expires (and the signature makes a changed `jti` worthless), so a captured
 * header cannot be replayed to this process. The memory is per process: within the token's
 * seconds, a replay to another replica of the same subgraph could run the very same request
 * once more (not another one: the body is bound).
 */
export function createIdentityVerifier(options: {
  keys: SigningKeys;
  audience: string;
  /** Seconds of clock difference tolerated between gateway and subgraph; default 5. */
  clockToleranceSeconds?: number;
}): IdentityVerifier {
  const tolerance = options.clockToleranceSeconds ?? 5;
  // One verifier per key id: the `kid` picks it, so verifying stays synchronous.
  const verifiers = new Map(
    keysOf(options.keys).map((key) => [
      key.id,
      createVerifier({
        key: key.secret,
        algorithms: ["HS256"],
        allowedIss: ISSUER,
        allowedAud: options.audience,
        clockTolerance: tolerance * 1000,
        requiredClaims: ["jti", "iat", "exp", "aud"],
        // Each token is valid once: a cache of verified tokens would only hold garbage.
        cache: false,
      }) as (token: string) => TokenClaims,
    ]),
  );
  // jti → expiry (ms); insertion order is close to expiry order, so expired ones are at the front.
  const seen = new Map<string, number>();
  const forgetExpired = (now: number) => {
    for (const [jti, expires] of seen) {
      if (expires > now) break;
      seen.delete(jti);
    }
  };
  return {
    async verify(header, body) {
      if (!header) return { reason: "the request carries no identity from the gateway" };
      const protectedHeader = protectedHeaderOf(header);
      if (protectedHeader?.alg !== "HS256") return { reason: "the identity header is malformed" };
      const kid = typeof protectedHeader.kid === "string" ? protectedHeader.kid : undefined;
      const verifyToken = kid ? verifiers.get(kid) : undefined;
      if (!verifyToken)
        return {
          reason: `the identity token is signed with key "${kid ?? "(none)"}", which this subgraph does not have (check INTERNAL_SIGNING_KEYS)`,
        };
      let payload: TokenClaims;
      try {
        payload = verifyToken(header);
      } catch (error) {
        return { reason: refusalOf(error, options.audience) };
      }
      if (payload.exp - payload.iat > MAX_IDENTITY_TTL_SECONDS)
        return { reason: `the identity token lives longer than ${MAX_IDENTITY_TTL_SECONDS} s` };
      if (payload.bh !== bodyHash(body))
        return { reason: "the identity token was issued for another request body" };
      const now = Date.now();
      forgetExpired(now);
      if (seen.has(payload.jti))
        return { reason: "the identity token was already used (each is valid once)" };
      seen.set(payload.jti, (payload.exp + tolerance) * 1000);
      const identity = payload.identity as RequestIdentity | undefined;
      if (!identity || typeof identity !== "object")
        return { reason: "the identity token carries no identity" };
      return { identity };
    },
  };
}

function refusalOf(error: unknown, audience: string): string {
  if (!(error instanceof TokenError)) return "the identity header is malformed";
  switch (error.code) {
    case TokenError.codes.expired:
      return "the identity token has expired";
    case TokenError.codes.invalidSignature:
      return "the identity token is not signed by this platform's gateway";
    case TokenError.codes.invalidClaimValue:
    case TokenError.codes.invalidClaimType:
    case TokenError.codes.missingRequiredClaim:
    case TokenError.codes.inactive: {
      const claim = /\b(?:The|of) (\w+) claim/.exec(error.message)?.[1] ?? "nbf";
      if (claim === "aud") return `the identity token is for another subgraph, not ${audience}`;
      return `the identity token's "${claim}" claim is not acceptable`;
    }
    default:
      return "the identity header is malformed";
  }
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
