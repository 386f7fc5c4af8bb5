import { hashApiKey, partLogger } from "@rnp/common";
import { type Database, schema } from "@rnp/db";
import { sql } from "drizzle-orm";
import { limitRefusal } from "./refusal";

const { rateLimits } = schema.access;

/**
 * Who a request is counted for: its API key (by hash, as the key itself must not be
 * stored), or its client address when it sends none.
 */
export function rateLimitKey(authorization: string | undefined, clientAddress: string | null): string {
  const key = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (key) return `key:${hashApiKey(key)}`;
  return `address:${clientAddress ?? "unknown"}`;
}

/**
 * Requests a minute per key, counted in one table that every gateway replica shares: one
 * atomic upsert per request (a fixed one-minute window on the database's clock), so N
 * replicas share one budget instead of granting N. rate-limiter-flexible's PostgreSQL store
 * needs the `pg` driver; the gateway speaks `postgres`, and this is the same fixed window
 * that store keeps, in a single statement.
 */
export class RateLimiter {
  /**
   * Keys this process has refused, until their window ends: their further requests are
   * refused without a statement, so a flood neither queues on its row's lock nor takes the
   * pool's connections from other requesters.
   */
  private readonly refusedUntil = new Map<string, number>();

  /** Built once and prepared: no query building and one round trip per request. */
  private readonly countStatement;

  constructor(
    db: Database,
    private readonly perMinute: number,
  ) {
    this.countStatement = db
      .insert(rateLimits)
      .values({ key: sql.placeholder("key"), windowStart: sql`date_trunc('minute', now())`, points: 1 })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          points: sql`case when ${rateLimits.windowStart} = excluded.window_start then ${rateLimits.points} + 1 else 1 end`,
          windowStart: sql`excluded.window_start`,
        },
      })
      .returning({
        points: rateLimits.points,
        retryAfter: sql<number>`greatest(1, ceil(extract(epoch from (${rateLimits.windowStart} + interval '1 minute' - now()))))::int`,
      })
      .prepare("count_rate_limit");
  }

  /**
   * Counts one request for `key`; throws RATE_LIMITED (HTTP 429, `Retry-After`) when the
   * key's budget for this minute is spent. If the database cannot count, the request is let
   * through (and the failure logged): the limiter protects the service, it must not be the
   * reason it is down.
   */
  async consume(key: string): Promise<void> {
    const until = this.refusedUntil.get(key);
    if (until !== undefined) {
      const left = Math.ceil((until - Date.now()) / 1000);
      if (left > 0) throw this.refusal(left);
      this.refusedUntil.delete(key);
    }
    let row: { points: number; retryAfter: number } | undefined;
    try {
      [row] = await this.countStatement.execute({ key });
    } catch (error) {
      partLogger("gateway").error(
        { err: error },
        "rate limit could not be counted; the request is let through",
      );
      return;
    }
    if (row && row.points > this.perMinute) {
      this.refusedUntil.set(key, Date.now() + row.retryAfter * 1000);
      throw this.refusal(row.retryAfter);
    }
  }

  private refusal(retryAfter: number) {
    return limitRefusal(
      "RATE_LIMITED",
      `You sent more than ${this.perMinute} requests this minute, the most the gateway accepts per API key; retry after ${retryAfter} s (the Retry-After header), or send fewer, larger requests.`,
      {
        limit: this.perMinute,
        retryAfterSeconds: retryAfter,
        headers: { "retry-after": String(retryAfter) },
      },
    );
  }
}
