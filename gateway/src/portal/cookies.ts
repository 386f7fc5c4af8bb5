import type { IncomingMessage } from "node:http";

/** The cookies of a request, by name (the first of a name wins). */
export function cookiesOf(request: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    if (!cookies.has(name)) cookies.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return cookies;
}

export interface CookieOptions {
  path: string;
  maxAgeSeconds?: number;
  sameSite: "Strict" | "Lax";
  secure: boolean;
}

/** A `Set-Cookie` value: always HttpOnly, so page scripts never read a session. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    `Path=${options.path}`,
    "HttpOnly",
    `SameSite=${options.sameSite}`,
    ...(options.secure ? ["Secure"] : []),
    ...(options.maxAgeSeconds !== undefined ? [`Max-Age=${options.maxAgeSeconds}`] : []),
  ].join("; ");
}

/**
 * The names the portal's cookies go by. Over https the session is a `__Host-` cookie: the
 * browser then accepts it only with Secure, Path=/ and no Domain, so no sibling host sets it.
 */
export function cookieNames(secure: boolean) {
  return {
    session: secure ? "__Host-rnp-session" : "rnp-session",
    login: secure ? "__Host-rnp-login" : "rnp-login",
  };
}
