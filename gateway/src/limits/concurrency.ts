/**
 * Per-requester admission by weight in flight: each requester may have requests of at most
 * `budget` total weight (their cost: persons asked for, list sizes) running at once; more wait
 * in the requester's own queue, in order. One requester's flood therefore queues behind
 * itself and holds at most its budget of the gateway's and the subgraphs' work, while another
 * requester's requests start at once. A request heavier than the whole budget runs alone.
 */
export interface AdmissionOptions {
  /** Weight one requester may have in flight (default 1 000: one full `persons` batch). */
  budget: number;
  /** Requests one requester may have waiting; more are refused at once (default 32). */
  maxQueued: number;
  /** Longest wait for admission before the request is refused (default 10 s). */
  maxWaitMs: number;
}

export class AdmissionRefused extends Error {
  constructor(
    readonly reason: "QUEUE_FULL" | "WAITED_TOO_LONG",
    message: string,
  ) {
    super(message);
  }
}

interface Waiter {
  weight: number;
  admit: () => void;
  timer: NodeJS.Timeout;
}

interface RequesterState {
  inFlight: number;
  queue: Waiter[];
}

export class Admission {
  private readonly requesters = new Map<string, RequesterState>();

  constructor(readonly options: AdmissionOptions) {}

  /**
   * Resolves with a release function once the request may run; rejects with
   * AdmissionRefused when the requester's queue is full or the wait exceeds `maxWaitMs`.
   * The release function must be called exactly once; later calls do nothing.
   */
  acquire(requester: string, weight: number): Promise<() => void> {
    const state = this.requesters.get(requester) ?? { inFlight: 0, queue: [] };
    this.requesters.set(requester, state);
    const w = Math.max(1, Math.min(weight, this.options.budget));
    const release = this.releaser(requester, state, w);
    if (state.queue.length === 0 && state.inFlight + w <= this.options.budget) {
      state.inFlight += w;
      return Promise.resolve(release);
    }
    if (state.queue.length >= this.options.maxQueued) {
      this.forgetIfIdle(requester, state);
      return Promise.reject(
        new AdmissionRefused(
          "QUEUE_FULL",
          `You already have ${state.queue.length} requests waiting behind the ones running (at most ${this.options.maxQueued} may wait): wait for answers before sending more.`,
        ),
      );
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        weight: w,
        admit: () => {
          clearTimeout(waiter.timer);
          resolve(release);
        },
        timer: setTimeout(() => {
          state.queue.splice(state.queue.indexOf(waiter), 1);
          this.drain(requester, state);
          reject(
            new AdmissionRefused(
              "WAITED_TOO_LONG",
              `Your request waited ${this.options.maxWaitMs} ms behind your own requests in flight and was not run: send fewer at once.`,
            ),
          );
        }, this.options.maxWaitMs),
      };
      state.queue.push(waiter);
    });
  }

  /** Requests waiting and weight in flight of one requester (for tests and metrics). */
  stateOf(requester: string): { inFlight: number; queued: number } {
    const state = this.requesters.get(requester);
    return { inFlight: state?.inFlight ?? 0, queued: state?.queue.length ?? 0 };
  }

  private releaser(requester: string, state: RequesterState, weight: number) {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      state.inFlight -= weight;
      this.drain(requester, state);
    };
  }

  /** Admits in order: the head of the queue first, so a heavy request is not starved by light ones. */
  private drain(requester: string, state: RequesterState) {
    while (state.queue.length > 0 && state.inFlight + state.queue[0]!.weight <= this.options.budget) {
      const next = state.queue.shift()!;
      state.inFlight += next.weight;
      next.admit();
    }
    this.forgetIfIdle(requester, state);
  }

  private forgetIfIdle(requester: string, state: RequesterState) {
    if (state.inFlight === 0 && state.queue.length === 0) this.requesters.delete(requester);
  }
}
