import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file, cloned from a template built in the global
 * setup: `seeded` holds the synthetic register, `empty` only the migrated tables.
 * Call `drop()` in `afterAll`; the global teardown removes the whole server anyway.
 */
export async function createTestDatabase(from: "seeded" | "empty" = "seeded"): Promise<TestDatabase> {
  const adminUrl = inject("testAdminUrl");
  const template = inject(from === "seeded" ? "seededTemplate" : "emptyTemplate");
  const name = `rnp_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
