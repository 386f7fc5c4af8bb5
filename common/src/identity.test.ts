import { decodeProtectedHeader, SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  bodyHash,
  createIdentityVerifier,
  identityTtlSecondsFromEnv,
  parseSigningKeys,
  type RequestIdentity,
  signIdentity,
  signingKeysFromEnv,
} from "./identity";

const identity: RequestIdentity = {
  requestId: "req-identity-test",
  requesterId: 7,
  keyId: 3,
  role: "REQUESTER",
  grant: {
    id: 11,
    number: "G-2026-0011",
    dataGroups: ["NAME"],
    conditions: [],
    purpose: "Testing",
    monitoringAllowed: false,
  },
  issuedAt: Date.now(),
};
const body = JSON.stringify({ query: '{ person(personCode: "161175-19997") { surname } }', variables: {} });
const secret = "a-secret-of-the-unit-tests";
const k1 = { id: "k1", secret: "the-first-secret-of-k1" };
const k2 = { id: "k2", secret: "the-second-secret-of-k2" };

afterEach(() => {
  vi.useRealTimers();
});

describe("identity tokens", () => {
  it("a valid token gives the identity back, once", async () => {
    const verifier = createIdentityVerifier({ keys: secret, audience: "person" });
    const token = await signIdentity(identity, { keys: secret, audience: "person", body });
    expect(await verifier.verify(token, body)).toEqual({ identity });
  });

  it("carries HS256, a key id, the audience, a body hash, a jti and a 30 s lifetime", async () => {
    const token = await signIdentity(identity, { keys: [k1], audience: "catalog", body });
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: "HS256", kid: "k1" });
    const claims = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8"));
    expect(claims).toMatchObject({ aud: "catalog", bh: bodyHash(body), identity });
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(claims.exp - claims.iat).toBe(30);
  });

  it("refuses an expired token", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const verifier = createIdentityVerifier({ keys: secret, audience: "person", clockToleranceSeconds: 0 });
    const token = await signIdentity(identity, { keys: secret, audience: "person", body, ttlSeconds: 5 });
    vi.setSystemTime(Date.now() + 6_000);
    expect(await verifier.verify(token, body)).toEqual({ reason: "the identity token has expired" });
  });

  it("refuses a token for another subgraph", async () => {
    const verifier = createIdentityVerifier({ keys: secret, audience: "person" });
    const token = await signIdentity(identity, { keys: secret, audience: "catalog", body });
    expect(await verifier.verify(token, body)).toEqual({
      reason: "the identity token is for another subgraph, not person",
    });
  });

  it("refuses a token sent with another body", async () => {
    const verifier = createIdentityVerifier({ keys: secret, audience: "person" });
    const token = await signIdentity(identity, { keys: secret, audience: "person", body });
    const other = body.replace("161175-19997", "010150-00010");
    expect(await verifier.verify(token, other)).toEqual({
      reason: "the identity token was issued for another request body",
    });
    // The refusal did not use the token up: with its own body it still passes.
    expect(await verifier.verify(token, body)).toEqual({ identity });
  });

  it("refuses a token whose body hash was tampered with (the signature no longer matches)", async () => {
    const verifier = createIdentityVerifier({ keys: secret, audience: "person" });
    const token = await signIdentity(identity, { keys: secret, audience: "person", body });
    const [header, payload, signature] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString("utf8"));
    const other = "{}";
    claims.bh = bodyHash(other);
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
    expect(await verifier.verify(tampered, other)).toEqual({
      reason: "the identity token is not signed by this platform's gateway",
    });
  });

  it("refuses a replayed jti", async () => {
    const verifier = createIdentityVerifier({ keys: secret, audience: "person" });
    const token = await signIdentity(identity, { keys: secret, audience: "person", body });
    expect(await verifier.verify(token, body)).toEqual({ identity });
    expect(await verifier.verify(token, body)).toEqual({
      reason: "the identity token was already used (each is valid once)",
    });
  });

  it("refuses a token signed with a key id it does not have", async () => {
    const verifier = createIdentityVerifier({ keys: [k1], audience: "person" });
    const token = await signIdentity(identity, { keys: [k2], audience: "person", body });
    expect(await verifier.verify(token, body)).toEqual({
      reason:
        'the identity token is signed with key "k2", which this subgraph does not have (check INTERNAL_SIGNING_KEYS)',
    });
  });

  it("refuses a known key id with another secret", async () => {
    const verifier = createIdentityVerifier({ keys: [k1], audience: "person" });
    const token = await signIdentity(identity, { keys: [{ id: "k1", secret }], audience: "person", body });
    expect(await verifier.verify(token, body)).toEqual({
      reason: "the identity token is not signed by this platform's gateway",
    });
  });

  it("during a rotation accepts tokens of the new and the old key; after it, only the new", async () => {
    const during = createIdentityVerifier({ keys: [k2, k1], audience: "person" });
    const oldGateway = await signIdentity(identity, { keys: [k1], audience: "person", body });
    const newGateway = await signIdentity(identity, { keys: [k2, k1], audience: "person", body });
    expect(decodeProtectedHeader(newGateway).kid).toBe("k2");
    expect(await during.verify(oldGateway, body)).toEqual({ identity });
    expect(await during.verify(newGateway, body)).toEqual({ identity });
    const after = createIdentityVerifier({ keys: [k2], audience: "person" });
    const late = await signIdentity(identity, { keys: [k1], audience: "person", body });
    expect(await after.verify(late, body)).toMatchObject({ reason: expect.stringContaining('key "k1"') });
  });

  it("refuses no header, garbage, an unsigned token and one that lives too long", async () => {
    const verifier = createIdentityVerifier({ keys: secret, audience: "person" });
    expect(await verifier.verify(undefined, body)).toEqual({
      reason: "the request carries no identity from the gateway",
    });
    expect(await verifier.verify("not.a.token", body)).toEqual({
      reason: "the identity header is malformed",
    });
    const none = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from("{}").toString("base64url")}.`;
    expect(await verifier.verify(none, body)).toEqual({ reason: "the identity header is malformed" });
    const [key] = [new TextEncoder().encode(secret)];
    const now = Math.floor(Date.now() / 1000);
    const longLived = await new SignJWT({ identity, bh: bodyHash(body) })
      .setProtectedHeader({
        alg: "HS256",
        kid: decodeProtectedHeader(await signIdentity(identity, { keys: secret, audience: "person", body }))
          .kid!,
      })
      .setIssuer("rnp-gateway")
      .setAudience("person")
      .setJti("long-lived")
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(key!);
    expect(await verifier.verify(longLived, body)).toEqual({
      reason: "the identity token lives longer than 300 s",
    });
  });
});

describe("signing keys from the environment", () => {
  it("reads INTERNAL_SIGNING_KEYS first (the first signs), else INTERNAL_SIGNING_SECRET", () => {
    expect(
      signingKeysFromEnv({
        INTERNAL_SIGNING_KEYS: `k2:${k2.secret}, k1:${k1.secret}`,
        INTERNAL_SIGNING_SECRET: secret,
      }),
    ).toEqual([k2, k1]);
    expect(signingKeysFromEnv({ INTERNAL_SIGNING_SECRET: secret })).toBe(secret);
    expect(signingKeysFromEnv({})).toBeNull();
  });

  it("says what is wrong with a malformed list or a short secret", () => {
    expect(parseSigningKeys("just-a-secret-without-id")).toMatchObject({
      reason: expect.stringContaining('"id:secret"'),
    });
    expect(parseSigningKeys("k1:short")).toEqual({
      reason: 'the secret of key "k1" is shorter than 16 characters',
    });
    expect(parseSigningKeys(`k1:${k1.secret},k1:${k2.secret}`)).toEqual({
      reason: 'key id "k1" appears twice',
    });
    expect(signingKeysFromEnv({ INTERNAL_SIGNING_SECRET: "short" })).toEqual({
      reason: "INTERNAL_SIGNING_SECRET is shorter than 16 characters",
    });
  });

  it("reads the token lifetime, 30 s unless INTERNAL_TOKEN_TTL_SECONDS says 1–300", () => {
    expect(identityTtlSecondsFromEnv({})).toBe(30);
    expect(identityTtlSecondsFromEnv({ INTERNAL_TOKEN_TTL_SECONDS: "10" })).toBe(10);
    expect(() => identityTtlSecondsFromEnv({ INTERNAL_TOKEN_TTL_SECONDS: "3600" })).toThrow(/from 1 to 300/);
  });
});
