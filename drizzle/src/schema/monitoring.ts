import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/** Monitored sets and their change notifications, owned by the monitoring subgraph. */
export const monitoringSchema = pgSchema("monitoring");

/** A requester's set of monitored persons, for chosen data groups, under a grant. */
export const sets = monitoringSchema.table(
  "sets",
  {
    id: serial("id").primaryKey(),
    requesterId: integer("requester_id").notNull(),
    grantId: integer("grant_id").notNull(),
    /** The grant's number, to name it in refusals ("name that grant in the Grant header"). */
    grantNumber: text("grant_number"),
    name: text("name").notNull(),
    dataGroups: text("data_groups").array().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
    deleted: boolean("deleted").notNull().default(false),
    /**
     * The conditions of the set's grant as the set last saw them (every operation under the
     * grant refreshes them from the gateway's signed identity). The notifier numbers only
     * changes of members who satisfy them, so the set's counters never move for a member the
     * grant does not cover.
     */
    conditions: jsonb("conditions").notNull().default(sql`'[]'::jsonb`),
    /** The last event number given in this set: notifications are numbered 1, 2, 3 … without gaps. */
    lastEventNo: bigint("last_event_no", { mode: "number" }).notNull().default(0),
  },
  (t) => [index("sets_requester_idx").on(t.requesterId)],
);

export const members = monitoringSchema.table(
  "members",
  {
    setId: integer("set_id")
      .notNull()
      .references(() => sets.id),
    personCode: char("person_code", { length: 11 }).notNull(),
    addedAt: timestamp("added_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.setId, t.personCode] }), index("members_person_idx").on(t.personCode)],
);

/** One notification per set per change of a member in a monitored group. */
export const notifications = monitoringSchema.table(
  "notifications",
  {
    setId: integer("set_id")
      .notNull()
      .references(() => sets.id),
    eventNo: bigint("event_no", { mode: "number" }).notNull(),
    changeSeq: bigint("change_seq", { mode: "number" }).notNull(),
    personCode: char("person_code", { length: 11 }).notNull(),
    dataGroups: text("data_groups").array().notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true, mode: "string" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.setId, t.eventNo] })],
);

/**
 * How far the single notifier had followed `person.change_log` (id = 1) before its work was
 * partitioned: read once by the migration that seeds `notifier_partitions`, written no more.
 */
export const followerPosition = monitoringSchema.table("follower_position", {
  id: integer("id").primaryKey(),
  changeSeq: bigint("change_seq", { mode: "number" }).notNull(),
});

/**
 * The notifier's partitions of the sets (set id modulo the number of rows, 16): how far each
 * has followed `person.change_log`, and which notifier replica holds it until when (a lease,
 * renewed by its holder, taken over by another replica once it lapses). The row is locked
 * for the whole batch, so a change is handled once per partition even if two replicas
 * believe they hold it.
 */
export const notifierPartitions = monitoringSchema.table("notifier_partitions", {
  partition: integer("partition").primaryKey(),
  changeSeq: bigint("change_seq", { mode: "number" }).notNull(),
  holder: text("holder"),
  leaseUntil: timestamp("lease_until", { withTimezone: true, mode: "string" }),
});

/** The notifier replicas alive (seen within the lease time): each takes its fair share of the partitions. */
export const notifierReplicas = monitoringSchema.table("notifier_replicas", {
  id: text("id").primaryKey(),
  seenAt: timestamp("seen_at", { withTimezone: true, mode: "string" }).notNull(),
});
