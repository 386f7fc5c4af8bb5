/**
 * Time-slicing of large batches, fair by requester. Node runs one piece of JavaScript at a
 * time: a request that completes 30 000 persons in one go holds every other request of the
 * process for as long, whoever sent them. Code that works through a large batch instead asks
 * for a turn before each slice (`await scheduler.turn(requester, cost)`), and the scheduler
 * grants one slice per turn of the event loop: between two slices the process reads its
 * sockets, so another requester's small request is served after at most one slice, not after
 * the whole batch. Among requesters that wait for turns, slices are granted by deficit round
 * robin (DRR) of their cost: each requester in turn gains `quantum` and runs slices while its
 * credit covers them, so a requester with many slices cannot take the turns of one with few,
 * and a requester's share of the turns follows cost, not the number of its slices.
 *
 * Work that does not ask for turns (a small request) is not slowed; it runs as it comes.
 */
export class SliceScheduler {
  private readonly requesters = new Map<string, RequesterSlices>();
  /** Requesters with slices waiting, in round-robin order. */
  private readonly ring: string[] = [];
  private cursor = 0;
  private scheduled = false;
  private granted = 0;

  /**
   * @param quantum credit a requester gains per round (default 1 000: one `persons` batch);
   * a slice costing more is granted after as many rounds as its cost needs.
   */
  constructor(readonly quantum = 1_000) {}

  /**
   * Resolves when `requester` may run its next slice, costing `cost` (e.g. persons in it):
   * never in the same turn of the event loop as the slice granted before it.
   */
  turn(requester: string, cost = 1): Promise<void> {
    return new Promise((resolve) => {
      let state = this.requesters.get(requester);
      if (!state) {
        state = { deficit: 0, visited: false, waiting: [] };
        this.requesters.set(requester, state);
        this.ring.push(requester);
      }
      state.waiting.push({ cost: Math.max(1, Math.min(cost, 64 * this.quantum)), resolve });
      this.schedule();
    });
  }

  /** Slices waiting for a turn, by requester (for tests and metrics). */
  waiting(): Record<string, number> {
    return Object.fromEntries(
      [...this.requesters]
        .filter(([, state]) => state.waiting.length > 0)
        .map(([requester, state]) => [requester, state.waiting.length]),
    );
  }

  /** Slices granted so far. */
  get grants(): number {
    return this.granted;
  }

  private schedule() {
    if (this.scheduled || this.ring.length === 0) return;
    this.scheduled = true;
    // An immediate queued from the check phase runs in the next loop turn, after its poll
    // phase: the sockets are read between any two slices.
    setImmediate(() => {
      this.scheduled = false;
      this.grantOne();
      this.schedule();
    });
  }

  private grantOne() {
    while (this.ring.length > 0) {
      if (this.cursor >= this.ring.length) this.cursor = 0;
      const requester = this.ring[this.cursor]!;
      const state = this.requesters.get(requester)!;
      const head = state.waiting[0];
      if (!head) {
        // Nothing asked since its last slice: it leaves the round, and its credit with it (DRR).
        this.requesters.delete(requester);
        this.ring.splice(this.cursor, 1);
        continue;
      }
      if (!state.visited) {
        state.visited = true;
        state.deficit += this.quantum;
      }
      if (state.deficit < head.cost) {
        // Its credit is spent for this round: the next requester's turn.
        state.visited = false;
        this.cursor++;
        continue;
      }
      state.deficit -= head.cost;
      // It stays in the round with its credit: batch code asks for its next slice as soon as
      // this one ends, and is found waiting again by the next turn.
      state.waiting.shift();
      this.granted++;
      head.resolve();
      return;
    }
  }
}

interface RequesterSlices {
  deficit: number;
  /** Whether it has had its quantum for the current visit of the round. */
  visited: boolean;
  waiting: { cost: number; resolve: () => void }[];
}
