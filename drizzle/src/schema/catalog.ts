import { sql } from "drizzle-orm";
import { char, integer, pgSchema, serial, text, timestamp } from "drizzle-orm/pg-core";

/** The catalog of what the platform serves, owned by the catalog subgraph. */
export const catalogSchema = pgSchema("catalog");

/** Organisations that provide data to the platform (e.g. PMLP for the person register). */
export const providers = catalogSchema.table("providers", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  registrationNumber: char("registration_number", { length: 11 }).notNull().unique(),
  description: text("description").notNull(),
  contactEmail: text("contact_email").notNull(),
});

/** Published datasets: named bundles of data groups with their documentation. */
export const datasets = catalogSchema.table("datasets", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull(),
  providerId: integer("provider_id")
    .notNull()
    .references(() => providers.id),
  dataGroups: text("data_groups").array().notNull().default(sql`'{}'::text[]`),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
