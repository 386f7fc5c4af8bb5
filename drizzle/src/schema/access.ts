import type { PlatformEnvironment, Role } from "@rnp/common";
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  char,
  date,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/**
 * Who may see what: requesters, their API keys and their grants. Written by the catalog
 * subgraph (operator mutations); read by the gateway on every request.
 */
export const accessSchema = pgSchema("access");

/**
 * The list as given, refused by the compiler unless it holds every value of the union `U`:
 * the database enums then follow the SDL's enums, which generate `U`. The order stays ours,
 * as PostgreSQL keeps it.
 */
const everyValueOf =
  <U extends string>() =>
  <const L extends [U, ...U[]]>(list: L & (Exclude<U, L[number]> extends never ? unknown : never)): L =>
    list;

export const roleEnum = accessSchema.enum(
  "role",
  everyValueOf<Role>()(["REQUESTER", "REQUESTER_ADMIN", "PROVIDER", "OPERATOR"]),
);
export const environmentEnum = accessSchema.enum(
  "environment",
  everyValueOf<PlatformEnvironment>()(["TEST", "PRODUCTION"]),
);

/** Organisations that use the platform: requesters, providers, the operator itself. */
export const requesters = accessSchema.table("requesters", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
  registrationNumber: char("registration_number", { length: 11 }).notNull().unique(),
  contactEmail: text("contact_email").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** API keys: only a SHA-256 of the key is kept; the key itself is shown once. */
export const apiKeys = accessSchema.table("api_keys", {
  id: serial("id").primaryKey(),
  requesterId: integer("requester_id")
    .notNull()
    .references(() => requesters.id),
  role: roleEnum("role").notNull(),
  label: text("label").notNull(),
  /** The first characters of the key, to recognise it in lists without revealing it. */
  prefix: text("prefix").notNull(),
  keyHash: char("key_hash", { length: 64 }).notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});

/**
 * A grant: the data groups a requester may receive, on which legal basis, for which
 * purpose, when, in which environment, how often, and on which persons (conditions).
 */
export const grants = accessSchema.table(
  "grants",
  {
    id: serial("id").primaryKey(),
    /** The number a request names (like DAGR's permission number), e.g. `G-2026-0001`. */
    number: text("number").notNull().unique(),
    requesterId: integer("requester_id")
      .notNull()
      .references(() => requesters.id),
    dataGroups: text("data_groups").array().notNull(),
    legalBasis: text("legal_basis").notNull(),
    purpose: text("purpose").notNull(),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to").notNull(),
    environment: environmentEnum("environment").notNull(),
    dailyQuota: integer("daily_quota"),
    monitoringAllowed: boolean("monitoring_allowed").notNull().default(false),
    /** Hidden from the data subject's access report (e.g. police investigations). */
    confidential: boolean("confidential").notNull().default(false),
    /** Conditions on record values, combined with AND: `[{ field, operator, value }]`. */
    conditions: jsonb("conditions").notNull().default(sql`'[]'::jsonb`),
    /** Only approved composite data sets execute under the grant (safelist); createGrant sets it for PRODUCTION. */
    approvedSetsOnly: boolean("approved_sets_only").notNull().default(false),
    /** Officials of the requester may look persons up by hand under it (person data browser). */
    manualLookup: boolean("manual_lookup").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("grants_requester_idx").on(t.requesterId)],
);

/**
 * Use per grant per day, for daily quotas: the quota counts `persons` (persons disclosed,
 * by queries and by subscription deliveries alike); `requests` counts the requests that
 * disclosed any, for statistics.
 */
export const grantUsage = accessSchema.table(
  "grant_usage",
  {
    grantId: integer("grant_id")
      .notNull()
      .references(() => grants.id),
    day: date("day").notNull(),
    requests: integer("requests").notNull(),
    persons: integer("persons").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.grantId, t.day] })],
);

/**
 * Per-requester rate limit windows, shared by every gateway replica: one row per key
 * (an API key's hash, or a client address), its current one-minute window and the
 * requests counted in it. One atomic upsert per request; the database clock decides.
 */
export const rateLimits = accessSchema.table("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  points: integer("points").notNull(),
});

/**
 * The audit trail, written by the gateway before a response leaves; an append-only feed
 * the catalog subgraph reads. Each row's hash covers its content and the previous row's
 * hash, keyed with a key the database does not hold (HMAC), so an edited or deleted row
 * breaks the chain (`pnpm audit:verify`). Append-only: UPDATE, DELETE and TRUNCATE are
 * refused by triggers, and the gateway writes as a role that may only INSERT (auditPrivileges.ts).
 */
export const auditSchema = pgSchema("audit");

export const disclosures = auditSchema.table(
  "disclosures",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "string" }).notNull(),
    requesterId: integer("requester_id").notNull(),
    keyId: integer("key_id").notNull(),
    grantId: integer("grant_id").notNull(),
    grantNumber: text("grant_number").notNull(),
    purpose: text("purpose").notNull(),
    personCode: char("person_code", { length: 11 }).notNull(),
    dataGroups: text("data_groups").array().notNull(),
    operationName: text("operation_name"),
    operationHash: char("operation_hash", { length: 64 }).notNull(),
    /** Made by the gateway for each request. */
    requestId: text("request_id").notNull(),
    /** The client's `x-request-id`, cut short: the client's own reference, never trusted as an id. */
    correlationId: text("correlation_id"),
    clientAddress: text("client_address"),
    /** The composite data set and version executed by id; null for a document sent in full. */
    compositeSetId: integer("composite_set_id"),
    compositeSetVersion: integer("composite_set_version"),
    /** The person who acted, for a portal session (an official in the person data browser, a data subject). */
    actorPersonCode: char("actor_person_code", { length: 11 }),
    /** How the data left: API, SUBSCRIPTION, PDP, BULK, SELF; null on rows written before channels (API). */
    channel: text("channel"),
    /** The purpose or case reference the official entered for a look-up by hand. */
    caseReference: text("case_reference"),
    prevHash: char("prev_hash", { length: 64 }).notNull(),
    hash: char("hash", { length: 64 }).notNull(),
  },
  (t) => [
    index("disclosures_person_idx").on(t.personCode),
    index("disclosures_requester_at_idx").on(t.requesterId, t.at),
  ],
);

/**
 * The newest row of the chain, updated in the same transaction as each append: without it
 * deleting the last rows would leave a shorter chain that still verifies.
 */
export const chainHead = auditSchema.table("chain_head", {
  id: integer("id").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: char("hash", { length: 64 }).notNull(),
});
