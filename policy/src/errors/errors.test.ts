import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderErrorsDoc } from "./doc";
import { answerStatus, closeCodeOf, graphQLError, refusal, statusOf } from "./refusal";
import { ERRORS, type ErrorCode, isErrorCode, ONBOARDING_STEP_CODES } from "./table";

const codes = Object.keys(ERRORS) as ErrorCode[];

describe("the error table", () => {
  it("gives every code an HTTP status, a graphql-ws close code and a one-line meaning", () => {
    for (const code of codes) {
      const { status, close, meaning } = ERRORS[code];
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
      // Application close codes (4400–4999), or the WebSocket's own 1009 for a message too big.
      expect(close === 1009 || (close >= 4400 && close <= 4999), code).toBe(true);
      expect(meaning, code).toMatch(/^\S.*\.$/);
      expect(meaning, code).not.toContain("\n");
    }
  });

  it("has the statuses clients rely on", () => {
    expect(statusOf("UNAUTHENTICATED")).toBe(401);
    expect(statusOf("FORBIDDEN")).toBe(403);
    expect(statusOf("GRANT_REQUIRED")).toBe(403);
    expect(statusOf("COMPOSITE_SET_REQUIRED")).toBe(403);
    expect(statusOf("QUOTA_EXCEEDED")).toBe(429);
    expect(statusOf("RATE_LIMITED")).toBe(429);
    expect(statusOf("CSRF_REFUSED")).toBe(403);
    expect(statusOf("SESSION_DOCUMENT_REQUIRED")).toBe(403);
    expect(statusOf("PURPOSE_REQUIRED")).toBe(400);
    expect(statusOf("LOOKUP_RATE_EXCEEDED")).toBe(429);
    expect(statusOf("PERSISTED_QUERY_NOT_FOUND")).toBe(404);
    expect(statusOf("SUBGRAPH_UNAVAILABLE")).toBe(502);
    expect(statusOf("SUBGRAPH_TIMEOUT")).toBe(504);
    for (const code of ONBOARDING_STEP_CODES) expect(statusOf(code), code).toBe(409);
  });

  it("keeps graphql-ws's own close codes for its own reasons", () => {
    expect(closeCodeOf("BAD_REQUEST")).toBe(4400);
    expect(closeCodeOf("UNAUTHENTICATED")).toBe(4401);
    expect(closeCodeOf("FORBIDDEN")).toBe(4403);
    expect(closeCodeOf("INTERNAL_SERVER_ERROR")).toBe(4500);
    expect(closeCodeOf("SLOW_CONSUMER")).toBe(4499);
    expect(closeCodeOf("MESSAGE_TOO_BIG")).toBe(1009);
  });

  it("has no code that is never produced (LIMIT_EXCEEDED is gone)", () => {
    expect(isErrorCode("LIMIT_EXCEEDED")).toBe(false);
    expect(isErrorCode("GRANT_REQUIRED")).toBe(true);
    expect(isErrorCode("toString")).toBe(false);
  });
});

describe("refusal()", () => {
  it("carries the code, the table's status and the extensions, and headers only when given", () => {
    const refused = refusal("QUOTA_EXCEEDED", "The grant's quota is used up.", { limit: 10 });
    expect(refused.message).toBe("The grant's quota is used up.");
    expect(refused.extensions).toEqual({ limit: 10, code: "QUOTA_EXCEEDED", http: { status: 429 } });
    const limited = refusal("RATE_LIMITED", "Slow down.", {}, { "Retry-After": "7" });
    expect((limited.extensions.http as { headers: Map<string, string> }).headers.get("retry-after")).toBe(
      "7",
    );
  });

  it("cannot be overridden by a caller's http extension", () => {
    const refused = refusal("FORBIDDEN", "No.", { http: { status: 200 } });
    expect(refused.extensions.http).toEqual({ status: 403 });
  });

  it("has a sibling for resolvers without an HTTP head", () => {
    expect(graphQLError("NOT_FOUND", "No such grant.").extensions).toEqual({ code: "NOT_FOUND" });
  });
});

describe("answerStatus()", () => {
  it("takes the most serious code that decides the whole answer: faults before refusals", () => {
    expect(answerStatus(["GRANT_REQUIRED"])).toBe(403);
    expect(answerStatus(["QUOTA_EXCEEDED"])).toBe(429);
    expect(answerStatus(["FORBIDDEN", "UNAUTHENTICATED"])).toBe(401);
    expect(answerStatus(["QUOTA_EXCEEDED", "FORBIDDEN"])).toBe(403);
    expect(answerStatus(["FORBIDDEN", "SUBGRAPH_UNAVAILABLE"])).toBe(502);
    expect(answerStatus(["SUBGRAPH_UNAVAILABLE", "SUBGRAPH_TIMEOUT"])).toBe(504);
    expect(answerStatus(["APPLICATION_NOT_APPROVED"])).toBe(409);
  });

  it("leaves a field's own outcome and unknown codes at the answer's status", () => {
    expect(answerStatus(["NOT_FOUND", "BAD_USER_INPUT"])).toBeUndefined();
    expect(answerStatus(["DOWNSTREAM_SERVICE_ERROR", undefined, 42])).toBeUndefined();
    expect(answerStatus([])).toBeUndefined();
  });
});

describe("docs/ERRORS.md", () => {
  it("is the table as rendered (run `pnpm errors:doc` after changing the table)", () => {
    const doc = readFileSync(new URL("../../../docs/ERRORS.md", import.meta.url), "utf8");
    expect(doc).toBe(renderErrorsDoc());
    for (const code of codes) expect(doc).toContain(`| \`${code}\` | ${ERRORS[code].status} |`);
  });
});
