import { createServer, type Server } from "node:http";
import { IDENTITY_HEADER, listen, signIdentity } from "@rnp/common";
import { createDatabase } from "@rnp/db";
import { createGatewayServer } from "@rnp/gateway";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGrant, day } from "./support/grants";
import {
  startTestPlatform,
  TEST_AUDIT_CHAIN_KEY,
  TEST_SIGNING_SECRET,
  type TestPlatform,
} from "./support/platform";

let platform: TestPlatform;
let sql: postgres.Sql;
let adult: string;
let minor: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 2, onnotice: () => {} });
  const [a] = await sql`select person_code from person.persons
    where death_date is null and birth_date < now() - interval '30 years' order by person_code limit 1`;
  const [m] = await sql`select person_code from person.persons
    where death_date is null and birth_date > now() - interval '10 years' order by person_code limit 1`;
  adult = a!.person_code;
  minor = m!.person_code;
});
afterAll(async () => {
  await sql?.end();
  await platform?.stop();
});

const PERSON = "query ($code: String!) { person(personCode: $code) { personCode givenName } }";

async function raw(headers: Record<string, string>, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(platform.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions: { code: string } }[];
    },
  };
}

async function issueKey(role = "REQUESTER", requesterId = platform.requester.requesterId) {
  const { issueApiKey } = await platform.operator<{ issueApiKey: { key: string; apiKey: { id: string } } }>(
    "mutation ($input: IssueApiKeyInput!) { issueApiKey(input: $input) { key apiKey { id } } }",
    { input: { requesterId, role, label: `test ${role}` } },
  );
  return issueApiKey;
}

describe("refusals", () => {
  it("no key: UNAUTHENTICATED, HTTP 401", async () => {
    const { status, body } = await raw({}, PERSON, { code: adult });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    expect(body.errors?.[0]?.message).toContain("Authorization: Bearer");
    expect(body.data ?? null).toBeNull();
  });

  it("unknown key: UNAUTHENTICATED", async () => {
    const { body } = await raw(
      { authorization: "Bearer rnp_not-a-key", grant: platform.requester.grantNumber },
      PERSON,
      {
        code: adult,
      },
    );
    expect(body.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    expect(body.errors?.[0]?.message).toContain("not known");
  });

  it("revoked key: UNAUTHENTICATED from the next request on", async () => {
    const { key, apiKey } = await issueKey();
    const headers = { authorization: `Bearer ${key}`, grant: platform.requester.grantNumber };
    expect((await raw(headers, PERSON, { code: adult })).body.errors).toBeUndefined();
    await platform.operator("mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }", { id: apiKey.id });
    const { body } = await raw(headers, PERSON, { code: adult });
    expect(body.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    expect(body.errors?.[0]?.message).toContain("was revoked");
  });

  it("no Grant header: GRANT_REQUIRED, listing the requester's grants", async () => {
    const { body } = await raw({ authorization: `Bearer ${platform.requester.key}` }, PERSON, {
      code: adult,
    });
    expect(body.errors?.[0]?.extensions.code).toBe("GRANT_REQUIRED");
    expect(body.errors?.[0]?.message).toContain(platform.requester.grantNumber);
  });

  it("expired grant: FORBIDDEN", async () => {
    const number = await createGrant(platform, {
      dataGroups: ["NAME"],
      validFrom: day(-30),
      validTo: day(-1),
    });
    const { body } = await raw(
      platform.headersOf({ key: platform.requester.key, grantNumber: number }),
      PERSON,
      {
        code: adult,
      },
    );
    expect(body.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect(body.errors?.[0]?.message).toContain(`expired on ${day(-1)}`);
  });

  it("grant for the other environment: FORBIDDEN", async () => {
    const number = await createGrant(platform, { dataGroups: ["NAME"], environment: "PRODUCTION" });
    const { body } = await raw(
      platform.headersOf({ key: platform.requester.key, grantNumber: number }),
      PERSON,
      {
        code: adult,
      },
    );
    expect(body.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect(body.errors?.[0]?.message).toContain("production environment; this is the test environment");
  });

  it("ungranted field: FORBIDDEN naming the field and its data group, before anything runs", async () => {
    const number = await createGrant(platform, { dataGroups: ["NAME"] });
    platform.resetStatements();
    const { status, body } = await raw(
      platform.headersOf({ key: platform.requester.key, grantNumber: number }),
      "query ($code: String!) { person(personCode: $code) { givenName declaredAddress { declaredFrom } } }",
      { code: adult },
    );
    expect(status).toBe(403);
    expect(body.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect(body.errors?.[0]?.message).toContain("Person.declaredAddress belongs to data group ADDRESS");
    expect(body.data ?? null).toBeNull();
    expect(platform.statements).toEqual([]);
  });

  it("quota exhausted: QUOTA_EXCEEDED, HTTP 429, after the daily number of persons disclosed", async () => {
    const number = await createGrant(platform, { dataGroups: ["NAME"], dailyQuota: 2 });
    const headers = platform.headersOf({ key: platform.requester.key, grantNumber: number });
    expect((await raw(headers, PERSON, { code: adult })).body.errors).toBeUndefined();
    expect((await raw(headers, PERSON, { code: adult })).body.errors).toBeUndefined();
    const { status, body } = await raw(headers, PERSON, { code: adult });
    expect(status).toBe(429);
    expect(body.errors?.[0]?.extensions.code).toBe("QUOTA_EXCEEDED");
    expect(body.errors?.[0]?.message).toContain("allows 2 persons disclosed a day");
  });

  it("request not through the gateway: the subgraph refuses it, with or without a forged identity", async () => {
    const direct = async (headers: Record<string, string>) =>
      (await fetch(platform.subgraphUrls.person, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query: PERSON, variables: { code: adult } }),
      }).then((r) => r.json())) as { errors?: { message: string; extensions: { code: string } }[] };
    const unsigned = await direct({});
    expect(unsigned.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
    expect(unsigned.errors?.[0]?.message).toContain("Send requests to the gateway");
    const forged = await signIdentity(
      { requestId: "x", requesterId: 1, keyId: 1, role: "OPERATOR", grant: null, issuedAt: Date.now() },
      {
        keys: "not-the-platform-secret",
        audience: "person",
        body: JSON.stringify({ query: PERSON, variables: { code: adult } }),
      },
    );
    const withForgery = await direct({ [IDENTITY_HEADER]: forged });
    expect(withForgery.errors?.[0]?.extensions.code).toBe("UNAUTHENTICATED");
  });

  it("the subgraph checks the grant again: a signed identity without ADDRESS cannot read an address", async () => {
    const body = JSON.stringify({
      query:
        "query ($code: String!) { person(personCode: $code) { givenName declaredAddress { declaredFrom } } }",
      variables: { code: adult },
    });
    const identity = await signIdentity(
      {
        requestId: "defence-in-depth",
        requesterId: 1,
        keyId: 1,
        role: "REQUESTER",
        grant: {
          id: 1,
          number: "G-X",
          dataGroups: ["NAME"],
          conditions: [],
          purpose: "t",
          monitoringAllowed: false,
        },
        issuedAt: Date.now(),
      },
      { keys: TEST_SIGNING_SECRET, audience: "person", body },
    );
    const result = (await fetch(platform.subgraphUrls.person, {
      method: "POST",
      headers: { "content-type": "application/json", [IDENTITY_HEADER]: identity },
      body,
    }).then((r) => r.json())) as { errors?: { extensions: { code: string } }[] };
    expect(result.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
  });

  it("another organisation's grant: FORBIDDEN", async () => {
    const { createRequester } = await platform.operator<{ createRequester: { id: string } }>(
      'mutation { createRequester(input: { name: "Cita Iestāde", registrationNumber: "40003521600", contactEmail: "a@b.lv" }) { id } }',
    );
    const theirs = await createGrant(platform, { dataGroups: ["NAME"] }, createRequester.id);
    const { body } = await raw(
      platform.headersOf({ key: platform.requester.key, grantNumber: theirs }),
      PERSON,
      {
        code: adult,
      },
    );
    expect(body.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect(body.errors?.[0]?.message).toContain("not a grant of your organisation");
  });

  it("a requester key cannot call operator fields; anyone can read the public catalog", async () => {
    const { body } = await raw(
      platform.headersOf({ key: platform.requester.key }),
      "{ requesters { nodes { id } } }",
    );
    expect(body.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect(body.errors?.[0]?.message).toContain("Query.requesters needs an API key with role OPERATOR");
    const anonymous = await raw({}, "{ dataGroups { name } }");
    expect(anonymous.body.errors).toBeUndefined();
  });
});

describe("grant changes", () => {
  it("take effect on the next request: narrowing, then revoking", async () => {
    const number = await createGrant(platform, { dataGroups: ["NAME", "BIRTH"] });
    const headers = platform.headersOf({ key: platform.requester.key, grantNumber: number });
    const query = "query ($code: String!) { person(personCode: $code) { givenName birthDate } }";
    expect((await raw(headers, query, { code: adult })).body.errors).toBeUndefined();
    await platform.operator(
      "mutation ($n: String!) { updateGrant(number: $n, input: { dataGroups: [NAME] }) { number } }",
      {
        n: number,
      },
    );
    expect((await raw(headers, query, { code: adult })).body.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    await platform.operator("mutation ($n: String!) { revokeGrant(number: $n) { revokedAt } }", {
      n: number,
    });
    const revoked = await raw(headers, PERSON, { code: adult });
    expect(revoked.body.errors?.[0]?.message).toContain("was revoked");
  });

  it("refuse a malformed condition with BAD_USER_INPUT and write nothing", async () => {
    const before = await sql`select count(*)::int as n from access.grants`;
    await expect(
      createGrant(platform, {
        dataGroups: ["NAME"],
        conditions: [{ field: "age", operator: "BEFORE", value: 18 }],
      }),
    ).rejects.toThrow(/operator BEFORE does not apply to age.*BAD_USER_INPUT/);
    const after = await sql`select count(*)::int as n from access.grants`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe("conditions on record values", () => {
  it("make a person who fails them look exactly like an unknown person", async () => {
    const number = await createGrant(platform, {
      dataGroups: ["NAME", "FAMILY"],
      conditions: [{ field: "age", operator: "GREATER_THAN", value: 17 }],
    });
    const headers = platform.headersOf({ key: platform.requester.key, grantNumber: number });
    const { body } = await raw(
      headers,
      "query ($codes: [String!]!) { persons(personCodes: $codes) { personCode } }",
      {
        codes: [adult, minor],
      },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ persons: [{ personCode: `${adult.slice(0, 6)}-${adult.slice(6)}` }, null] });
    const [parent] =
      await sql`select parent_code from person.parent_child where child_code = ${minor} limit 1`;
    if (parent) {
      const family = await raw(
        headers,
        "query ($code: String!) { person(personCode: $code) { children { personCode } } }",
        {
          code: parent.parent_code,
        },
      );
      const children =
        (family.body.data as { person: { children: { personCode: string }[] } | null }).person?.children ??
        [];
      expect(children.map((c) => c.personCode)).not.toContain(`${minor.slice(0, 6)}-${minor.slice(6)}`);
    }
  });

  it("limit a grant to the residents of one municipality", async () => {
    const [row] = await sql`
      select a.municipality_code, d.person_code from person.declared_addresses d
      join person.addresses a on a.address_code = d.address_code
      where d.declared_to is null and d.kind = 'DECLARED' limit 1`;
    const [outsider] = await sql`
      select d.person_code from person.declared_addresses d join person.addresses a on a.address_code = d.address_code
      where d.declared_to is null and d.kind = 'DECLARED' and a.municipality_code <> ${row!.municipality_code} limit 1`;
    const number = await createGrant(platform, {
      dataGroups: ["ADDRESS"],
      conditions: [{ field: "municipalityCode", operator: "EQUALS", value: row!.municipality_code }],
    });
    const { body } = await raw(
      platform.headersOf({ key: platform.requester.key, grantNumber: number }),
      "query ($codes: [String!]!) { persons(personCodes: $codes) { declaredAddress { address { municipalityCode } } } }",
      { codes: [row!.person_code, outsider!.person_code] },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      persons: [{ declaredAddress: { address: { municipalityCode: row!.municipality_code } } }, null],
    });
  });
});

describe("keys", () => {
  it("are shown once and kept only as a hash", async () => {
    const { key, apiKey } = await issueKey();
    const [row] = await sql`select key_hash, prefix from access.api_keys where id = ${Number(apiKey.id)}`;
    expect(row!.key_hash).not.toContain(key);
    expect(key.startsWith(row!.prefix)).toBe(true);
  });

  it("a requester's administrator manages its own organisation's keys only", async () => {
    const admin = await issueKey("REQUESTER_ADMIN");
    const headers = platform.headersOf({ key: admin.key });
    const own = await raw(
      headers,
      'mutation ($id: ID!) { issueApiKey(input: { requesterId: $id, role: REQUESTER, label: "server 2" }) { key } }',
      { id: platform.requester.requesterId },
    );
    expect(own.body.errors).toBeUndefined();
    const operatorKey = await raw(
      headers,
      'mutation ($id: ID!) { issueApiKey(input: { requesterId: $id, role: OPERATOR, label: "x" }) { key } }',
      { id: platform.requester.requesterId },
    );
    expect(operatorKey.body.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    const other = await raw(
      headers,
      'mutation { issueApiKey(input: { requesterId: "1", role: REQUESTER, label: "x" }) { key } }',
    );
    expect(other.body.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
  });
});

/** What a proxy between the gateway and the person subgraph saw: each call's token and body. */
interface Captured {
  token: string;
  body: string;
}

/** An HTTP proxy in front of `target` that records the identity header and body of each call. */
async function capturingProxy(
  target: string,
): Promise<{ url: string; captured: Captured[]; server: Server }> {
  const captured: Captured[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const token = request.headers[IDENTITY_HEADER];
    if (typeof token === "string") captured.push({ token, body });
    const forwarded = await fetch(target, {
      method: request.method ?? "POST",
      headers: {
        "content-type": "application/json",
        ...(typeof token === "string" ? { [IDENTITY_HEADER]: token } : {}),
      },
      ...(request.method === "POST" ? { body } : {}),
    });
    response.writeHead(forwarded.status, {
      "content-type": forwarded.headers.get("content-type") ?? "application/json",
    });
    response.end(await forwarded.text());
  });
  const port = await listen(server, 0);
  return { url: `http://127.0.0.1:${port}/graphql`, captured, server };
}

describe("the identity the gateway forwards", () => {
  for (const fetcher of ["undici", "default"] as const) {
    it(`is bound to one subgraph and one request body, and used once (${fetcher} fetcher)`, async () => {
      const proxy = await capturingProxy(platform.subgraphUrls.person);
      const database = createDatabase(platform.databaseUrl, { max: 2, applicationName: "rnp-test-gateway" });
      const gateway = await createGatewayServer({
        subgraphUrls: { ...platform.subgraphUrls, person: proxy.url },
        database,
        signingSecret: TEST_SIGNING_SECRET,
        audit: { key: TEST_AUDIT_CHAIN_KEY },
        fetcher,
      });
      try {
        const url = await gateway.listen(0);
        const answer = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", ...platform.headersOf(platform.requester) },
          body: JSON.stringify({ query: PERSON, variables: { code: adult } }),
        });
        const through = (await answer.json()) as { data?: { person: { givenName: string } | null } };
        // The gateway's token matched the body its fetcher sent: the person came back.
        expect(through.data?.person?.givenName).toEqual(expect.any(String));
        const [call] = proxy.captured;
        expect(call).toBeDefined();

        const replay = async (subgraphUrl: string, body: string) => {
          const response = await fetch(subgraphUrl, {
            method: "POST",
            headers: { "content-type": "application/json", [IDENTITY_HEADER]: call!.token },
            body,
          });
          const result = (await response.json()) as {
            data?: unknown;
            errors?: { message: string; extensions: { code: string } }[];
          };
          return {
            status: response.status,
            code: result.errors?.[0]?.extensions.code,
            message: result.errors?.[0]?.message,
            data: result.data ?? null,
          };
        };
        const otherBody = JSON.stringify({
          query:
            '{ residents(addressCode: "100000000", first: 500) { nodes { personCode givenName surname } } }',
        });
        expect(await replay(platform.subgraphUrls.person, otherBody)).toMatchObject({
          status: 401,
          code: "UNAUTHENTICATED",
          message: expect.stringContaining("the identity token was issued for another request body"),
          data: null,
        });
        expect(await replay(platform.subgraphUrls.person, call!.body)).toMatchObject({
          status: 401,
          code: "UNAUTHENTICATED",
          message: expect.stringContaining("the identity token was already used"),
          data: null,
        });
        expect(await replay(platform.subgraphUrls.catalog, call!.body)).toMatchObject({
          status: 401,
          code: "UNAUTHENTICATED",
          message: expect.stringContaining("the identity token is for another subgraph, not catalog"),
        });
      } finally {
        await gateway.stop();
        await database.close();
        await new Promise<void>((resolve) => proxy.server.close(() => resolve()));
      }
    });
  }
});
