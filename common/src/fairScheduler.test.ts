import { describe, expect, it } from "vitest";
import { SliceScheduler } from "./fairScheduler";

/** Runs `slices` slices of `cost` for `requester`, each noting its name when granted. */
async function work(
  scheduler: SliceScheduler,
  requester: string,
  slices: number,
  cost: number,
  order: string[],
) {
  for (let i = 0; i < slices; i++) {
    await scheduler.turn(requester, cost);
    order.push(requester);
  }
}

describe("the slice scheduler", () => {
  it("alternates two requesters with slices of equal cost, whoever asked first", async () => {
    const scheduler = new SliceScheduler(1_000);
    const order: string[] = [];
    await Promise.all([work(scheduler, "flood", 4, 1_000, order), work(scheduler, "other", 2, 1_000, order)]);
    expect(order).toEqual(["flood", "other", "flood", "other", "flood", "flood"]);
  });

  it("shares turns by cost: small slices run several to a large one's one", async () => {
    const scheduler = new SliceScheduler(1_000);
    const order: string[] = [];
    await Promise.all([work(scheduler, "large", 3, 1_000, order), work(scheduler, "small", 8, 250, order)]);
    // Per round: one large slice (1 000), four small ones (4 × 250).
    expect(order.slice(0, 5)).toEqual(["large", "small", "small", "small", "small"]);
    expect(order.filter((name) => name === "small")).toHaveLength(8);
  });

  it("grants one slice per turn of the event loop, so other callbacks run between slices", async () => {
    const scheduler = new SliceScheduler();
    const events: string[] = [];
    const flood = (async () => {
      for (let i = 0; i < 3; i++) {
        await scheduler.turn("flood", 1_000);
        events.push(`slice ${i}`);
        // Another request's callback becomes due while the slice works (3 ms of it).
        setTimeout(() => events.push(`other after slice ${i}`), 0);
        const until = performance.now() + 3;
        while (performance.now() < until) {}
      }
    })();
    await flood;
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(events).toEqual([
      "slice 0",
      "other after slice 0",
      "slice 1",
      "other after slice 1",
      "slice 2",
      "other after slice 2",
    ]);
    expect(scheduler.grants).toBe(3);
  });

  it("a slice costing more than the quantum waits for the rounds its cost needs", async () => {
    const scheduler = new SliceScheduler(100);
    const order: string[] = [];
    await Promise.all([work(scheduler, "heavy", 1, 300, order), work(scheduler, "light", 3, 100, order)]);
    expect(order).toEqual(["light", "light", "heavy", "light"]);
    expect(scheduler.waiting()).toEqual({});
  });
});
