/**
 * Admission by cost in flight, fair by requester. Each request weighs its cost (persons
 * asked for, list sizes). A requester may have at most `budget` of weight running at once,
 * and all requesters together `capacity`; when several requesters compete, each may hold only
 * its fair share of the capacity (`capacity` / requesters with work). More waits in the
 * requester's own queue, in order, and when weight is released the waiting requesters are
 * admitted by deficit round robin (DRR) of their cost: each in turn gains `budget` of credit
 * and is admitted while its credit covers its next request, so one requester's many or heavy
 * requests cannot take the turns of another's. A requester with nothing in flight is always
 * admitted at once (one request, of any weight up to the budget): however another floods, a
 * requester's first request never waits behind it. A request heavier than the budget counts
 * as the budget and runs alone.
 */
export interface AdmissionOptions {
  /** Weight one requester may have in flight (GATEWAY_IN_FLIGHT_COST). */
  budget: number;
  /** Weight all requesters together may have in flight, one request each aside (default 4 × budget). */
  capacity?: number;
  /** Requests one requester may have waiting; more are refused at once. */
  maxQueued: number;
  /** Longest wait for admission before the request is refused. */
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
  /** DRR credit while the requester waits. */
  deficit: number;
}

export class Admission {
  private readonly requesters = new Map<string, RequesterState>();
  /** Requesters with requests waiting, in round-robin order. */
  private readonly ring: string[] = [];
  private cursor = 0;
  private total = 0;
  private readonly capacity: number;

  constructor(readonly options: AdmissionOptions) {
    this.capacity = Math.max(options.capacity ?? 4 * options.budget, options.budget);
  }

  /**
   * Resolves with a release function once the request may run; rejects with
   * AdmissionRefused when the requester's queue is full or the wait exceeds `maxWaitMs`.
   * The release function must be called exactly once; later calls do nothing.
   */
  acquire(requester: string, weight: number): Promise<() => void> {
    const state = this.stateFor(requester);
    const w = Math.max(1, Math.min(weight, this.options.budget));
    const release = this.releaser(requester, state, w);
    if (state.queue.length === 0 && this.fits(state, w)) {
      this.take(state, w);
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
          this.drain();
          this.forgetIfIdle(requester, state);
          reject(
            new AdmissionRefused(
              "WAITED_TOO_LONG",
              `Your request waited ${this.options.maxWaitMs} ms behind your own requests in flight and was not run: send fewer at once.`,
            ),
          );
        }, this.options.maxWaitMs),
      };
      if (state.queue.length === 0) this.ring.push(requester);
      state.queue.push(waiter);
    });
  }

  /** Requests waiting and weight in flight of one requester (for tests and metrics). */
  stateOf(requester: string): { inFlight: number; queued: number } {
    const state = this.requesters.get(requester);
    return { inFlight: state?.inFlight ?? 0, queued: state?.queue.length ?? 0 };
  }

  /** Weight in flight of all requesters together. */
  get inFlight(): number {
    return this.total;
  }

  private stateFor(requester: string): RequesterState {
    let state = this.requesters.get(requester);
    if (!state) {
      state = { inFlight: 0, queue: [], deficit: 0 };
      this.requesters.set(requester, state);
    }
    return state;
  }

  /** The weight one requester may hold while `active` requesters have work. */
  private share(): number {
    return Math.min(this.options.budget, this.capacity / Math.max(1, this.requesters.size));
  }

  private fits(state: RequesterState, weight: number): boolean {
    if (state.inFlight === 0) return true;
    return state.inFlight + weight <= this.share() && this.total + weight <= this.capacity;
  }

  private take(state: RequesterState, weight: number) {
    state.inFlight += weight;
    this.total += weight;
  }

  private releaser(requester: string, state: RequesterState, weight: number) {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      state.inFlight -= weight;
      this.total -= weight;
      this.drain();
      this.forgetIfIdle(requester, state);
    };
  }

  /**
   * Admits waiting requests by DRR: the requester at the cursor gains `budget` of credit and
   * is admitted, head first, while its credit covers its next request and it fits; then the
   * next requester. Stops after a round in which nobody was admitted.
   */
  private drain() {
    let idleVisits = 0;
    while (this.ring.length > 0 && idleVisits < this.ring.length) {
      if (this.cursor >= this.ring.length) this.cursor = 0;
      const requester = this.ring[this.cursor]!;
      const state = this.requesters.get(requester);
      if (!state || state.queue.length === 0) {
        this.ring.splice(this.cursor, 1);
        if (state) state.deficit = 0;
        continue;
      }
      state.deficit += this.options.budget;
      let admitted = false;
      while (state.queue.length > 0) {
        const head = state.queue[0]!;
        if (head.weight > state.deficit || !this.fits(state, head.weight)) break;
        state.queue.shift();
        state.deficit -= head.weight;
        this.take(state, head.weight);
        head.admit();
        admitted = true;
      }
      if (state.queue.length === 0) {
        // Credit is not kept by a requester that stops waiting, or it could burst later.
        state.deficit = 0;
        this.ring.splice(this.cursor, 1);
      } else {
        // Unused credit beyond one budget is not hoarded while it cannot run.
        state.deficit = Math.min(state.deficit, this.options.budget);
        this.cursor++;
      }
      idleVisits = admitted ? 0 : idleVisits + 1;
    }
  }

  private forgetIfIdle(requester: string, state: RequesterState) {
    if (state.inFlight === 0 && state.queue.length === 0) this.requesters.delete(requester);
  }
}
