/**
 * The rate limiter counts requests in groups (one upsert for all that arrived while the
 * previous count was on its way): concurrent requests of one key still get exactly the
 * budget, on one limiter and across two sharing a database, and other keys keep theirs.
 */
import { createDatabase, schema } from "@rnp/db";
import { RateLimiter } from "@rnp/gateway/limits/rateLimit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/database";

let database: TestDatabase;
let client: ReturnType<typeof createDatabase>;
beforeAll(async () => {
  database = await createTestDatabase("empty");
  client = createDatabase(database.url, { max: 4 });
});
afterAll(async () => {
  await client?.close();
  await database?.drop();
});

const outcomes = (attempts: Promise<void>[]) =>
  Promise.all(
    attempts.map((attempt) =>
      attempt.then(
        () => "ok" as const,
        (error: Error) => error,
      ),
    ),
  );

describe("group-counted rate limit", () => {
  it("admits exactly the budget of 60 concurrent requests of one key, from two limiters, and counts them in few statements", async () => {
    // Start inside a calendar minute so the requests share one window.
    const second = new Date().getUTCSeconds();
    if (second > 50) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
    const [a, b] = [new RateLimiter(client.db, 25), new RateLimiter(client.db, 25)];
    const results = await outcomes(
      Array.from({ length: 60 }, (_, index) => (index % 2 ? a : b).consume("key:group-test")),
    );
    expect(results.filter((result) => result === "ok")).toHaveLength(25);
    const refused = results.filter((result) => result !== "ok") as (Error & {
      extensions?: { code?: string };
    })[];
    expect(refused).toHaveLength(35);
    expect(refused.every((error) => error.extensions?.code === "RATE_LIMITED")).toBe(true);
    const [row] = await client.db.select().from(schema.access.rateLimits);
    expect(row).toMatchObject({ key: "key:group-test", points: 60 });
    // Another key keeps its own budget.
    await expect(a.consume("key:other")).resolves.toBeUndefined();
  });
});
