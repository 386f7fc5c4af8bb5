import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueKey, raw, startAccessStack, stopAccessStack } from "./support/access";
import type { TestPlatform } from "./support/platform";

// API keys: shown once and stored as a hash; a requester's administrator manages only its
// own organisation's keys.

let platform: TestPlatform;
let sql: postgres.Sql;

beforeAll(async () => {
  ({ platform, sql } = await startAccessStack());
});
afterAll(stopAccessStack);

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
