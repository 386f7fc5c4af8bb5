import type { IncomingMessage, ServerResponse } from "node:http";
import { checkPersonCode, formatPersonCode } from "@rnp/common";
import { type ErrorCode, statusOf } from "@rnp/policy/errors";
import * as oidc from "openid-client";
import type { OidcSettings } from "./config";
import { cookieNames, cookiesOf, serializeCookie } from "./cookies";
import { hashToken, type SessionStore } from "./sessions";

export interface RelyingPartyOptions {
  /** The portal's own origin, e.g. `http://localhost:4000`: the callback is `…/portal/auth/callback`. */
  origin: string;
  /** The OpenID provider: the national one, or the embedded test provider (resolved lazily). */
  provider: () => Promise<OidcSettings>;
  sessions: SessionStore;
}

/** The path the provider sends people back to. */
export const CALLBACK_PATH = "/portal/auth/callback";

/**
 * A sign-in answer the relying party refuses: a sentence for the person and a stable code for
 * tests and the log (`LOGIN_EXPIRED`, `SIGN_IN_REFUSED`, `NOT_A_PERSON`).
 */
function refusalPage(response: ServerResponse, code: ErrorCode, message: string) {
  response.writeHead(statusOf(code), {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "x-frame-options": "DENY",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "x-refusal-code": code,
  });
  response.end(`<!doctype html><html lang="lv"><head><meta charset="utf-8"><title>Pierakstīšanās neizdevās</title></head>
<body><main><h1>Pierakstīšanās neizdevās</h1><p>${message}</p><p lang="en">Sign-in failed (${code}).</p>
<p><a href="/portal/">Atpakaļ uz portālu</a></p></main></body></html>`);
}

function json(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  response.end(JSON.stringify(body));
}

/** Where to return after sign-in: a path of the portal, never another site. */
function safeReturnTo(text: string | null): string {
  return text && /^\/portal\/[\w\-/]*$/.test(text) ? text : "/portal/";
}

/**
 * The portal's OpenID Connect relying party (`openid-client`): authorisation code with PKCE
 * (S256), state and nonce, each sign-in usable once; then a server-side session in a cookie.
 */
export function relyingParty(options: RelyingPartyOptions) {
  const secure = options.origin.startsWith("https:");
  const names = cookieNames(secure);
  const redirectUri = `${options.origin}${CALLBACK_PATH}`;
  let configuration: Promise<oidc.Configuration> | null = null;
  const config = () => {
    configuration ??= options.provider().then(async (settings) => {
      const issuer = new URL(settings.issuer);
      return oidc.discovery(
        issuer,
        settings.clientId,
        settings.clientSecret,
        undefined,
        issuer.protocol === "http:" ? { execute: [oidc.allowInsecureRequests] } : undefined,
      );
    });
    configuration.catch(() => {
      configuration = null;
    });
    return configuration;
  };
  const sessionCookie = (token: string, maxAgeSeconds?: number) =>
    serializeCookie(names.session, token, {
      path: "/",
      sameSite: "Strict",
      secure,
      ...(maxAgeSeconds !== undefined ? { maxAgeSeconds } : {}),
    });

  /** Same-origin proof for the session's own changes (sign-out): Origin and the CSRF token. */
  async function sessionForChange(request: IncomingMessage) {
    const token = cookiesOf(request).get(names.session);
    const session = token ? await options.sessions.find(token) : null;
    if (!session) return null;
    if (request.headers.origin !== options.origin) return null;
    if (request.headers["x-csrf-token"] !== session.csrfToken) return null;
    return session;
  }

  return {
    async login(request: IncomingMessage, response: ServerResponse) {
      const url = new URL(request.url ?? "/", options.origin);
      // The sign-in's cookie and the callback must be on the one origin the provider returns to.
      const host = request.headers.host;
      if (host && `${secure ? "https" : "http"}://${host}` !== options.origin) {
        response.writeHead(302, { location: `${options.origin}${url.pathname}${url.search}` });
        response.end();
        return;
      }
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const id = await options.sessions.beginLogin({
        state,
        nonce,
        codeVerifier,
        returnTo: safeReturnTo(url.searchParams.get("returnTo")),
      });
      const target = oidc.buildAuthorizationUrl(await config(), {
        redirect_uri: redirectUri,
        scope: "openid profile",
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
        state,
        nonce,
        prompt: "login",
      });
      response.writeHead(302, {
        location: target.href,
        "cache-control": "no-store",
        // Lax: the provider's answer is a top-level navigation from another site.
        "set-cookie": serializeCookie(names.login, id, {
          path: "/portal/auth",
          sameSite: "Lax",
          secure,
          maxAgeSeconds: 600,
        }),
      });
      response.end();
    },

    async callback(request: IncomingMessage, response: ServerResponse) {
      const id = cookiesOf(request).get(names.login);
      const pending = id ? await options.sessions.takeLogin(id) : null;
      if (!pending) {
        refusalPage(
          response,
          "LOGIN_EXPIRED",
          "Šī pierakstīšanās nav zināma vai jau izmantota. Sāciet no jauna.",
        );
        return;
      }
      let claims: oidc.IDToken | undefined;
      try {
        const tokens = await oidc.authorizationCodeGrant(
          await config(),
          new URL(request.url ?? "/", options.origin),
          {
            pkceCodeVerifier: pending.codeVerifier,
            expectedState: pending.state,
            expectedNonce: pending.nonce,
            idTokenExpected: true,
          },
        );
        claims = tokens.claims();
      } catch (error) {
        console.warn(`portal sign-in refused: ${error instanceof Error ? error.message : String(error)}`);
        refusalPage(response, "SIGN_IN_REFUSED", "Pierakstīšanās atbilde netika pieņemta. Sāciet no jauna.");
        return;
      }
      const check = checkPersonCode(String(claims?.sub ?? ""));
      if (!check.valid) {
        refusalPage(response, "NOT_A_PERSON", "Pierakstīšanās neapliecināja personas kodu.");
        return;
      }
      const name = typeof claims?.name === "string" ? claims.name.slice(0, 200) : null;
      const { token } = await options.sessions.open(check.code, name);
      response.writeHead(303, {
        location: pending.returnTo,
        "cache-control": "no-store",
        "set-cookie": [
          sessionCookie(token),
          serializeCookie(names.login, "", {
            path: "/portal/auth",
            sameSite: "Lax",
            secure,
            maxAgeSeconds: 0,
          }),
        ],
      });
      response.end();
    },

    /** Who is signed in, and the CSRF token the page sends with each change. */
    async session(request: IncomingMessage, response: ServerResponse, signInAvailable: boolean) {
      const token = cookiesOf(request).get(names.session);
      const session = token ? await options.sessions.find(token) : null;
      if (!session) {
        json(response, 200, { signedIn: false, signInAvailable });
        return;
      }
      json(response, 200, {
        signedIn: true,
        signInAvailable,
        personCode: formatPersonCode(session.personCode),
        name: session.name,
        csrfToken: session.csrfToken,
      });
    },

    async logout(request: IncomingMessage, response: ServerResponse, everywhere: boolean) {
      if (request.method !== "POST") {
        json(response, statusOf("METHOD_NOT_ALLOWED"), {
          error: { code: "METHOD_NOT_ALLOWED", message: "Sign out with POST." },
        });
        return;
      }
      const session = await sessionForChange(request);
      if (!session) {
        json(response, statusOf("CSRF_REFUSED"), {
          error: {
            code: "CSRF_REFUSED",
            message: "Sign-out needs the session's own page: the Origin and the x-csrf-token header.",
          },
        });
        return;
      }
      if (everywhere) await options.sessions.revokeAll(session.personCode);
      else await options.sessions.revoke(session.tokenHash);
      response.writeHead(204, { "set-cookie": sessionCookie("", 0), "cache-control": "no-store" });
      response.end();
    },

    cookieName: names.session,
    hashToken,
  };
}

export type RelyingParty = ReturnType<typeof relyingParty>;
