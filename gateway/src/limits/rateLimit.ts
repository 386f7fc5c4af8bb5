import { hashApiKey, partLogger } from "@rnp/common";
import { type Database, schema } from "@rnp/db";
import { bearerCredentialOf } from "@rnp/policy/credentials";
import { sql } from "drizzle-orm";
import { limitRefusal } from "./refusal";

const { rateLimits } = schema.access;

/**
 * Who a request is counted for: its API key (by hash, as the key itself must not be
 * stored), or its client address when it sends none.
 */
export function rateLimitKey(authorization: string | undefined, clientAddress: string | null): string {
  const key = bearerCredentialOf(authorization);
  if (key) return `key:${hashApiKey(key)}`;
  return `address:${clientAddress ?? "unknown"}`;
}

/**
 * Requests a minute per key, counted in one table that every gateway replica shares, so N
 * replicas share one budget instead of granting N (a fixed one-minute window on the
 * database's clock). Counting is group-committed, as the audit trail's appends are: the
 * requests that arrive while a count is on its way wait for the next one, which adds them all
 * in a single upsert (one row per key, whatever the number of requests). Each request still
 * waits until its count is stored, so a budget is exact across replicas; but a busy gateway
 * pays one statement per round trip instead of one per request, and a key's row is not a lock
 * that every request of that key queues on. rate-limiter-flexible's PostgreSQL store needs the
 * `pg` driver; the gateway speaks `postgres`, and this is the same fixed window.
 */
export class RateLimiter {
  /**
   * Keys this process has refused, until their window ends: their further requests are
   * refused without a statement, so a flood neither queues on its row's lock nor takes the
   * pool's connections from other requesters.
   */
  private readonly refusedUntil = new Map<string, number>();

  /** Requests waiting for the next count, by key: each resolves to its place in the window. */
  private pending = new Map<string, ((place: { number: number; retryAfter: number } | null) => void)[]>();
  private counting: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    private readonly perMinute: number,
  ) {}

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
    const place = await new Promise<{ number: number; retryAfter: number } | null>((resolve) => {
      const waiting = this.pending.get(key);
      if (waiting) waiting.push(resolve);
      else this.pending.set(key, [resolve]);
      this.counting ??= this.countPending();
    });
    if (place && place.number > this.perMinute) {
      this.refusedUntil.set(key, Date.now() + place.retryAfter * 1000);
      throw this.refusal(place.retryAfter);
    }
  }

  /** Counts what is pending in one statement, then again while requests keep arriving. */
  private async countPending(): Promise<void> {
    while (this.pending.size > 0) {
      const batch = this.pending;
      this.pending = new Map();
      const keys = [...batch.keys()];
      const counts = keys.map((key) => batch.get(key)!.length);
      try {
        const rows = await this.db.execute<{ key: string; points: number; retry_after: number }>(sql`
          insert into ${rateLimits} (key, window_start, points)
          select key, date_trunc('minute', now()), points
          from unnest(${sql.param(keys)}::text[], ${sql.param(counts)}::int[]) as batch(key, points)
          on conflict (key) do update set
            points = case when ${rateLimits.windowStart} = excluded.window_start
              then ${rateLimits.points} + excluded.points else excluded.points end,
            window_start = excluded.window_start
          returning key, points,
            greatest(1, ceil(extract(epoch from (window_start + interval '1 minute' - now()))))::int as retry_after`);
        for (const row of rows) {
          const waiting = batch.get(row.key) ?? [];
          // The batch's requests hold the last places of the window, in arrival order.
          const first = row.points - waiting.length + 1;
          for (const [index, resolve] of waiting.entries()) {
            resolve({ number: first + index, retryAfter: row.retry_after });
          }
        }
      } catch (error) {
        partLogger("gateway").error(
          { err: error },
          "rate limit could not be counted; the requests are let through",
        );
        for (const waiting of batch.values()) for (const resolve of waiting) resolve(null);
      }
    }
    this.counting = undefined;
  }

  private refusal(retryAfter: number) {
    return limitRefusal(
      "RATE_LIMITED",
      `You sent more than ${this.perMinute} requests this minute, the most the gateway accepts per API key; retry after ${retryAfter} s (the Retry-After header), or send fewer, larger requests.`,
      {
        limit: this.perMinute,
        retryAfterSeconds: retryAfter,
        status: 429,
        headers: { "retry-after": String(retryAfter) },
      },
    );
  }
}
