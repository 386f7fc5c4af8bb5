import { decodeJwt, SignJWT } from "jose";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applicationInput,
  approvedApplication,
  type Credentials,
  call,
  claim,
  ROTATE,
  refusal,
  requestToken,
  SUBMIT,
} from "./support/onboarding";
import { startTestPlatform, TEST_OAUTH_KEYS, type TestPlatform } from "./support/platform";

// OAuth 2.0 client credentials (RFC 6749 §4.4) at POST /oauth/token: the endpoint's error
// responses, the access token's checks (expiry, audience, signature, rotated-out secret),
// rotation with an overlap, and the usage tier of the application's subscription.

let platform: TestPlatform;
let sql: postgres.Sql;
let token: string;
let credentials: Credentials;

beforeAll(async () => {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 1, onnotice: () => {} });
  ({ token } = await approvedApplication(platform, 11, { dataGroups: ["NAME"], personsPerDay: 3 }));
  credentials = (await claim(platform, token)).credentials!;
});
afterAll(async () => {
  await sql?.end();
  await platform?.stop();
});

const ME = "{ me { role requester { name } } }";
const asBearer = (accessToken: string | undefined) => ({ authorization: `Bearer ${accessToken}` });

/** A token signed with the platform's own key, with `claims` over those of a real one. */
async function forged(real: string, claims: { aud?: string; exp?: number }) {
  const payload = decodeJwt(real);
  const key = TEST_OAUTH_KEYS[0]!;
  return new SignJWT({ client_id: payload.client_id, sid: payload.sid })
    .setProtectedHeader({ alg: "HS256", kid: key.id })
    .setIssuer(payload.iss!)
    .setAudience(claims.aud ?? (payload.aud as string))
    .setSubject(payload.sub!)
    .setIssuedAt(payload.iat!)
    .setExpirationTime(claims.exp ?? payload.exp!)
    .sign(new TextEncoder().encode(key.secret));
}

describe("the token endpoint", () => {
  it("issues a short-lived bearer token by HTTP Basic or by form fields, never cached", async () => {
    for (const basic of [true, false]) {
      const issued = await requestToken(platform.gatewayUrl, credentials, { basic });
      expect(issued.status).toBe(200);
      expect(issued.headers.get("cache-control")).toBe("no-store");
      expect(issued.body).toMatchObject({ token_type: "Bearer", expires_in: 300 });
      const claims = decodeJwt(issued.body.access_token!);
      expect(claims).toMatchObject({ aud: "rnp-graph:test", sub: expect.stringMatching(/^A-/) });
      const me = await call(platform.gatewayUrl, ME, {}, asBearer(issued.body.access_token));
      expect(me.body.data).toEqual({ me: { role: "REQUESTER", requester: { name: "Lietotne 11 SIA" } } });
    }
  });

  it("answers RFC 6749 errors: unsupported grant type, unknown client, wrong secret", async () => {
    const password = await requestToken(platform.gatewayUrl, credentials, { grantType: "password" });
    expect([password.status, password.body.error]).toEqual([400, "unsupported_grant_type"]);
    const wrong = await requestToken(platform.gatewayUrl, {
      ...credentials,
      clientSecret: "rnp_secret_wrong",
    });
    expect([wrong.status, wrong.body.error]).toEqual([401, "invalid_client"]);
    expect(wrong.headers.get("www-authenticate")).toMatch(/^Basic /);
    const unknown = await requestToken(platform.gatewayUrl, {
      ...credentials,
      clientId: "rnp_client_nobody",
    });
    expect([unknown.status, unknown.body.error]).toEqual([401, "invalid_client"]);
    const none = await fetch(new URL("/oauth/token", platform.gatewayUrl), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    });
    expect([none.status, ((await none.json()) as { error: string }).error]).toEqual([401, "invalid_client"]);
  });

  it("locks a client for the minute after 10 wrong secrets, from any address, whatever is sent next; other clients and unknown ids add nothing", async () => {
    // The window is the database's calendar minute: start well inside one.
    const second = new Date().getUTCSeconds();
    if (second > 45) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
    const guessed = (
      await claim(platform, (await approvedApplication(platform, 31, { dataGroups: ["NAME"] })).token)
    ).credentials!;
    for (let attempt = 0; attempt < 10; attempt++) {
      const wrong = await requestToken(platform.gatewayUrl, {
        ...guessed,
        clientSecret: `rnp_secret_guess_${attempt}`,
      });
      expect([wrong.status, wrong.body.error]).toEqual([401, "invalid_client"]);
    }
    const locked = await requestToken(platform.gatewayUrl, guessed);
    expect([locked.status, locked.body.error]).toEqual([429, "rate_limited"]);
    expect(locked.body.error_description).toContain("wrong secrets were sent for this client");
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // Another client is not affected, and unknown client ids leave no row behind.
    expect((await requestToken(platform.gatewayUrl, credentials)).status).toBe(200);
    for (let attempt = 0; attempt < 3; attempt++) {
      await requestToken(platform.gatewayUrl, {
        clientId: `rnp_client_random_${attempt}`,
        clientSecret: "x",
      });
    }
    const rows = await sql`select key from access.rate_limits where key like 'oauth-failures:%'`;
    expect(rows.map((row) => row.key)).toContain(`oauth-failures:${guessed.clientId}`);
    expect(rows.filter((row) => String(row.key).includes("rnp_client_random"))).toEqual([]);
  });

  it("answers invalid_grant when the application's grant was revoked", async () => {
    const other = await approvedApplication(platform, 12, { dataGroups: ["NAME"] });
    const otherCredentials = (await claim(platform, other.token)).credentials!;
    await platform.operator("mutation ($n: String!) { revokeGrant(number: $n) { number } }", {
      n: otherCredentials.grantNumber,
    });
    const refused = await requestToken(platform.gatewayUrl, otherCredentials);
    expect([refused.status, refused.body.error]).toEqual([400, "invalid_grant"]);
  });
});

describe("access tokens", () => {
  it("refuse an expired, another platform's or a tampered token with 401", async () => {
    const real = (await requestToken(platform.gatewayUrl, credentials)).body.access_token!;
    const expired = await forged(real, { exp: Math.floor(Date.now() / 1000) - 60 });
    const expiredReply = await call(platform.gatewayUrl, ME, {}, asBearer(expired));
    expect(refusal(expiredReply)).toEqual({ status: 401, code: "UNAUTHENTICATED" });
    expect(expiredReply.body.errors?.[0]?.message).toContain("expired");

    const production = await forged(real, { aud: "rnp-graph:production" });
    const productionReply = await call(platform.gatewayUrl, ME, {}, asBearer(production));
    expect(refusal(productionReply)).toEqual({ status: 401, code: "UNAUTHENTICATED" });
    expect(productionReply.body.errors?.[0]?.message).toContain("another platform");

    const [header, payload, signature] = real.split(".");
    const altered = JSON.parse(Buffer.from(payload!, "base64url").toString());
    altered.sub = "A-2026-9999";
    const tampered = `${header}.${Buffer.from(JSON.stringify(altered)).toString("base64url")}.${signature}`;
    const tamperedReply = await call(platform.gatewayUrl, ME, {}, asBearer(tampered));
    expect(refusal(tamperedReply)).toEqual({ status: 401, code: "UNAUTHENTICATED" });
    expect(tamperedReply.body.errors?.[0]?.message).toContain("does not verify");
  });

  it("keep working through a rotation's overlap, and stop with the rotated-out secret", async () => {
    const before = (await requestToken(platform.gatewayUrl, credentials)).body.access_token!;
    const rotated = await call<{
      rotateClientSecret: { clientSecret: string; previousSecretValidUntil: string };
    }>(platform.gatewayUrl, ROTATE, { token, overlap: 3600 });
    const second = { ...credentials, clientSecret: rotated.body.data!.rotateClientSecret.clientSecret };
    expect(Date.parse(rotated.body.data!.rotateClientSecret.previousSecretValidUntil)).toBeGreaterThan(
      Date.now(),
    );
    // During the overlap both secrets obtain tokens, and the earlier token still works.
    expect((await requestToken(platform.gatewayUrl, credentials)).status).toBe(200);
    const during = (await requestToken(platform.gatewayUrl, second)).body.access_token!;
    expect((await call(platform.gatewayUrl, ME, {}, asBearer(before))).body.errors).toBeUndefined();
    expect((await call(platform.gatewayUrl, ME, {}, asBearer(during))).body.errors).toBeUndefined();

    // No overlap: every earlier secret ends now, with the tokens it obtained.
    const again = await call<{ rotateClientSecret: { clientSecret: string } }>(platform.gatewayUrl, ROTATE, {
      token,
      overlap: 0,
    });
    const third = { ...credentials, clientSecret: again.body.data!.rotateClientSecret.clientSecret };
    for (const old of [credentials, second]) {
      const refused = await requestToken(platform.gatewayUrl, old);
      expect([refused.status, refused.body.error]).toEqual([401, "invalid_client"]);
    }
    for (const oldToken of [before, during]) {
      const reply = await call(platform.gatewayUrl, ME, {}, asBearer(oldToken));
      expect(refusal(reply)).toEqual({ status: 401, code: "UNAUTHENTICATED" });
      expect(reply.body.errors?.[0]?.message).toContain("rotated out");
    }
    const now = (await requestToken(platform.gatewayUrl, third)).body.access_token!;
    expect((await call(platform.gatewayUrl, ME, {}, asBearer(now))).body.errors).toBeUndefined();
    credentials = third;
    const bad = await call(platform.gatewayUrl, ROTATE, { token, overlap: 10_000_000 });
    expect(refusal(bad).code).toBe("BAD_USER_INPUT");
  });
});

describe("usage tiers", () => {
  it("limit persons a day through the application's grant", async () => {
    const accessToken = (await requestToken(platform.gatewayUrl, credentials)).body.access_token!;
    const headers = { ...asBearer(accessToken), grant: credentials.grantNumber };
    const codes = platform.samplePersonCodes.slice(0, 3);
    const first = await call(
      platform.gatewayUrl,
      "query ($c: [String!]!) { persons(personCodes: $c) { surname } }",
      { c: codes },
      headers,
    );
    expect(first.body.errors).toBeUndefined();
    const over = await call(
      platform.gatewayUrl,
      "query ($c: String!) { person(personCode: $c) { surname } }",
      { c: codes[0] },
      headers,
    );
    expect(refusal(over)).toEqual({ status: 429, code: "QUOTA_EXCEEDED" });
  });

  it("limit requests a minute of the application's tokens", async () => {
    const small = await approvedApplication(platform, 13, { dataGroups: ["NAME"], requestsPerMinute: 3 });
    const smallCredentials = (await claim(platform, small.token)).credentials!;
    const accessToken = (await requestToken(platform.gatewayUrl, smallCredentials)).body.access_token!;
    const replies = [];
    for (let i = 0; i < 8; i++) replies.push(await call(platform.gatewayUrl, ME, {}, asBearer(accessToken)));
    // Each minute's window admits 3; a window that ends during the loop admits 3 more.
    expect(replies.slice(0, 3).every((reply) => reply.status === 200)).toBe(true);
    const refused = replies.find((reply) => reply.status === 429);
    expect(refusal(refused!)).toEqual({ status: 429, code: "RATE_LIMITED" });
    expect(refused!.body.errors?.[0]?.message).toContain("usage tier allows 3 requests a minute");
  });

  it("applications without a key are counted by client address in the shared rate limit", async () => {
    const count = async () =>
      (
        await sql`select coalesce(sum(points), 0)::int as n from access.rate_limits where key like 'address:%'`
      )[0]!.n as number;
    const before = await count();
    await call(platform.gatewayUrl, SUBMIT, { input: applicationInput(14) });
    expect(await count()).toBeGreaterThan(before);
  });
});

describe("the operator's list", () => {
  it("pages through applications newest first, filtered by status", async () => {
    const LIST = `query ($after: String, $status: ApplicationStatus) {
      applications(first: 2, after: $after, status: $status) { nodes { number status } hasNextPage endCursor } }`;
    type Page = {
      applications: { nodes: { number: string; status: string }[]; hasNextPage: boolean; endCursor: string };
    };
    const first = await platform.operator<Page>(LIST, {});
    expect(first.applications.nodes).toHaveLength(2);
    expect(first.applications.hasNextPage).toBe(true);
    const second = await platform.operator<Page>(LIST, { after: first.applications.endCursor });
    const numbers = [...first.applications.nodes, ...second.applications.nodes].map((node) => node.number);
    expect(numbers).toEqual([...numbers].sort().reverse());
    expect(new Set(numbers).size).toBe(numbers.length);
    const submitted = await platform.operator<Page>(LIST, { status: "SUBMITTED" });
    expect(submitted.applications.nodes.map((node) => node.status)).toEqual(["SUBMITTED"]);
    const badCursor = await call(
      platform.gatewayUrl,
      LIST,
      { after: "bm9wZQ" },
      { authorization: `Bearer ${platform.operatorKey}` },
    );
    expect(refusal(badCursor).code).toBe("BAD_USER_INPUT");
  });
});
