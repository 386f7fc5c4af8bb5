import { type DocumentNode, GraphQLError, type GraphQLSchema } from "graphql";
import type { OperationLimits } from "./config";
import { checkCost } from "./cost";
import { checkDocumentShape, checkTokens, withoutSuggestions } from "./documentLimits";
import type { RateLimiter } from "./rateLimit";
import { limitRefusal } from "./refusal";

/**
 * Open subscriptions per key on this gateway process. A subscriber's sockets usually stay
 * on one replica, but one key can open subscriptions on several: behind N replicas a key
 * can hold up to N × the limit (documented in docs/LIMITS.md).
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

/**
 * The gateway's operation limits for graphql-ws `onSubscribe`, in the order they apply
 * over HTTP: rate and tokens before parsing, depth/aliases/directives before validation,
 * cost and the open-subscriptions count last. Each step returns the refusal to send (the
 * subscription's error, with the same code as over HTTP) or nothing.
 */
export class SubscriptionLimits {
  private readonly open: SubscriptionCounter;

  constructor(
    private readonly limits: OperationLimits,
    private readonly rateLimiter: RateLimiter | undefined,
  ) {
    this.open = new SubscriptionCounter(limits.maxSubscriptionsPerKey);
  }

  /** Rate limit and token count, before the document is parsed. */
  async beforeParse(requester: string, query: string): Promise<GraphQLError[] | undefined> {
    return refusalOf(async () => {
      checkTokens(query, this.limits);
      await this.rateLimiter?.consume(requester);
    });
  }

  /** Depth, aliases and directives, before validation. */
  beforeValidation(schema: GraphQLSchema, document: DocumentNode): GraphQLError[] | undefined {
    return refusalOfSync(() => checkDocumentShape(schema, document, this.limits));
  }

  /** Validation or coercion errors without "Did you mean" hints, in production. */
  messageOf(error: GraphQLError): string {
    return this.limits.hideSuggestions ? withoutSuggestions(error.message) : error.message;
  }

  /**
   * Cost, then a place among the key's open subscriptions: the function that gives the place
   * back when the subscription ends, or the refusal.
   */
  admit(
    requester: string,
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown>,
  ): { release: () => void } | { refusal: GraphQLError[] } {
    let release = () => {};
    const refusal = refusalOfSync(() => {
      checkCost(schema, document, operationName, variables, this.limits);
      release = this.open.acquire(requester);
    });
    return refusal ? { refusal } : { release };
  }
}

function refusalOfSync(check: () => void): GraphQLError[] | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.http) return [forSubscription(error)];
    throw error;
  }
}

async function refusalOf(check: () => Promise<void>): Promise<GraphQLError[] | undefined> {
  try {
    await check();
    return undefined;
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.http) return [forSubscription(error)];
    throw error;
  }
}
