import { createSecretKey, type KeyObject, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { hashApiKey, type PlatformEnvironment, parseSigningKeys, type SigningKey } from "@rnp/common";
import { type Database, schema } from "@rnp/db";
import type { GrantRecord, KeyRecord } from "@rnp/policy/credentials";
import { refusal } from "@rnp/policy/errors";
import { and, eq } from "drizzle-orm";
import { GraphQLError } from "graphql";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import { RateLimiter } from "../limits/rateLimit";
import { FAILED_SECRETS_PER_MINUTE, FailedSecrets } from "./oauthFailures";

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4) for the applications of docs/ENVIRONMENTS.md:
 * `POST /oauth/token` exchanges a client id and secret for a short-lived signed access token
 * (a JWT, HS256 with a `kid`), which the gateway then accepts as `Authorization: Bearer`
 * beside API keys. A token names its application (`sub`), its client (`client_id`) and the
 * secret that obtained it (`sid`): rotating a secret out ends its tokens too.
 */

const { oauthClients, oauthClientSecrets, applications } = schema.onboarding;
const { apiKeys, requesters, grants } = schema.access;

const ISSUER = "rnp-gateway";
export const DEFAULT_TOKEN_TTL_SECONDS = 300;
const MAX_FORM_BYTES = 8 * 1024;

/** The audience of this platform's tokens: a token of the test platform is refused on production. */
export const oauthAudience = (environment: PlatformEnvironment) => `rnp-graph:${environment.toLowerCase()}`;

export interface OAuthOptions {
  /** Keys the tokens are signed with: the first signs, all verify (rotation as INTERNAL_SIGNING_KEYS). */
  keys: readonly SigningKey[];
  /** Lifetime of an access token in seconds (default 300). */
  tokenTtlSeconds?: number;
}

/**
 * OAUTH_SIGNING_KEYS (`k2:secret2,k1:secret1`, the first signs) and OAUTH_TOKEN_TTL_SECONDS;
 * null when the keys are unset (client credentials are then off), a sentence when malformed.
 */
export function oauthOptionsFromEnv(
  env: Record<string, string | undefined> = process.env,
): OAuthOptions | null | { reason: string } {
  if (!env.OAUTH_SIGNING_KEYS) return null;
  const keys = parseSigningKeys(env.OAUTH_SIGNING_KEYS);
  if ("reason" in keys) return { reason: `OAUTH_SIGNING_KEYS: ${keys.reason}` };
  const ttl = Number(env.OAUTH_TOKEN_TTL_SECONDS ?? DEFAULT_TOKEN_TTL_SECONDS);
  if (!Number.isInteger(ttl) || ttl < 10 || ttl > 3600)
    return { reason: "OAUTH_TOKEN_TTL_SECONDS must be a whole number of seconds from 10 to 3600" };
  return { keys, tokenTtlSeconds: ttl };
}

/** Verifies access tokens for the access-control plugin. */
export interface AccessTokens {
  /**
   * The credential an access token stands for, with the grant `grantNumber` names, after
   * counting the request against the application's tier. Throws UNAUTHENTICATED (HTTP 401)
   * with a sentence for an expired, tampered, other-platform or rotated-out token, and
   * RATE_LIMITED (429) past the tier's requests a minute.
   */
  credentialOf(token: string, grantNumber: string | undefined): Promise<KeyRecord>;
  /**
   * The API key an access token stands for (its application's), verified as `credentialOf`
   * verifies it but not counted against the tier: for finding the token's approved composite
   * sets before the request is authenticated and counted once.
   */
  keyIdOf(token: string): Promise<number>;
}

type OAuthError = "invalid_request" | "invalid_client" | "invalid_grant" | "unsupported_grant_type";

function sendOAuth(
  response: ServerResponse,
  status: number,
  body: object,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    pragma: "no-cache",
    ...headers,
  });
  response.end(JSON.stringify(body));
}

const oauthError = (response: ServerResponse, status: number, error: OAuthError, description: string) =>
  sendOAuth(
    response,
    status,
    { error, error_description: description },
    status === 401 ? { "www-authenticate": 'Basic realm="rnp-graph", charset="UTF-8"' } : {},
  );

async function readForm(request: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The client id and secret of HTTP Basic (RFC 6749 §2.3.1: each form-urlencoded), or null. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null | "malformed" {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!header) return null;
  if (!match?.[1]) return "malformed";
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1) return "malformed";
  try {
    const plus = (text: string) => decodeURIComponent(text.replace(/\+/g, " "));
    return { id: plus(decoded.slice(0, colon)), secret: plus(decoded.slice(colon + 1)) };
  } catch {
    return "malformed";
  }
}

const unauthenticated = (message: string) => refusal("UNAUTHENTICATED", message);

/** The token endpoint and the verifier over the platform database. */
export function createOAuth(
  db: Database,
  options: OAuthOptions & { environment: PlatformEnvironment; rateLimiter: RateLimiter },
) {
  const audience = oauthAudience(options.environment);
  const ttl = options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  const secretKeys = new Map<string, KeyObject>(
    options.keys.map((key) => [key.id, createSecretKey(Buffer.from(key.secret, "utf8"))]),
  );
  const signingKey = options.keys[0];
  if (!signingKey) throw new Error("OAuth needs at least one signing key");
  // One limiter per tier size, each over the shared rate-limit table (keys `application:<id>`).
  const tierLimiters = new Map<number, RateLimiter>();
  const failedSecrets = new FailedSecrets(db);

  async function tokenRoute(request: IncomingMessage, response: ServerResponse) {
    if (request.method !== "POST")
      return oauthError(
        response,
        400,
        "invalid_request",
        "Send POST with an application/x-www-form-urlencoded body.",
      );
    if (!(request.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded"))
      return oauthError(
        response,
        400,
        "invalid_request",
        "The body must be application/x-www-form-urlencoded.",
      );
    const text = await readForm(request);
    if (text === null)
      return oauthError(response, 400, "invalid_request", `The body is over ${MAX_FORM_BYTES} bytes.`);
    const form = new URLSearchParams(text);
    const grantType = form.get("grant_type");
    if (!grantType)
      return oauthError(
        response,
        400,
        "invalid_request",
        "`grant_type` is missing: send client_credentials.",
      );
    if (grantType !== "client_credentials")
      return oauthError(
        response,
        400,
        "unsupported_grant_type",
        `This endpoint issues tokens for grant_type=client_credentials only, not ${grantType.slice(0, 40)}.`,
      );
    const basic = basicCredentials(request.headers.authorization);
    if (basic === "malformed")
      return oauthError(
        response,
        401,
        "invalid_client",
        "The Authorization header must be `Basic base64(client_id:client_secret)`.",
      );
    if (basic && (form.has("client_id") || form.has("client_secret")))
      return oauthError(
        response,
        400,
        "invalid_request",
        "Authenticate the client one way only: HTTP Basic or the form fields, not both.",
      );
    const id = basic?.id ?? form.get("client_id");
    const secret = basic?.secret ?? form.get("client_secret");
    if (!id || !secret)
      return oauthError(
        response,
        401,
        "invalid_client",
        "Send the client id and secret, by HTTP Basic or as client_id and client_secret.",
      );
    try {
      await options.rateLimiter.consume(`address:${request.socket.remoteAddress ?? "unknown"}`);
    } catch (error) {
      const retry = String((error as GraphQLError).extensions?.retryAfterSeconds ?? 60);
      return sendOAuth(
        response,
        429,
        { error: "rate_limited", error_description: (error as Error).message },
        { "retry-after": retry },
      );
    }
    const locked = await failedSecrets.lockedFor(id);
    if (locked > 0)
      return sendOAuth(
        response,
        429,
        {
          error: "rate_limited",
          error_description: `More than ${FAILED_SECRETS_PER_MINUTE} wrong secrets were sent for this client this minute; retry after ${locked} s (the Retry-After header) with the right secret.`,
        },
        { "retry-after": String(locked) },
      );
    const [row] = await db
      .select({
        secretId: oauthClientSecrets.id,
        validUntil: oauthClientSecrets.validUntil,
        keyRevokedAt: apiKeys.revokedAt,
        applicationNumber: applications.number,
        grant: grants,
      })
      .from(oauthClientSecrets)
      .innerJoin(oauthClients, eq(oauthClients.id, oauthClientSecrets.oauthClientId))
      .innerJoin(applications, eq(applications.id, oauthClients.applicationId))
      .innerJoin(apiKeys, eq(apiKeys.id, oauthClients.keyId))
      .leftJoin(grants, eq(grants.id, applications.grantId))
      .where(
        and(
          eq(oauthClients.clientId, id),
          eq(oauthClients.environment, options.environment),
          eq(oauthClientSecrets.secretHash, hashApiKey(secret)),
        ),
      );
    if (!row) {
      await failedSecrets.failed(id);
      return oauthError(
        response,
        401,
        "invalid_client",
        "The client id or secret is not known on this platform: credentials work only on the platform that issued them.",
      );
    }
    if (row.validUntil && row.validUntil.getTime() <= Date.now())
      return oauthError(
        response,
        401,
        "invalid_client",
        `This client secret was rotated out at ${row.validUntil.toISOString()}: use the new one.`,
      );
    if (row.keyRevokedAt)
      return oauthError(response, 401, "invalid_client", "This OAuth client was revoked by the operator.");
    const today = new Date().toISOString().slice(0, 10);
    if (!row.grant || row.grant.revokedAt || row.grant.validTo < today)
      return oauthError(
        response,
        400,
        "invalid_grant",
        `Application ${row.applicationNumber} has no valid grant on this platform: ask the operator.`,
      );
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await new SignJWT({ client_id: id, sid: row.secretId })
      .setProtectedHeader({ alg: "HS256", kid: signingKey!.id, typ: "at+jwt" })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setSubject(row.applicationNumber)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + ttl)
      .sign(secretKeys.get(signingKey!.id)!);
    return sendOAuth(response, 200, { access_token: accessToken, token_type: "Bearer", expires_in: ttl });
  }

  async function verify(token: string): Promise<{ sid: number; clientId: string }> {
    try {
      const { payload } = await jwtVerify(
        token,
        (header) => {
          const key = header.kid ? secretKeys.get(header.kid) : undefined;
          if (!key) throw new joseErrors.JWSSignatureVerificationFailed();
          return key;
        },
        { issuer: ISSUER, audience, algorithms: ["HS256"], clockTolerance: 5 },
      );
      if (typeof payload.sid !== "number" || typeof payload.client_id !== "string")
        throw new joseErrors.JWTInvalid("claims");
      return { sid: payload.sid, clientId: payload.client_id };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired)
        throw unauthenticated("The access token has expired: get a new one from POST /oauth/token.");
      if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === "aud") {
        throw unauthenticated(
          `The access token is for another platform; this one accepts audience ${audience}. Get a token from this platform's POST /oauth/token with its credentials.`,
        );
      }
      throw unauthenticated(
        "The access token does not verify (altered, or not issued by this platform): get a new one from POST /oauth/token.",
      );
    }
  }

  async function countTier(applicationId: number, perMinute: number | null) {
    if (perMinute === null) return;
    let limiter = tierLimiters.get(perMinute);
    if (!limiter) {
      limiter = new RateLimiter(db, perMinute);
      tierLimiters.set(perMinute, limiter);
    }
    try {
      await limiter.consume(`application:${applicationId}`);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      throw new GraphQLError(
        `Your application's usage tier allows ${perMinute} requests a minute, all used; retry after ${error.extensions.retryAfterSeconds} s (the Retry-After header), or ask the operator for a larger tier.`,
        { extensions: error.extensions },
      );
    }
  }

  const tokens: AccessTokens = {
    async keyIdOf(token) {
      return (await lookUp(token, "")).keyId;
    },
    async credentialOf(token, grantNumber = "") {
      const row = await lookUp(token, grantNumber);
      await countTier(row.applicationId, row.requestsPerMinute);
      // The day's use is not read here: quotaDay "" makes the grant check read it fresh.
      const grant: GrantRecord | null = row.grant
        ? {
            ...row.grant,
            conditions: row.grant.conditions as GrantRecord["conditions"],
            quotaUsed: 0,
            quotaDay: "",
          }
        : null;
      return {
        grant,
        keyId: row.keyId,
        role: "REQUESTER",
        expiresAt: null,
        revokedAt: null,
        requesterId: row.requesterId,
        requesterName: row.requesterName,
      };
    },
  };

  /** The token verified and its client, key and (bound) grant read; throws UNAUTHENTICATED. */
  async function lookUp(token: string, grantNumber: string) {
    const claims = await verify(token);
    const [row] = await db
      .select({
        validUntil: oauthClientSecrets.validUntil,
        clientId: oauthClients.clientId,
        keyId: apiKeys.id,
        keyRevokedAt: apiKeys.revokedAt,
        applicationId: applications.id,
        requestsPerMinute: applications.requestsPerMinute,
        requesterId: requesters.id,
        requesterName: requesters.name,
        grant: grants,
      })
      .from(oauthClientSecrets)
      .innerJoin(oauthClients, eq(oauthClients.id, oauthClientSecrets.oauthClientId))
      .innerJoin(applications, eq(applications.id, oauthClients.applicationId))
      .innerJoin(apiKeys, eq(apiKeys.id, oauthClients.keyId))
      .innerJoin(requesters, eq(requesters.id, apiKeys.requesterId))
      // Binding (docs/ENVIRONMENTS.md): a token names only its application's grants; any
      // other grant is not found, refused as "not a grant of yours" like another organisation's.
      .leftJoin(
        grants,
        and(eq(grants.number, grantNumber), eq(grants.applicationId, oauthClients.applicationId)),
      )
      .where(eq(oauthClientSecrets.id, claims.sid));
    if (!row || row.clientId !== claims.clientId)
      throw unauthenticated("The access token's client is not known on this platform: get a new token.");
    if (row.validUntil && row.validUntil.getTime() <= Date.now()) {
      throw unauthenticated(
        `The access token was obtained with a client secret rotated out at ${row.validUntil.toISOString()}: get a new token with the new secret.`,
      );
    }
    if (row.keyRevokedAt) throw unauthenticated("The OAuth client was revoked: ask the operator.");
    return row;
  }
  return { tokenRoute, tokens };
}
