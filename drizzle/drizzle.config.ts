import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: [
    "./drizzle/src/schema/person.ts",
    "./drizzle/src/schema/catalog.ts",
    "./drizzle/src/schema/access.ts",
    "./drizzle/src/schema/onboarding.ts",
    "./drizzle/src/schema/monitoring.ts",
    "./drizzle/src/schema/compositeSets.ts",
    "./drizzle/src/schema/people.ts",
    "./drizzle/src/schema/portal.ts",
  ],
  out: "./drizzle/migrations",
  schemaFilter: ["person", "catalog", "access", "audit", "monitoring", "portal"],
});
