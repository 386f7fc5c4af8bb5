import { graphQLError } from "@rnp/common";
import { type ExecutionResult, GraphQLError } from "graphql";
import { type Batch, CURSOR_ALIAS } from "./batchQuery";

/**
 * An async iterator of one subscription's events. It runs the batch query from the cursor,
 * emits each notification, and when it has caught up waits for a wake-up (a new
 * notification anywhere) or the re-check interval. `return()` ends it at once, without
 * waiting for a query in flight: graphql-ws calls it when the client unsubscribes.
 */
export class ChangeStream implements AsyncIterableIterator<ExecutionResult> {
  private readonly pending: ExecutionResult[] = [];
  private readonly waiters: ((result: IteratorResult<ExecutionResult>) => void)[] = [];
  private done = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly run: (after: string | null) => Promise<Batch>,
    private cursor: string | null,
    private readonly responseKey: string,
    private readonly batchSize: number,
    private readonly recheckIntervalMs: number,
    private readonly subscribeToWakeUps: (wake: () => void) => () => void,
  ) {
    void this.loop();
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  next(): Promise<IteratorResult<ExecutionResult>> {
    const value = this.pending.shift();
    if (value) return Promise.resolve({ value, done: false });
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
    for (const waiter of this.waiters.splice(0)) waiter({ value: undefined, done: true });
  }

  private async loop() {
    // Wake-ups that arrive while a query runs are remembered, so none is lost.
    let woken = false;
    const unsubscribe = this.subscribeToWakeUps(() => {
      woken = true;
      this.wake?.();
    });
    try {
      while (!this.done) {
        woken = false;
        const { errors, nodes, endCursor, hasNextPage } = await this.run(this.cursor);
        if (this.done) break;
        if (errors?.length) {
          this.push({ errors: [...errors] });
          break;
        }
        for (const node of nodes) {
          const { [CURSOR_ALIAS]: cursor, ...event } = node;
          this.cursor = cursor as string;
          this.push({ data: { [this.responseKey]: event } });
        }
        // Errors end the stream above (a revoked grant, or one no longer allowing monitoring,
        // comes back as FORBIDDEN from the monitoring subgraph's check of the set's grant).
        if (endCursor) this.cursor = endCursor;
        if (hasNextPage || nodes.length >= this.batchSize || woken) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.recheckIntervalMs);
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
