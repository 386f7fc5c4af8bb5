import { graphQLError } from "@rnp/common";
import { PLACES, type Transport } from "./transport";

/**
 * What a grant number may look like: the platform numbers grants `G-<year>-<id>`, and the
 * data subject's own access is `SELF`; letters, digits, `.`, `_` and `-`, at most 64.
 */
const GRANT_NUMBER = /^[A-Za-z0-9][\w.-]{0,63}$/;

/**
 * The grant a request names (the `Grant` header, or graphql-ws `connectionParams.grant`),
 * read once where the request comes in: surrounding spaces are dropped (a copied number keeps
 * working), and nothing or only spaces is no grant. Throws BAD_USER_INPUT (HTTP 400) for a
 * value that cannot be a grant number (two numbers, a space inside, not text), naming the
 * place to fix.
 */
export function grantNumberOf(value: unknown, transport: Transport = "http"): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = typeof value === "string" ? value.trim() : undefined;
  if (text === "") return undefined;
  if (text === undefined || !GRANT_NUMBER.test(text)) {
    throw graphQLError(
      "BAD_USER_INPUT",
      `Name one grant in ${PLACES[transport].grant}, by its number alone (e.g. G-2026-0001).`,
      { http: { status: 400 } },
    );
  }
  return text;
}
