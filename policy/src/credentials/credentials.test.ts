import type { RequestIdentity } from "@rnp/common";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { authenticate, type CredentialSources, credentialRequired } from "./authenticate";
import { bearerCredentialOf, bearerOf } from "./bearer";
import { grantNumberOf } from "./grantNumber";
import { closeCodeOf, closeReasonOf } from "./transport";
import type { KeyRecord } from "./types";

const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJBIn0.c2ln";
const record = (over: Partial<KeyRecord> = {}): KeyRecord => ({
  grant: null,
  keyId: 7,
  role: "REQUESTER",
  expiresAt: null,
  revokedAt: null,
  requesterId: 3,
  requesterName: "SIA",
  ...over,
});

/** Sources over fixed records: the key `rnp_good` and whatever the test adds. */
function sources(keys: Record<string, KeyRecord> = { rnp_good: record() }): CredentialSources<string> {
  return { apiKey: async (key) => keys[key] };
}

async function refusalOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GraphQLError);
  return error as GraphQLError;
}

describe("bearerOf", () => {
  it("reads `Bearer <credential>` in any case, with trailing spaces", () => {
    expect(bearerOf("Bearer rnp_x")).toEqual({ kind: "bearer", credential: "rnp_x" });
    expect(bearerOf("bearer   rnp_x  ")).toEqual({ kind: "bearer", credential: "rnp_x" });
    expect(bearerCredentialOf(`Bearer ${JWT}`)).toBe(JWT);
  });

  it("tells nothing from something that is not a bearer", () => {
    expect(bearerOf(undefined)).toEqual({ kind: "none" });
    expect(bearerOf("")).toEqual({ kind: "none" });
    for (const value of ["rnp_x", "Basic abc", "Bearer a b", 42])
      expect(bearerOf(value).kind).toBe("malformed");
    expect(bearerCredentialOf("Basic abc")).toBeNull();
  });
});

describe("grantNumberOf", () => {
  it("trims, and reads blank as no grant", () => {
    expect(grantNumberOf("  G-2026-0001 ")).toBe("G-2026-0001");
    expect(grantNumberOf("   ")).toBeUndefined();
    expect(grantNumberOf(undefined)).toBeUndefined();
  });

  it("refuses what cannot be one grant number, naming the place to fix", () => {
    expect(() => grantNumberOf("G-1, G-2")).toThrow("the `Grant` header");
    expect(() => grantNumberOf(["G-1"], "graphql-ws")).toThrow("`connectionParams.grant`");
    expect(() => grantNumberOf("x".repeat(65))).toThrow(GraphQLError);
  });
});

describe("authenticate", () => {
  const http = { grantNumber: undefined, transport: "http" as const };

  it("is null when nothing is presented, and an API key's record otherwise", async () => {
    expect(await authenticate({ ...http, authorization: undefined }, sources())).toBeNull();
    expect(await authenticate({ ...http, authorization: "Bearer rnp_good" }, sources())).toMatchObject({
      kind: "apiKey",
      requesterId: 3,
    });
  });

  it("passes the named grant to the source and takes a token to the token source", async () => {
    const seen: unknown[] = [];
    const withTokens: CredentialSources<string> = {
      apiKey: async () => undefined,
      oauthToken: async (token, grant) => {
        seen.push([token, grant]);
        return record({ keyId: 9 });
      },
    };
    const credential = await authenticate(
      { authorization: `Bearer ${JWT}`, grantNumber: "G-1", transport: "http" },
      withTokens,
    );
    expect(credential).toMatchObject({ kind: "oauthToken", keyId: 9 });
    expect(seen).toEqual([[JWT, "G-1"]]);
  });

  it("refuses unknown, revoked, expired and malformed credentials with a sentence per transport", async () => {
    const keys = {
      rnp_revoked: record({ revokedAt: new Date("2026-01-01T00:00:00Z") }),
      rnp_expired: record({ expiresAt: new Date("2026-01-02T00:00:00Z") }),
    };
    const ws = { grantNumber: undefined, transport: "graphql-ws" as const };
    const unknown = await refusalOf(
      authenticate({ ...ws, authorization: "Bearer rnp_nobody" }, sources(keys)),
    );
    expect(unknown.extensions).toMatchObject({ code: "UNAUTHENTICATED", http: { status: 401 } });
    expect(unknown.message).toContain("`connectionParams.authorization` is not known");
    expect(
      (await refusalOf(authenticate({ ...http, authorization: "Bearer rnp_revoked" }, sources(keys))))
        .message,
    ).toContain("was revoked on 2026-01-01");
    expect(
      (await refusalOf(authenticate({ ...http, authorization: "Bearer rnp_expired" }, sources(keys))))
        .message,
    ).toContain("expired on 2026-01-02");
    expect((await refusalOf(authenticate({ ...http, authorization: "Token x" }, sources()))).message).toBe(
      "The `Authorization` header must read `Bearer <API key or access token>`.",
    );
    expect(
      (await refusalOf(authenticate({ ...http, authorization: `Bearer ${JWT}` }, sources()))).message,
    ).toContain("issues no OAuth access tokens");
  });

  it("takes a portal session only without `Authorization`, and only when sessions are served", async () => {
    const identity = {
      requestId: "r",
      requesterId: 0,
      keyId: 0,
      role: null,
      grant: null,
      issuedAt: 1,
    } as RequestIdentity;
    const withSessions: CredentialSources<string> = {
      ...sources(),
      session: async () => ({ identity, namedGrant: null }),
    };
    expect(await authenticate({ ...http, authorization: undefined, session: "s" }, withSessions)).toEqual({
      kind: "session",
      identity,
      grant: null,
    });
    expect(await authenticate({ ...http, authorization: undefined, session: "s" }, sources())).toBeNull();
    expect(
      await authenticate({ ...http, authorization: "Bearer rnp_good", session: "s" }, withSessions),
    ).toMatchObject({
      kind: "apiKey",
    });
  });
});

describe("close reasons", () => {
  it("fit a close frame and keep whole sentences", () => {
    const long = `${"The access token is for another platform; ".repeat(2)}get a new one from this platform's POST /oauth/token with its own credentials.`;
    const reason = closeReasonOf(long);
    expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123);
    expect(reason.startsWith("The access token is for another platform;")).toBe(true);
    expect(closeReasonOf("short.")).toBe("short.");
    expect(Buffer.byteLength(closeReasonOf("word ".repeat(60)))).toBeLessThanOrEqual(123);
    expect(Buffer.byteLength(credentialRequired("graphql-ws").message)).toBeLessThanOrEqual(123);
  });

  it("map refusals to graphql-ws close codes", () => {
    expect([
      closeCodeOf("UNAUTHENTICATED"),
      closeCodeOf("BAD_USER_INPUT"),
      closeCodeOf("RATE_LIMITED"),
    ]).toEqual([4403, 4400, 4429]);
  });
});
