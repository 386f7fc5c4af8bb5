import { char, index, integer, pgSchema, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The portal's server-side state, written and read by the gateway only: sessions of people
 * signed in through OpenID Connect, sign-ins under way, and the look-up counts that keep the
 * person data browser manual.
 */
export const portalSchema = pgSchema("portal");

/**
 * A signed-in person's session. The cookie carries a random token; only its SHA-256 is kept,
 * so a copy of this table opens no session. Ends at `idleExpiresAt` (moved on by each request),
 * at `expiresAt` (absolute), or when revoked by sign-out (one, or every session of the person).
 */
export const sessions = portalSchema.table(
  "sessions",
  {
    tokenHash: char("token_hash", { length: 64 }).primaryKey(),
    personCode: char("person_code", { length: 11 }).notNull(),
    name: text("name"),
    /** Sent by the page in `x-csrf-token` with every change; compared with this. */
    csrfToken: text("csrf_token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    idleExpiresAt: timestamp("idle_expires_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("sessions_person_idx").on(t.personCode)],
);

/**
 * A sign-in under way: the state, nonce and PKCE verifier of one authorisation request,
 * found by the hash of the random value in the browser's short-lived cookie and deleted when
 * used, so a callback answers once (a replayed or forged response finds nothing).
 */
export const pendingLogins = portalSchema.table("pending_logins", {
  idHash: char("id_hash", { length: 64 }).primaryKey(),
  state: text("state").notNull(),
  nonce: text("nonce").notNull(),
  codeVerifier: text("code_verifier").notNull(),
  returnTo: text("return_to").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/** Look-ups by hand per official per hour, shared by every gateway replica (one upsert each). */
export const lookupCounts = portalSchema.table(
  "lookup_counts",
  {
    personCode: char("person_code", { length: 11 }).notNull(),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.personCode, t.hour] })],
);
