/**
 * The one `Authorization: Bearer <credential>` pattern of the platform. Every route and
 * transport reads the header through `bearerOf`, so an API key and an OAuth access token are
 * read alike everywhere (the layout test keeps the pattern out of every other file).
 */
const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** What an `Authorization` value holds: nothing, something that is not a bearer, or the credential. */
export type Presented = { kind: "none" } | { kind: "malformed" } | { kind: "bearer"; credential: string };

/** Reads an `Authorization` header (or graphql-ws `connectionParams.authorization`). */
export function bearerOf(authorization: unknown): Presented {
  if (authorization === undefined || authorization === null || authorization === "") return { kind: "none" };
  const credential = typeof authorization === "string" ? BEARER.exec(authorization)?.[1] : undefined;
  return credential ? { kind: "bearer", credential } : { kind: "malformed" };
}

/** The credential of a `Bearer` value, or null (absent or malformed): for counting, not for deciding. */
export function bearerCredentialOf(authorization: unknown): string | null {
  const presented = bearerOf(authorization);
  return presented.kind === "bearer" ? presented.credential : null;
}

/** Whether a bearer credential is a JWT (an OAuth access token); API keys are `rnp_…` without dots. */
export const looksLikeJwt = (value: string) => /^eyJ[\w-]*\.[\w-]+\.[\w-]+$/.test(value);
