import { createHash, randomBytes } from "node:crypto";
import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";

const { sessions, pendingLogins, lookupCounts } = schema.portal;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
export const randomToken = () => randomBytes(32).toString("base64url");

export interface SessionRecord {
  tokenHash: string;
  personCode: string;
  name: string | null;
  csrfToken: string;
  expiresAt: Date;
}

/** Sessions of people, kept in PostgreSQL so any gateway replica serves any request. */
export class SessionStore {
  constructor(
    private readonly db: Database,
    private readonly timeouts: { idleMinutes: number; maxHours: number },
  ) {}

  /** Opens a session; resolves with the cookie's token (only its hash is stored). */
  async open(personCode: string, name: string | null): Promise<{ token: string; csrfToken: string }> {
    const token = randomToken();
    const csrfToken = randomToken();
    const now = Date.now();
    await this.db.insert(sessions).values({
      tokenHash: hashToken(token),
      personCode,
      name,
      csrfToken,
      idleExpiresAt: new Date(now + this.timeouts.idleMinutes * 60_000),
      expiresAt: new Date(now + this.timeouts.maxHours * 3_600_000),
    });
    return { token, csrfToken };
  }

  /**
   * The live session of a cookie's token, its idle deadline moved on, in one statement; null
   * when unknown, signed out, idle too long or past its absolute end.
   */
  async find(token: string): Promise<SessionRecord | null> {
    const now = new Date();
    const [row] = await this.db
      .update(sessions)
      .set({
        idleExpiresAt: sql`least(now() + make_interval(mins => ${this.timeouts.idleMinutes}), ${sessions.expiresAt})`,
      })
      .where(
        and(
          eq(sessions.tokenHash, hashToken(token)),
          isNull(sessions.revokedAt),
          gt(sessions.idleExpiresAt, now),
          gt(sessions.expiresAt, now),
        ),
      )
      .returning({
        tokenHash: sessions.tokenHash,
        personCode: sessions.personCode,
        name: sessions.name,
        csrfToken: sessions.csrfToken,
        expiresAt: sessions.expiresAt,
      });
    return row ?? null;
  }

  /** Signs one session out. */
  async revoke(tokenHash: string): Promise<void> {
    await this.db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.tokenHash, tokenHash));
  }

  /** Signs every session of the person out, on every device. */
  async revokeAll(personCode: string): Promise<number> {
    const rows = await this.db
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.personCode, personCode), isNull(sessions.revokedAt)))
      .returning({ tokenHash: sessions.tokenHash });
    return rows.length;
  }

  /** Remembers a sign-in under way for ten minutes; resolves with the cookie's value. */
  async beginLogin(values: { state: string; nonce: string; codeVerifier: string; returnTo: string }) {
    const id = randomToken();
    await this.db.delete(pendingLogins).where(lt(pendingLogins.expiresAt, new Date()));
    await this.db
      .insert(pendingLogins)
      .values({ idHash: hashToken(id), ...values, expiresAt: new Date(Date.now() + 600_000) });
    return id;
  }

  /** Takes a sign-in under way, once: a second call with the same value finds nothing. */
  async takeLogin(id: string) {
    const [row] = await this.db
      .delete(pendingLogins)
      .where(and(eq(pendingLogins.idHash, hashToken(id)), gt(pendingLogins.expiresAt, new Date())))
      .returning();
    return row ?? null;
  }

  /** Counts one look-up by hand of the official in this hour; resolves with the hour's count. */
  async countLookUp(personCode: string): Promise<number> {
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    const [row] = await this.db
      .insert(lookupCounts)
      .values({ personCode, hour, count: 1 })
      .onConflictDoUpdate({
        target: [lookupCounts.personCode, lookupCounts.hour],
        set: { count: sql`${lookupCounts.count} + 1` },
      })
      .returning({ count: lookupCounts.count });
    return row!.count;
  }
}
