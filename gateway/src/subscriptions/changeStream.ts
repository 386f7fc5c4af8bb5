import { graphQLError } from "@rnp/policy/errors";
import { type ExecutionResult, GraphQLError } from "graphql";
import { type Batch, CURSOR_ALIAS } from "./batchQuery";

export interface ChangeStreamOptions {
  /** Runs the batch query from a cursor (shared with other subscribers where it can be). */
  run: (after: string | null) => Promise<Batch>;
  /** Where the stream starts: the subscription's `after`. */
  cursor: string | null;
  /** The key of each event in `data`: the field's alias, else `setChanges`. */
  responseKey: string;
  batchSize: number;
  /** How long an idle stream waits for a wake-up before it re-runs its query anyway. */
  recheckIntervalMs: number;
  /** Registers for the wake-ups of the stream's set; returns the function that unregisters. */
  subscribeToWakeUps: (wake: () => void) => () => void;
  /**
   * Most events kept for the socket before it takes them (at least `batchSize`). A batch
   * runs only when the queue has room for a whole one, so a consumer slower than the events
   * holds the stream back (back-pressure) instead of growing the gateway's memory.
   */
  maxQueuedEvents: number;
  /**
   * A stream whose queue has no room and whose socket took no event for this long is too
   * slow: `onTooSlow` is called, the queue is dropped and the stream ends.
   */
  slowConsumerTimeoutMs: number;
  /** Called once when the consumer is too slow (the subscription server closes the socket). */
  onTooSlow: (queued: number) => void;
}

/**
 * An async iterator of one subscription's events. It runs the batch query from the cursor,
 * emits each notification, and when it has caught up waits for a wake-up (a new
 * notification of its set) or the re-check interval. `return()` ends it at once, without
 * waiting for a query in flight: graphql-ws calls it when the client unsubscribes.
 * graphql-ws takes the next event only once the previous one was written to the socket,
 * so the queue here is the socket's backlog, and it is bounded (`maxQueuedEvents`).
 */
export class ChangeStream implements AsyncIterableIterator<ExecutionResult> {
  private readonly pending: ExecutionResult[] = [];
  private readonly waiters: ((result: IteratorResult<ExecutionResult>) => void)[] = [];
  private done = false;
  private wake: (() => void) | null = null;
  private taken: (() => void) | null = null;
  private cursor: string | null;

  constructor(private readonly options: ChangeStreamOptions) {
    this.cursor = options.cursor;
    void this.loop();
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  /** Events waiting for the socket. */
  get queued(): number {
    return this.pending.length;
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const value = this.pending.shift();
    if (value) {
      this.taken?.();
      return Promise.resolve({ value, done: false });
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  return(): Promise<IteratorResult<ExecutionResult>> {
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  private push(value: ExecutionResult) {
    const waiter = this.waiters.shift();
    if (waiter) waiter({ value, done: false });
    else this.pending.push(value);
  }

  private finish() {
    if (this.done) return;
    this.done = true;
    this.wake?.();
    this.taken?.();
    for (const waiter of this.waiters.splice(0)) waiter({ value: undefined, done: true });
  }

  /**
   * Waits until the queue has room for a whole batch. False when the socket took nothing
   * for `slowConsumerTimeoutMs` meanwhile (the stream is then over) or the stream ended.
   */
  private async roomForBatch(): Promise<boolean> {
    const { batchSize, slowConsumerTimeoutMs } = this.options;
    const room = Math.max(batchSize, this.options.maxQueuedEvents);
    while (!this.done && this.pending.length + batchSize > room) {
      let timer: NodeJS.Timeout | undefined;
      const took = await new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), slowConsumerTimeoutMs);
        this.taken = () => resolve(true);
      });
      clearTimeout(timer);
      this.taken = null;
      if (!took && !this.done) {
        const queued = this.pending.length;
        // What was queued is dropped: the client resumes from the last cursor it received.
        this.pending.length = 0;
        this.options.onTooSlow(queued);
        this.finish();
      }
    }
    return !this.done;
  }

  private async loop() {
    const { run, responseKey, batchSize, recheckIntervalMs } = this.options;
    // Wake-ups that arrive while a query runs are remembered, so none is lost.
    let woken = false;
    const unsubscribe = this.options.subscribeToWakeUps(() => {
      woken = true;
      this.wake?.();
    });
    try {
      while (!this.done) {
        if (!(await this.roomForBatch())) break;
        woken = false;
        const { errors, nodes, endCursor, hasNextPage } = await run(this.cursor);
        if (this.done) break;
        if (errors?.length) {
          this.push({ errors: [...errors] });
          break;
        }
        for (const node of nodes) {
          const { [CURSOR_ALIAS]: cursor, ...event } = node;
          this.cursor = cursor as string;
          this.push({ data: { [responseKey]: event } });
        }
        // Errors end the stream above (a revoked grant, or one no longer allowing monitoring,
        // comes back as FORBIDDEN from the monitoring subgraph's check of the set's grant).
        if (endCursor) this.cursor = endCursor;
        if (hasNextPage || nodes.length >= batchSize || woken) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, recheckIntervalMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    } catch (error) {
      this.push({
        errors: [
          error instanceof GraphQLError
            ? error
            : graphQLError(
                "INTERNAL_SERVER_ERROR",
                "The subscription failed; resubscribe with your last cursor.",
              ),
        ],
      });
    } finally {
      unsubscribe();
      this.finish();
    }
  }
}
