import { type ErrorCode, refusal } from "@rnp/policy/errors";

/**
 * A refusal by a limit: `extensions.code`, the limit and the value found (`limit`, `found`)
 * for programs, the table's HTTP status and `headers` (`extensions.http`, which Apollo Server
 * answers with and does not send), and a message naming the limit and its value.
 */
export function limitRefusal(
  code: ErrorCode,
  message: string,
  details: { limit?: number; found?: number; headers?: Record<string, string> } & Record<string, unknown>,
) {
  const { headers, ...rest } = details;
  return refusal(code, message, rest, headers);
}
