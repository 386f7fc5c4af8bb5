import { readFileSync } from "node:fs";
import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";

/** What the benchmark's subscribers select: the notification and the person's current data. */
export const SUBSCRIPTION = `subscription ($s: ID!) { setChanges(setId: $s) {
  cursor eventNo personCode person { givenName surname declaredAddress { address { fullAddress } } } } }`;

interface Event {
  eventNo: number;
  person: { surname: string } | null;
}

/**
 * Rejects with a sentence naming `what` when `promise` takes longer than `ms`: no wait in the
 * benchmark is unbounded, and a stall is a failure with a reason, not a hang.
 */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}.`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `check` every 100 ms until it holds, bounded like `within`. */
export async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Resident memory of a process in MiB (Linux `/proc`), or NaN where that cannot be read. */
export function residentMiB(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * Subscribers over graphql-ws: `subscriptionsPerSocket` subscriptions share a socket (as a
 * requester's back-end would). Records, per subscription, each event's arrival time, and
 * how many carried person data.
 */
export class SubscriberPool {
  private readonly clients: Client[] = [];
  private readonly counts: number[] = [];
  private readonly waiters = new Map<number, { count: number; resolve: () => void }[]>();
  /** eventNo → arrival times (ms, `performance.now()`), per set. */
  readonly arrivals = new Map<string, Map<number, number[]>>();
  withPerson = 0;
  delivered = 0;
  failures: unknown[] = [];

  constructor(
    private readonly url: string,
    private readonly connectionParams: Record<string, string>,
    private readonly subscriptionsPerSocket = 100,
  ) {}

  /** Subscribes once to `setId`; returns the subscription's index. */
  subscribe(setId: string): number {
    const index = this.counts.length;
    this.counts.push(0);
    if (index % this.subscriptionsPerSocket === 0) {
      this.clients.push(
        createClient({
          url: this.url.replace("http://", "ws://"),
          webSocketImpl: WebSocket,
          connectionParams: this.connectionParams,
          retryAttempts: 0,
          lazy: true,
        }),
      );
    }
    const client = this.clients.at(-1)!;
    let bySet = this.arrivals.get(setId);
    if (!bySet) {
      bySet = new Map();
      this.arrivals.set(setId, bySet);
    }
    const arrivals = bySet;
    client.subscribe<{ setChanges: Event }>(
      { query: SUBSCRIPTION, variables: { s: setId } },
      {
        next: (result) => {
          const at = performance.now();
          if (result.errors) {
            this.failures.push(result.errors);
            return;
          }
          const event = result.data!.setChanges;
          const list = arrivals.get(event.eventNo) ?? [];
          list.push(at);
          arrivals.set(event.eventNo, list);
          this.delivered++;
          if (event.person) this.withPerson++;
          this.counts[index]!++;
          const waiting = this.waiters.get(index);
          if (waiting) {
            const due = waiting.filter((w) => this.counts[index]! >= w.count);
            const left = waiting.filter((w) => this.counts[index]! < w.count);
            if (left.length > 0) this.waiters.set(index, left);
            else this.waiters.delete(index);
            for (const waiter of due) waiter.resolve();
          }
        },
        error: (error) => this.failures.push(error),
        complete: () => {},
      },
    );
    return index;
  }

  /** Resolves once subscription `index` has received `count` events in all. */
  received(index: number, count: number): Promise<void> {
    if (this.failures.length > 0) return Promise.reject(new Error(JSON.stringify(this.failures[0])));
    if (this.counts[index]! >= count) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.set(index, [...(this.waiters.get(index) ?? []), { count, resolve }]);
    });
  }

  /** Resolves once every subscription in `indexes` has `count` events (bounded by `ms`). */
  async allReceived(indexes: number[], count: number, ms: number, what: string): Promise<void> {
    try {
      await within(Promise.all(indexes.map((i) => this.received(i, count))), ms, what);
    } catch (error) {
      const failure = this.failures[0]
        ? ` First subscription error: ${JSON.stringify(this.failures[0])}`
        : "";
      throw new Error(`${error instanceof Error ? error.message : String(error)}${failure}`);
    }
  }

  get size(): number {
    return this.counts.length;
  }

  async dispose(): Promise<void> {
    for (const client of this.clients.splice(0)) await Promise.resolve(client.dispose()).catch(() => {});
  }
}
