import { sql } from "drizzle-orm";
import { bigserial, char, index, integer, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { accessSchema, requesters } from "./access";

/**
 * People and their roles (DAGR DU-8): a person (personal code, as the OpenID provider asserts
 * it) belongs to organisations with roles, given by the organisation's signatory contact
 * person; the platform's own roles beside. Written by the catalog subgraph; read by the
 * gateway on every request of a portal session, so a suspension takes effect at once.
 */
export const organisationRoleEnum = accessSchema.enum("organisation_role", [
  "SIGNATORY",
  "ORG_ADMIN",
  "PDP_USER",
  "DEVELOPER",
]);
export const platformRoleEnum = accessSchema.enum("platform_role", ["OPERATOR", "PORTAL_ADMIN"]);
export const membershipStatusEnum = accessSchema.enum("membership_status", [
  "ACTIVE",
  "SUSPENDED",
  "REMOVED",
]);
export const peopleActionEnum = accessSchema.enum("people_action", [
  "ADDED",
  "ROLES_CHANGED",
  "SUSPENDED",
  "REINSTATED",
  "REMOVED",
  "SIGNATORY_APPOINTED",
]);

/** A person's place in one organisation: their roles and whether it is in force. */
export const memberships = accessSchema.table(
  "memberships",
  {
    requesterId: integer("requester_id")
      .notNull()
      .references(() => requesters.id),
    personCode: char("person_code", { length: 11 }).notNull(),
    displayName: text("display_name"),
    roles: organisationRoleEnum("roles").array().notNull(),
    status: membershipStatusEnum("status").notNull().default("ACTIVE"),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.requesterId, t.personCode] }),
    index("memberships_person_idx").on(t.personCode),
  ],
);

/** Roles on the platform itself (operators, portal administrators). */
export const platformRoles = accessSchema.table(
  "platform_roles",
  {
    personCode: char("person_code", { length: 11 }).notNull(),
    role: platformRoleEnum("role").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personCode, t.role] })],
);

/** Every change of people and roles: who, when, what. Append-only by use. */
export const peopleEvents = accessSchema.table(
  "people_events",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** A personal code, or `API key N` when an operator acted with a key. */
    actor: text("actor").notNull(),
    requesterId: integer("requester_id").notNull(),
    personCode: char("person_code", { length: 11 }).notNull(),
    action: peopleActionEnum("action").notNull(),
    roles: organisationRoleEnum("roles").array().notNull().default(sql`'{}'`),
  },
  (t) => [index("people_events_requester_idx").on(t.requesterId, t.seq)],
);
