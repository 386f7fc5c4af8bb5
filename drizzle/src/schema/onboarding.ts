import {
  bigserial,
  boolean,
  char,
  customType,
  date,
  index,
  integer,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { accessSchema, apiKeys, environmentEnum, grants, requesters } from "./access";

/**
 * Onboarding: an organisation's application, its history, the signed acceptance act, and
 * the OAuth 2.0 clients (client credentials) of each approved application. Written by the
 * catalog subgraph; the gateway reads the OAuth clients and their secrets to issue and
 * verify access tokens. Each platform (TEST, PRODUCTION) has its own database: an accepted
 * application reaches the production one through `pnpm onboarding:promote`.
 */

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

export const applicationStatusEnum = accessSchema.enum("application_status", [
  "SUBMITTED",
  "CHANGES_REQUESTED",
  "REJECTED",
  "APPROVED",
  "ACCEPTANCE_REPORTED",
  "ACCEPTED",
  "IN_PRODUCTION",
]);

/** What the organisation already registered under the application's number said of it. */
export const organisationDecisionEnum = accessSchema.enum("organisation_decision", ["CONFIRMED", "DECLINED"]);

export const applications = accessSchema.table(
  "applications",
  {
    id: serial("id").primaryKey(),
    /** `A-<year>-<id>`, kept when the application is promoted to the production database. */
    number: text("number").notNull().unique(),
    status: applicationStatusEnum("status").notNull().default("SUBMITTED"),
    organisationName: text("organisation_name").notNull(),
    registrationNumber: char("registration_number", { length: 11 }).notNull(),
    contactName: text("contact_name").notNull(),
    contactEmail: text("contact_email").notNull(),
    systemName: text("system_name").notNull(),
    systemDescription: text("system_description").notNull(),
    dataGroups: text("data_groups").array().notNull(),
    legalBasis: text("legal_basis").notNull(),
    purpose: text("purpose").notNull(),
    needsMonitoring: boolean("needs_monitoring").notNull().default(false),
    /** SHA-256 of the application token, which is shown once at submission. */
    tokenHash: char("token_hash", { length: 64 }).notNull().unique(),
    requesterId: integer("requester_id").references(() => requesters.id),
    /**
     * The organisation already registered on this platform under the application's registration
     * number, tied at submission (or when found later, at approval or promotion). The
     * application reaches it (becomes its `requesterId`) only once that organisation's
     * REQUESTER_ADMIN confirmed it (`organisationDecision`); an applicant never takes over an
     * organisation by typing its number.
     */
    existingRequesterId: integer("existing_requester_id").references(() => requesters.id),
    organisationDecision: organisationDecisionEnum("organisation_decision"),
    organisationDecidedAt: timestamp("organisation_decided_at", { withTimezone: true }),
    /** The REQUESTER_ADMIN key that confirmed or declined. */
    organisationDecidedByKeyId: integer("organisation_decided_by_key_id").references(() => apiKeys.id),
    organisationNote: text("organisation_note"),
    approvedDataGroups: text("approved_data_groups").array(),
    /** The usage tier: requests a minute (OAuth tokens) and persons a day (the grants' quota). */
    requestsPerMinute: integer("requests_per_minute"),
    personsPerDay: integer("persons_per_day"),
    /** The grant of this platform's environment: TEST on the test platform, PRODUCTION on production. */
    grantId: integer("grant_id").references(() => grants.id),
    reviewNote: text("review_note"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("applications_status_idx").on(t.status, t.id)],
);

/** Every step of an application, who took it and when, on which platform; append-only by use. */
export const applicationEvents = accessSchema.table(
  "application_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    action: text("action").notNull(),
    actor: text("actor").notNull(),
    note: text("note"),
    environment: environmentEnum("environment").notNull(),
  },
  (t) => [index("application_events_application_idx").on(t.applicationId, t.id)],
);

/**
 * The signed acceptance act of an application, with the document itself. `signature` is the
 * test platform's Ed25519 signature over the act and the application's binding facts
 * (subgraphs/catalog/src/acceptanceSignature.ts), made when the act is recorded with a key
 * the database does not hold; promotion and the PRODUCTION grant verify it, so an act edited
 * in the database is refused. Null only for acts recorded before acts were signed.
 */
export const acceptanceActs = accessSchema.table("acceptance_acts", {
  applicationId: integer("application_id")
    .primaryKey()
    .references(() => applications.id),
  number: text("number").notNull(),
  date: date("date").notNull(),
  signatories: text("signatories").array().notNull(),
  acceptedDataGroups: text("accepted_data_groups").array().notNull(),
  document: bytea("document").notNull(),
  documentSha256: char("document_sha256", { length: 64 }).notNull(),
  documentMediaType: text("document_media_type").notNull(),
  recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  recordedBy: text("recorded_by").notNull(),
  signature: text("signature"),
  /** Which key signed: the first 16 hex digits of the SHA-256 of its public key (SPKI DER). */
  signatureKeyId: text("signature_key_id"),
});

/**
 * An OAuth 2.0 client of one application in this platform's environment. `keyId` is an
 * API key row that no one holds (its hash is of random bytes): the audit trail, the
 * subscriptions and revocation treat the client's tokens as that key.
 */
export const oauthClients = accessSchema.table(
  "oauth_clients",
  {
    id: serial("id").primaryKey(),
    clientId: text("client_id").notNull().unique(),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    environment: environmentEnum("environment").notNull(),
    keyId: integer("key_id")
      .notNull()
      .references(() => apiKeys.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // One client per application and environment: of two concurrent claims, one wins.
  (t) => [uniqueIndex("oauth_clients_application_environment_idx").on(t.applicationId, t.environment)],
);

/**
 * A client's secrets, as SHA-256. A rotation adds a secret and gives the previous ones a
 * `validUntil` (the overlap): until then both obtain tokens, and tokens carry the id of the
 * secret that obtained them, so they die with it.
 */
export const oauthClientSecrets = accessSchema.table(
  "oauth_client_secrets",
  {
    id: serial("id").primaryKey(),
    oauthClientId: integer("oauth_client_id")
      .notNull()
      .references(() => oauthClients.id),
    secretHash: char("secret_hash", { length: 64 }).notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    validUntil: timestamp("valid_until", { withTimezone: true }),
  },
  (t) => [index("oauth_client_secrets_client_idx").on(t.oauthClientId)],
);
