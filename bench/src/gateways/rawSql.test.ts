import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/database";
import { OPERATIONS, pickCodes } from "./operations";
import { captureStatements, measureRawSql } from "./rawSql";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase("seeded");
});
afterAll(async () => {
  await database?.drop();
});

describe("the raw-SQL limit", () => {
  it("replays exactly the statements the person subgraph sends for each person, and measures them", async () => {
    const sql = postgres(database.url, { max: 1, onnotice: () => {} });
    let codes: string[];
    try {
      codes = (await pickCodes(sql, 300)).persons.slice(0, 2);
    } finally {
      await sql.end();
    }
    const captured = await captureStatements(database.url, OPERATIONS.one.query, codes);
    expect(captured).toHaveLength(2);
    for (const [i, statements] of captured.entries()) {
      // The person, their addresses and their documents, each asked for by this person's code.
      expect(statements.some((statement) => statement.query.includes('from "person"."persons"'))).toBe(true);
      expect(statements.some((statement) => statement.query.includes("identity_documents"))).toBe(true);
      expect(statements.every((statement) => !statement.query.includes("pg_catalog.pg_type"))).toBe(true);
      expect(JSON.stringify(statements.map((statement) => statement.parameters))).toContain(codes[i]!);
    }
    const limit = await measureRawSql(database.url, captured, { concurrency: 4, duration: 1 });
    expect(limit.requests).toBeGreaterThan(0);
    expect(limit.rps).toBe(limit.requests);
    expect(limit.p99).toBeGreaterThanOrEqual(limit.p50);
  });
});
