import { type Database, schema } from "@rnp/db";
import { and, eq, sql } from "drizzle-orm";
import { RateLimiter } from "../limits/rateLimit";

const { oauthClients } = schema.onboarding;
const { rateLimits } = schema.access;

/** Wrong secrets a minute one OAuth client may be sent before it is locked for the minute. */
export const FAILED_SECRETS_PER_MINUTE = 10;

const keyOf = (clientId: string) => `oauth-failures:${clientId}`;

/**
 * Slows down guessing a client's secret: wrong secrets are counted per client id (from any
 * address) in the shared rate-limit table, and past {@link FAILED_SECRETS_PER_MINUTE} the
 * client is answered 429 until the minute's window ends, whatever secret is sent. Only
 * clients that exist are counted, so random ids add no rows.
 */
export class FailedSecrets {
  private readonly limiter: RateLimiter;

  constructor(private readonly db: Database) {
    this.limiter = new RateLimiter(db, FAILED_SECRETS_PER_MINUTE);
  }

  /** Seconds until `clientId` may be tried again, or 0 when it is not locked. */
  async lockedFor(clientId: string): Promise<number> {
    const [row] = await this.db
      .select({
        retryAfter: sql<number>`greatest(1, ceil(extract(epoch from (${rateLimits.windowStart} + interval '1 minute' - now()))))::int`,
      })
      .from(rateLimits)
      .where(
        and(
          eq(rateLimits.key, keyOf(clientId)),
          sql`${rateLimits.windowStart} = date_trunc('minute', now())`,
          sql`${rateLimits.points} >= ${FAILED_SECRETS_PER_MINUTE}`,
        ),
      );
    return row?.retryAfter ?? 0;
  }

  /** Counts a wrong secret sent for `clientId` when that client exists. */
  async failed(clientId: string): Promise<void> {
    const [known] = await this.db
      .select({ id: oauthClients.id })
      .from(oauthClients)
      .where(eq(oauthClients.clientId, clientId));
    if (!known) return;
    // Past the limit the limiter refuses; the lock is read by `lockedFor` on the next try.
    await this.limiter.consume(keyOf(clientId)).catch(() => {});
  }
}
