import { GraphQLError } from "graphql";
import { limitRefusal } from "./refusal";

/**
 * Open subscriptions per key on this gateway process. A subscriber's sockets usually stay
 * on one replica, but one key can open subscriptions on several: behind N replicas a key
 * can hold up to N × the limit (documented in the README).
 */
export class SubscriptionCounter {
  private readonly open = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /**
   * Takes one of `key`'s subscription places; returns the function that gives it back
   * (idempotent), or throws TOO_MANY_SUBSCRIPTIONS when all are taken.
   */
  acquire(key: string): () => void {
    const count = this.open.get(key) ?? 0;
    if (count >= this.limit) {
      throw limitRefusal(
        "TOO_MANY_SUBSCRIPTIONS",
        `This API key already has ${count} open subscriptions, the most the gateway keeps per key (${this.limit}): complete one you no longer need, or monitor more persons in one set.`,
        { limit: this.limit, found: count },
      );
    }
    this.open.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left > 0) this.open.set(key, left);
      else this.open.delete(key);
    };
  }
}

/** An iterator that calls `release` once when it ends, however it ends (done, return, error). */
export function releasingOnEnd<T>(
  iterator: AsyncIterableIterator<T>,
  release: () => void,
): AsyncIterableIterator<T> {
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      try {
        const result = await iterator.next();
        if (result.done) release();
        return result;
      } catch (error) {
        release();
        throw error;
      }
    },
    async return(value?: unknown) {
      release();
      return (await iterator.return?.(value)) ?? { value: undefined, done: true };
    },
  };
}

/**
 * A limit refusal as graphql-ws sends it: the code and figures, without the HTTP head
 * Apollo Server uses (there is no HTTP status on a WebSocket).
 */
export function forSubscription(error: GraphQLError): GraphQLError {
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, { extensions });
}
