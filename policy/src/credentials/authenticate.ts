import { graphQLError, type RequestIdentity } from "@rnp/common";
import { bearerOf, looksLikeJwt } from "./bearer";
import { PLACES, type Transport } from "./transport";
import type { Credential, GrantRecord, KeyRecord } from "./types";

/**
 * Where credentials are looked up. The gateway gives the database's (`findApiKey`), its OAuth
 * verifier and its portal sessions; each returns or throws with its own sentences.
 */
export interface CredentialSources<S = never> {
  /** The API key's record with the named grant (bound to the key's application), or undefined when unknown. */
  apiKey(key: string, grantNumber: string | undefined): Promise<KeyRecord | undefined>;
  /**
   * The record an OAuth access token stands for, with the named grant. Throws UNAUTHENTICATED
   * (expired, altered, another platform's, rotated out) or RATE_LIMITED (the application's
   * tier). Absent when the platform issues no tokens: a JWT is then an unknown credential.
   */
  oauthToken?(token: string, grantNumber: string | undefined): Promise<KeyRecord>;
  /** A person's portal session; absent when the portal is not served (a session is then ignored). */
  session?(session: S): Promise<{ identity: RequestIdentity; namedGrant: GrantRecord | null }>;
}

/** What a request presents, read from its headers or its graphql-ws `connectionParams`. */
export interface PresentedCredential<S = never> {
  /** `Authorization` (or `connectionParams.authorization`) as sent. */
  authorization: unknown;
  /** The grant it names, already read by `grantNumberOf`. */
  grantNumber: string | undefined;
  /** A portal session, for a request without `Authorization` that carries one. */
  session?: S | undefined;
  transport: Transport;
}

const refuse = (message: string) => graphQLError("UNAUTHENTICATED", message, { http: { status: 401 } });

/**
 * Who asks: an API key or an OAuth access token as `Bearer <credential>`, or a portal session;
 * null when the request presents nothing (an anonymous caller, who may read the public
 * catalog). The same on every route and transport. Throws UNAUTHENTICATED (HTTP 401) with a
 * sentence saying what to fix for a malformed header and an unknown, revoked or expired
 * credential, and passes on what a source throws (a token's own refusals, its tier's
 * RATE_LIMITED).
 */
export async function authenticate<S>(
  presented: PresentedCredential<S>,
  sources: CredentialSources<S>,
  now: number = Date.now(),
): Promise<Credential | null> {
  const bearer = bearerOf(presented.authorization);
  if (bearer.kind === "none") {
    if (presented.session === undefined || !sources.session) return null;
    const { identity, namedGrant } = await sources.session(presented.session);
    return { kind: "session", identity, grant: namedGrant };
  }
  const place = PLACES[presented.transport].authorization;
  if (bearer.kind === "malformed") {
    throw refuse(`${capitalised(place)} must read \`Bearer <API key or access token>\`.`);
  }
  const { credential } = bearer;
  if (looksLikeJwt(credential) && sources.oauthToken) {
    return { kind: "oauthToken", ...(await sources.oauthToken(credential, presented.grantNumber)) };
  }
  const key = await sources.apiKey(credential, presented.grantNumber);
  if (!key) {
    throw refuse(
      looksLikeJwt(credential)
        ? "This platform issues no OAuth access tokens: send an API key as `Bearer <key>`."
        : `The API key in ${place} is not known: check that it was copied whole.`,
    );
  }
  const shown = `${credential.slice(0, 10)}…`;
  if (key.revokedAt) {
    throw refuse(
      `The API key ${shown} was revoked on ${key.revokedAt.toISOString()}: ask your administrator for a new one.`,
    );
  }
  if (key.expiresAt && key.expiresAt.getTime() <= now) {
    throw refuse(
      `The API key ${shown} expired on ${key.expiresAt.toISOString()}: ask your administrator for a new one.`,
    );
  }
  return { kind: "apiKey", ...key };
}

/**
 * The refusal for a request that needs a credential and presented none, saying where to send
 * it (kept within a close frame's 123 bytes over graphql-ws).
 */
export function credentialRequired(transport: Transport) {
  return refuse(
    transport === "graphql-ws"
      ? "A subscription needs an API key or OAuth access token: send `Bearer <credential>` in `connectionParams.authorization`."
      : "This operation needs an API key or OAuth access token: send it as `Authorization: Bearer <credential>`. Keys are issued by the platform operator.",
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
