import { verifyAuditChain } from "@rnp/gateway/auditTrail";
import { provisionRequester, syntheticRegistrationNumber } from "@rnp/platform/provision";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGrant } from "./support/grants";
import { startTestPlatform, TEST_AUDIT_CHAIN_KEY, type TestPlatform } from "./support/platform";
import {
  CookieJar,
  type PortalHttpSession,
  portalDocument,
  signInByHttp,
  signInUpToCallback,
  step,
} from "./support/portalSession";

const LOOKUPS_PER_HOUR = 4;
let platform: TestPlatform;
let sql: postgres.Sql;
let portal: string;
let official: string;
let subject: string;
let other: string;
let ownGrant: string;
let foreignGrant: string;

const NONE = {
  codes: false,
  name: false,
  birth: false,
  citizenship: false,
  address: false,
  documents: false,
  family: false,
  death: false,
};
const lookUp = (session: PortalHttpSession, personCode: string, grant: string, purpose = "Case 17") =>
  session.graphql(
    portalDocument("PdpLookUp"),
    { personCode, ...NONE, name: true },
    {
      grant,
      "x-rnp-purpose": encodeURIComponent(purpose),
    },
  );

const auditRows = async () => Number((await sql`select count(*)::int as n from audit.disclosures`)[0]!.n);
const sessionRows = async () => Number((await sql`select count(*)::int as n from portal.sessions`)[0]!.n);

beforeAll(async () => {
  platform = await startTestPlatform({ portal: { lookupsPerHour: LOOKUPS_PER_HOUR } });
  sql = postgres(platform.databaseUrl, { max: 2, onnotice: () => {} });
  portal = platform.portalUrl!;
  [official, subject, other] = platform.samplePersonCodes as [string, string, string];
  ownGrant = await createGrant(platform, { dataGroups: ["NAME"], manualLookup: true });
  const foreign = await provisionRequester(platform.gatewayUrl, platform.operatorKey, {
    name: "Cita Iestāde",
    registrationNumber: syntheticRegistrationNumber(9),
    dataGroups: ["NAME"],
    purpose: "Another organisation's work",
  });
  foreignGrant = await createGrant(
    platform,
    { dataGroups: ["NAME"], manualLookup: true },
    foreign.requesterId,
  );
  await platform.operator(
    "mutation ($r: ID!, $p: String!) { addMember(requesterId: $r, personCode: $p, roles: [PDP_USER]) { personCode } }",
    { r: platform.requester.requesterId, p: official },
  );
});

afterAll(async () => {
  await sql?.end();
  await platform?.stop();
});

describe("portal sessions refuse what a page of the portal would not do", () => {
  it("refuses a session cookie sent from another origin or without the CSRF token (CSRF_REFUSED, 403)", async () => {
    const session = await signInByHttp(portal, official);
    const before = await auditRows();
    const forged = await fetch(new URL("/graphql", portal), {
      method: "POST",
      headers: { "content-type": "application/json", cookie: session.cookie, origin: "http://evil.example" },
      body: JSON.stringify({ query: portalDocument("PortalMe") }),
    });
    expect(forged.status).toBe(403);
    const body = (await forged.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("CSRF_REFUSED");
    expect(body.data ?? null).toBeNull();
    const noToken = await session.graphql(portalDocument("PortalMe"), {}, { "x-csrf-token": "" });
    expect(noToken.body.errors?.[0]?.extensions?.code).toBe("CSRF_REFUSED");
    const signOut = await fetch(new URL("/portal/auth/logout", portal), {
      method: "POST",
      headers: { cookie: session.cookie, origin: "http://evil.example", "x-csrf-token": session.csrfToken },
    });
    expect(signOut.status).toBe(403);
    // Nothing lost: the session still works from its own page, and nothing was disclosed.
    const me = await session.graphql(portalDocument("PortalMe"));
    expect(me.body.data?.portalMe).toMatchObject({ personCode: official });
    expect(await auditRows()).toBe(before);
  });

  it("runs only the portal's own documents (SESSION_DOCUMENT_REQUIRED), so another resident's report cannot be asked for", async () => {
    const session = await signInByHttp(portal, subject);
    const report = await session.graphql(
      "query ($c: String!) { dataSubjectAccessReport(personCode: $c) { at } }",
      {
        c: other,
      },
    );
    expect(report.status).toBe(403);
    expect(report.body.errors?.[0]?.extensions?.code).toBe("SESSION_DOCUMENT_REQUIRED");
    const script = await session.graphql("{ persons(personCodes: []) { givenName } }");
    expect(script.body.errors?.[0]?.extensions?.code).toBe("SESSION_DOCUMENT_REQUIRED");
    // The portal's own "my data" document, pointed at someone else: the data subject's access is theirs only.
    const before = await auditRows();
    const foreign = await session.graphql(portalDocument("MyRegisterData"), { personCode: other });
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((foreign.body.data as { person?: unknown } | null)?.person ?? null).toBeNull();
    // Its own reads are audited (the read itself), and never another resident's.
    const rows =
      await sql`select person_code, channel from audit.disclosures order by seq desc limit ${(await auditRows()) - before}`;
    expect(rows.every((row) => row.person_code === subject.replace("-", ""))).toBe(true);
    const mine = await session.graphql(portalDocument("MyDisclosures"), { first: 5 });
    expect(mine.body.errors).toBeUndefined();
  });

  it("refuses a PDP user another organisation's grant, and a look-up without a purpose", async () => {
    const session = await signInByHttp(portal, official);
    const before = await auditRows();
    const foreign = await lookUp(session, subject, foreignGrant);
    expect(foreign.status).toBe(403);
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(foreign.body.data ?? null).toBeNull();
    const noPurpose = await lookUp(session, subject, ownGrant, "");
    expect(noPurpose.status).toBe(400);
    expect(noPurpose.body.errors?.[0]?.extensions?.code).toBe("PURPOSE_REQUIRED");
    expect(await auditRows()).toBe(before);
    // The own grant works and is audited with the official, the channel and the purpose.
    const own = await lookUp(session, subject, ownGrant, "Lieta 5/2026");
    expect(own.body.errors).toBeUndefined();
    expect((own.body.data as { person: { givenName: string } }).person.givenName).toBeTruthy();
    const [row] =
      await sql`select actor_person_code, channel, case_reference, grant_number from audit.disclosures order by seq desc limit 1`;
    expect(row).toMatchObject({
      actor_person_code: official.replace("-", ""),
      channel: "PDP",
      case_reference: "Lieta 5/2026",
      grant_number: ownGrant,
    });
  });

  it("stops a suspended user's live session at once", async () => {
    const session = await signInByHttp(portal, official);
    await platform.operator(
      "mutation ($r: ID!, $p: String!) { suspendMember(requesterId: $r, personCode: $p) { status } }",
      { r: platform.requester.requesterId, p: official },
    );
    try {
      const before = await auditRows();
      const refused = await lookUp(session, subject, ownGrant);
      expect(refused.status).toBe(403);
      expect(refused.body.errors?.[0]?.message).toMatch(/suspended/);
      expect(await auditRows()).toBe(before);
    } finally {
      await platform.operator(
        "mutation ($r: ID!, $p: String!) { reinstateMember(requesterId: $r, personCode: $p) { status } }",
        { r: platform.requester.requesterId, p: official },
      );
    }
  });

  it("refuses scripted look-ups past the hourly rate (LOOKUP_RATE_EXCEEDED, 429)", async () => {
    const session = await signInByHttp(portal, other);
    await platform.operator(
      "mutation ($r: ID!, $p: String!) { addMember(requesterId: $r, personCode: $p, roles: [PDP_USER]) { personCode } }",
      { r: platform.requester.requesterId, p: other },
    );
    const answers = [];
    for (let i = 0; i < LOOKUPS_PER_HOUR + 2; i++) answers.push(await lookUp(session, subject, ownGrant));
    expect(answers.slice(0, LOOKUPS_PER_HOUR).every((answer) => !answer.body.errors)).toBe(true);
    const past = answers.at(-1)!;
    expect(past.status).toBe(429);
    expect(past.body.errors?.[0]?.extensions?.code).toBe("LOOKUP_RATE_EXCEEDED");
    expect(past.body.data ?? null).toBeNull();
  });

  it("refuses a replayed, forged or tampered sign-in answer (state, nonce, PKCE) and opens no session", async () => {
    const sessions = await sessionRows();
    // Replayed: the same answer taken twice.
    const first = await signInUpToCallback(portal, subject);
    expect((await step(first.jar, first.callbackUrl)).status).toBe(303);
    const replay = await step(first.jar, first.callbackUrl);
    expect(replay.status).toBe(400);
    expect(replay.headers.get("x-refusal-code")).toBe("LOGIN_EXPIRED");
    // Forged state: the provider's answer with another state.
    const forged = await signInUpToCallback(portal, subject);
    const url = new URL(forged.callbackUrl);
    url.searchParams.set("state", "forged-state");
    const wrongState = await step(forged.jar, url.href);
    expect(wrongState.headers.get("x-refusal-code")).toBe("SIGN_IN_REFUSED");
    // Another browser's answer: its code taken with this browser's sign-in (state differs).
    const victim = await signInUpToCallback(portal, subject);
    const attacker = await signInUpToCallback(portal, other, new CookieJar());
    const swapped = await step(attacker.jar, victim.callbackUrl);
    expect(swapped.headers.get("x-refusal-code")).toBe("SIGN_IN_REFUSED");
    // A nonce or a PKCE verifier that does not match what was asked.
    for (const column of ["nonce", "code_verifier"] as const) {
      const tampered = await signInUpToCallback(portal, subject);
      await sql`update portal.pending_logins set ${sql(column)} = ${"x".repeat(64)}`;
      const answer = await step(tampered.jar, tampered.callbackUrl);
      expect(answer.status, column).toBe(400);
      expect(answer.headers.get("x-refusal-code"), column).toBe("SIGN_IN_REFUSED");
    }
    expect(await sessionRows()).toBe(sessions + 1);
  });

  it("ends the session at sign-out, and every session at sign-out everywhere", async () => {
    const one = await signInByHttp(portal, subject);
    const two = await signInByHttp(portal, subject);
    const origin = new URL(portal).origin;
    const out = await fetch(new URL("/portal/auth/logout", portal), {
      method: "POST",
      headers: { cookie: one.cookie, origin, "x-csrf-token": one.csrfToken },
    });
    expect(out.status).toBe(204);
    expect((await one.graphql(portalDocument("PortalMe"))).body.errors?.[0]?.extensions?.code).toBe(
      "UNAUTHENTICATED",
    );
    expect((await two.graphql(portalDocument("PortalMe"))).body.errors).toBeUndefined();
    const everywhere = await fetch(new URL("/portal/auth/logout-everywhere", portal), {
      method: "POST",
      headers: { cookie: two.cookie, origin, "x-csrf-token": two.csrfToken },
    });
    expect(everywhere.status).toBe(204);
    expect((await two.graphql(portalDocument("PortalMe"))).status).toBe(401);
  });

  it("answers the people steps only to a person's session or an operator's key", async () => {
    const addMember =
      "mutation ($r: ID!, $p: String!) { addMember(requesterId: $r, personCode: $p, roles: [PDP_USER]) { personCode } }";
    const variables = { r: platform.requester.requesterId, p: subject };
    for (const headers of [{}, platform.headersOf({ key: platform.requester.key })]) {
      const answer = await platform.query(addMember, variables, { headers });
      expect(answer.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(answer.data ?? null).toBeNull();
    }
    const anonymous = await platform.query("{ portalMe { personCode } }", {}, { headers: {} });
    expect(anonymous.data).toEqual({ portalMe: null });
    // A member who is not the signatory changes nothing.
    const session = await signInByHttp(portal, official);
    const refused = await session.graphql(portalDocument("AddMember"), {
      requesterId: platform.requester.requesterId,
      personCode: subject,
      roles: ["PDP_USER"],
    });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const members =
      await sql`select count(*)::int as n from access.memberships where person_code = ${subject.replace("-", "")}`;
    expect(members[0]!.n).toBe(0);
  });

  it("ends a session idle too long or past its absolute end", async () => {
    for (const column of ["idle_expires_at", "expires_at"] as const) {
      const session = await signInByHttp(portal, subject);
      await sql`update portal.sessions set ${sql(column)} = now() - interval '1 second' where revoked_at is null`;
      const answer = await session.graphql(portalDocument("PortalMe"));
      expect(answer.status, column).toBe(401);
      expect(answer.body.errors?.[0]?.extensions?.code, column).toBe("UNAUTHENTICATED");
    }
  });

  it("keeps the audit chain whole with the portal's rows (actor, channel, case reference)", async () => {
    const rows = await sql`select count(*)::int as n from audit.disclosures where channel in ('PDP', 'SELF')`;
    expect(rows[0]!.n).toBeGreaterThan(0);
    expect(await verifyAuditChain(sql, { key: TEST_AUDIT_CHAIN_KEY })).toMatchObject({ ok: true });
  });

  it("serves the portal with no framing and a strict content security policy", async () => {
    const page = await fetch(portal);
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const traversal = await fetch(new URL("/portal/..%2f..%2fpackage.json", portal));
    expect(await traversal.text()).toContain('<div id="root">');
  });
});
