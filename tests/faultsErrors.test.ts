import { createGraphQLServer, type GraphQLServer } from "@rnp/common";
import { createDatabase, schema } from "@rnp/db";
import { BOOTSTRAP_KEY_LABEL, ensureOperatorKey } from "@rnp/gateway/access/credentials";
import { provisionRequester, syntheticRegistrationNumber } from "@rnp/platform/provision";
import { buildSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { capturedLogLines } from "./support/logCapture";
import { ALL_GROUPS, startTestPlatform, type TestPlatform } from "./support/platform";
import { bearer, post } from "./support/post";

// Refusals answered with a sentence and the right status, not the SQL behind them, and an
// internal error masked for the client with the request id while the log keeps what failed
// (never the statement's parameters).

describe("refusals and internal errors through the gateway", () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("answers an id over 2^31-1 with BAD_USER_INPUT and a sentence, not the SQL", async () => {
    const answer = await post(
      platform.gatewayUrl,
      'mutation { revokeApiKey(id: "99999999999") { id } }',
      bearer(platform.operatorKey),
    );
    const [error] = answer.body.errors ?? [];
    expect(error?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error?.message).toContain("is not an id: pass a whole number from 1 to 2147483647");
    expect(JSON.stringify(answer.body)).not.toMatch(/select|update|params|api_keys|out of range/i);
    // The same for an id inside a cursor.
    const cursor = Buffer.from("requester:99999999999").toString("base64url");
    const page = await post(
      platform.gatewayUrl,
      `{ requesters(first: 5, after: "${cursor}") { nodes { id } } }`,
      bearer(platform.operatorKey),
    );
    expect(page.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(page.body)).not.toMatch(/select |params:|out of range/i);
  });

  it("cuts echoed input short", async () => {
    const long = "7".repeat(5_000);
    const answer = await platform.query(`{ residents(addressCode: "${long}") { nodes { personCode } } }`);
    const [error] = answer.errors ?? [];
    expect(error?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error?.message).toContain(`"${"7".repeat(40)}…" is not an address code`);
    expect(error!.message.length).toBeLessThan(200);
  });

  it("gives HTTP 403 for a FORBIDDEN that comes from a subgraph", async () => {
    // A requester's administrator issuing a key for another organisation: the gateway lets
    // the role through, the catalog subgraph refuses the organisation.
    const { issueApiKey } = await platform.operator<{ issueApiKey: { key: string } }>(
      `mutation ($id: ID!) { issueApiKey(input: { requesterId: $id, role: REQUESTER_ADMIN, label: "faults test" }) { key } }`,
      { id: platform.requester.requesterId },
    );
    const other = await provisionRequester(platform.gatewayUrl, platform.operatorKey, {
      name: "Cita Banka AS",
      registrationNumber: syntheticRegistrationNumber(31),
      dataGroups: ALL_GROUPS,
      purpose: "Faults test",
    });
    const answer = await post(
      platform.gatewayUrl,
      `mutation { issueApiKey(input: { requesterId: "${other.requesterId}", role: REQUESTER, label: "x" }) { key } }`,
      bearer(issueApiKey.key),
    );
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(answer.body.errors?.[0]?.message).toContain("own organisation");
    expect(answer.status).toBe(403);
  });

  it("keeps at most one valid bootstrap operator key: a start with a new key revokes the previous", async () => {
    const me = "{ me { role } }";
    expect((await post(platform.gatewayUrl, me, bearer(platform.operatorKey))).body.errors).toBeUndefined();
    const database = createDatabase(platform.databaseUrl, { max: 1 });
    try {
      // What the next `pnpm start` does with its own random key.
      const nextKey = `rnp_op_next_${Date.now()}`;
      await ensureOperatorKey(database.db, nextKey);
      await ensureOperatorKey(database.db, nextKey); // the same key again: nothing changes
      const previous = await post(platform.gatewayUrl, me, bearer(platform.operatorKey));
      expect(previous.status).toBe(401);
      expect(previous.body.errors?.[0]?.message).toContain("was revoked");
      const next = await post(platform.gatewayUrl, me, bearer(nextKey));
      expect(next.body).toEqual({ data: { me: { role: "OPERATOR" } }, extensions: expect.anything() });
      const rows = await database.sql<{ valid: number }[]>`
        select count(*)::int as valid from access.api_keys
        where label = ${BOOTSTRAP_KEY_LABEL} and revoked_at is null`;
      expect(rows[0]?.valid).toBe(1);
    } finally {
      await database.close();
    }
  });
});

describe("an internal error", () => {
  let database: TestDatabase;
  let server: GraphQLServer<{ requestId: string }>;
  let url: string;
  beforeAll(async () => {
    database = await createTestDatabase("empty");
    const client = createDatabase(database.url, { max: 1 });
    server = await createGraphQLServer<{ requestId: string }>({
      part: "test",
      apollo: {
        schema: buildSchema("type Query { keyByHash: Int }"),
        rootValue: {
          // A real SQL failure with a parameter, as drizzle reports it ("Failed query: … params: …").
          keyByHash: async () => {
            await client.db.insert(schema.access.apiKeys).values({
              requesterId: 99_999_999_999,
              role: "OPERATOR",
              label: "x",
              prefix: "x",
              keyHash: "secret-hash-0123",
            });
            return 1;
          },
        },
      },
      context: async () => ({ requestId: "req-faults-0001" }),
      onStop: client.close,
    });
    url = await server.listen(0);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it("reaches the client masked with the request id, and is logged as one JSON line without the statement's parameters", async () => {
    const answer = await post(url, "{ keyByHash }");
    expect(answer.body.errors).toEqual([
      {
        message:
          "Internal error; quote request id req-faults-0001 to the platform operator, who can find the details in the log.",
        locations: [{ line: 1, column: 3 }],
        path: ["keyByHash"],
        extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "req-faults-0001" },
      },
    ]);
    const lines = capturedLogLines().filter((line) => line.requestId === "req-faults-0001" && line.err);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    // What failed and where stays: the statement's first words, PostgreSQL's code and routine.
    expect(line).toMatchObject({
      part: "test",
      msg: "internal error",
      err: {
        message: "Failed query (statement and parameters withheld)",
        statement: expect.stringContaining('insert into "access"."api_keys"'),
        cause: { type: "PostgresError", sqlState: expect.stringMatching(/^\w{5}$/) },
      },
    });
    // The parameters never: the key's hash, the label.
    expect(JSON.stringify(line)).not.toContain("secret-hash-0123");
    expect(JSON.stringify(line)).not.toContain("params");
  });
});
