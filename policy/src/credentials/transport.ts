/**
 * Where a request carries its credential and grant: an HTTP request's headers, or graphql-ws
 * `connectionParams`. Refusals name the place the caller must fix, in the caller's own terms.
 */
export type Transport = "http" | "graphql-ws";

/** How each transport's caller spells the two places. */
export const PLACES: Record<Transport, { authorization: string; grant: string }> = {
  http: { authorization: "the `Authorization` header", grant: "the `Grant` header" },
  "graphql-ws": { authorization: "`connectionParams.authorization`", grant: "`connectionParams.grant`" },
};

/** A WebSocket close frame's reason holds at most 123 bytes (RFC 6455 §5.5). */
const MAX_REASON_BYTES = 123;

/**
 * A refusal's sentence as a close reason: whole when it fits, otherwise its first sentences
 * that fit (each says what to fix), else cut at a word with "…". Never more than 123 bytes.
 */
export function closeReasonOf(message: string): string {
  if (Buffer.byteLength(message) <= MAX_REASON_BYTES) return message;
  let reason = "";
  for (const sentence of message.split(/(?<=[.:;])\s+/)) {
    const next = reason ? `${reason} ${sentence}` : sentence;
    if (Buffer.byteLength(next) > MAX_REASON_BYTES) break;
    reason = next;
  }
  if (reason) return reason;
  let cut = message;
  while (Buffer.byteLength(`${cut}…`) > MAX_REASON_BYTES)
    cut = cut.slice(0, cut.lastIndexOf(" ", cut.length - 2));
  return `${cut}…`;
}

/**
 * The graphql-ws close code of a refusal on connect, by its error code: graphql-ws's own 4403
 * (Forbidden) for a credential, 4400 (Bad request) for a malformed grant, 4429 for a rate
 * limit (4400–4999 are the application's; docs/PROTOCOL.md).
 */
export function closeCodeOf(code: unknown): number {
  if (code === "BAD_USER_INPUT") return 4400;
  if (code === "RATE_LIMITED") return 4429;
  return 4403;
}
