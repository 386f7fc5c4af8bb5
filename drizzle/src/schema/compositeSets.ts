import { char, index, integer, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { accessSchema, apiKeys, grants, requesters } from "./access";

/**
 * Composite data sets: a requester names the data it needs as one GraphQL operation, the
 * operator reviews it against the grant's legal basis, and from then on the client sends
 * only the approved version's id. Written by the catalog subgraph, read by the gateway on
 * every request by id (in the `access` schema, beside the grants they belong to).
 */
export const compositeSetStatusEnum = accessSchema.enum("composite_set_status", [
  "SUBMITTED",
  "APPROVED",
  "REJECTED",
  "RETIRED",
]);

export const compositeOperationTypeEnum = accessSchema.enum("composite_operation_type", [
  "QUERY",
  "SUBSCRIPTION",
]);

/** A composite data set: its title, whose it is and the grant it is reviewed against. */
export const compositeSets = accessSchema.table(
  "composite_sets",
  {
    id: serial("id").primaryKey(),
    requesterId: integer("requester_id")
      .notNull()
      .references(() => requesters.id),
    grantId: integer("grant_id")
      .notNull()
      .references(() => grants.id),
    title: text("title").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("composite_sets_requester_idx").on(t.requesterId)],
);

/**
 * The versions of a set's document, numbered 1, 2, 3 … per set. A version's document never
 * changes (an edit is a new version), so its SHA-256 is its id on the wire.
 */
export const compositeSetVersions = accessSchema.table(
  "composite_set_versions",
  {
    setId: integer("set_id")
      .notNull()
      .references(() => compositeSets.id),
    version: integer("version").notNull(),
    document: text("document").notNull(),
    operationName: text("operation_name").notNull(),
    operationType: compositeOperationTypeEnum("operation_type").notNull(),
    /** Hex SHA-256 of `document` as stored (UTF-8), as Apollo's persisted queries compute it. */
    documentHash: char("document_hash", { length: 64 }).notNull(),
    /** Data groups the operation touches (selected fields and disclosing entry points). */
    dataGroups: text("data_groups").array().notNull(),
    /** Schema coordinates of the data-group fields it selects, e.g. `Person.surname`. */
    fields: text("fields").array().notNull(),
    status: compositeSetStatusEnum("status").notNull().default("SUBMITTED"),
    /** The operator's reason for a rejection (or a retirement). */
    reason: text("reason"),
    submittedBy: integer("submitted_by")
      .notNull()
      .references(() => apiKeys.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: integer("decided_by").references(() => apiKeys.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.setId, t.version] }),
    index("composite_set_versions_hash_idx").on(t.documentHash),
    index("composite_set_versions_status_idx").on(t.status),
  ],
);
