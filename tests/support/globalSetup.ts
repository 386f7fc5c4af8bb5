import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { seedCatalog } from "@rnp/catalog";
import { createDatabase, migrateDatabase } from "@rnp/db";
import { startEmbeddedPostgres } from "@rnp/db/embedded";
import { seedRegister } from "@rnp/generator";
import { ensurePortalBuilt } from "@rnp/portal/build";
import postgres from "postgres";
import type { TestProject } from "vitest/node";

/** Persons in the seeded template every whole-stack test file starts from. */
export const TEMPLATE_PERSONS = 3_000;
export const TEMPLATE_SEED = 7;

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of a database with rights to CREATE DATABASE on the test server. */
    testAdminUrl: string;
    /** Migrated, empty template. */
    emptyTemplate: string;
    /** Migrated template holding the synthetic register (TEMPLATE_PERSONS persons). */
    seededTemplate: string;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * One PostgreSQL for the whole run: `DATABASE_URL`'s server when set, else an embedded one
 * in a temporary folder. Two template databases are built once; each test file clones one
 * (CREATE DATABASE … TEMPLATE), which takes milliseconds. Teardown drops the templates and
 * stops the embedded server, also when tests failed.
 */
export default async function setup(project: TestProject) {
  const cleanups: (() => Promise<void>)[] = [];
  // Built once for the run (only when its sources changed), before files start portals in parallel.
  await ensurePortalBuilt();
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const folder = await mkdtemp(path.join(tmpdir(), "rnp-test-pg-"));
    const server = await startEmbeddedPostgres({ dataDir: path.join(folder, "data"), ephemeral: true });
    adminUrl = server.urlFor("postgres");
    cleanups.push(async () => {
      await server.stop();
      await rm(folder, { recursive: true, force: true });
    });
  }
  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  const emptyTemplate = `rnp_tpl_empty_${suffix}`;
  const seededTemplate = `rnp_tpl_seeded_${suffix}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  cleanups.push(async () => {
    await admin.end();
  });
  cleanups.push(async () => {
    for (const name of [emptyTemplate, seededTemplate]) {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
    }
  });
  try {
    await admin.unsafe(`create database "${emptyTemplate}"`);
    await migrateDatabase(withDatabase(adminUrl, emptyTemplate));
    await admin.unsafe(`create database "${seededTemplate}" template "${emptyTemplate}"`);
    const seeded = createDatabase(withDatabase(adminUrl, seededTemplate), { max: 2 });
    try {
      await seedCatalog(seeded.db);
      await seedRegister(seeded.sql, { persons: TEMPLATE_PERSONS, seed: TEMPLATE_SEED });
    } finally {
      await seeded.close();
    }
  } catch (error) {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    throw error;
  }
  project.provide("testAdminUrl", adminUrl);
  project.provide("emptyTemplate", emptyTemplate);
  project.provide("seededTemplate", seededTemplate);
  return async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
}
