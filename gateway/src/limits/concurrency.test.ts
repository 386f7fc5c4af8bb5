import { describe, expect, it } from "vitest";
import { Admission, AdmissionRefused } from "./concurrency";

const options = { budget: 10, maxQueued: 2, maxWaitMs: 1_000 };

describe("admission by cost in flight, fair by requester", () => {
  it("runs requests within the budget at once and queues the rest in order", async () => {
    const admission = new Admission(options);
    const first = await admission.acquire("a", 6);
    const order: string[] = [];
    const second = admission.acquire("a", 6).then((release) => {
      order.push("second");
      return release;
    });
    const third = admission.acquire("a", 1).then((release) => {
      order.push("third");
      return release;
    });
    expect(admission.stateOf("a")).toEqual({ inFlight: 6, queued: 2 });
    first();
    (await second)();
    (await third)();
    // The light request waited behind the heavy one queued before it.
    expect(order).toEqual(["second", "third"]);
    expect(admission.stateOf("a")).toEqual({ inFlight: 0, queued: 0 });
  });

  it("does not make one requester wait for another's flood", async () => {
    const admission = new Admission(options);
    await admission.acquire("flooder", 10);
    const waiting = admission.acquire("flooder", 10);
    const release = await admission.acquire("other", 1);
    expect(admission.stateOf("other")).toEqual({ inFlight: 1, queued: 0 });
    expect(admission.stateOf("flooder")).toEqual({ inFlight: 10, queued: 1 });
    release();
    waiting.catch(() => {});
  });

  it("refuses when the requester's queue is full, and releasing twice frees once", async () => {
    const admission = new Admission(options);
    const release = await admission.acquire("a", 10);
    const queued = [admission.acquire("a", 5), admission.acquire("a", 5)];
    await expect(admission.acquire("a", 1)).rejects.toMatchObject({ reason: "QUEUE_FULL" });
    release();
    release();
    const [x, y] = await Promise.all(queued);
    expect(admission.stateOf("a")).toEqual({ inFlight: 10, queued: 0 });
    x!();
    y!();
    expect(admission.stateOf("a")).toEqual({ inFlight: 0, queued: 0 });
  });

  it("refuses a request that waited longer than allowed and admits the next one that fits", async () => {
    const admission = new Admission({ ...options, maxWaitMs: 50 });
    const release = await admission.acquire("a", 8);
    const heavy = admission.acquire("a", 5);
    const light = admission.acquire("a", 2);
    await expect(heavy).rejects.toBeInstanceOf(AdmissionRefused);
    // The heavy request at the head no longer blocks the light one behind it.
    const lightRelease = await light;
    expect(admission.stateOf("a")).toEqual({ inFlight: 10, queued: 0 });
    lightRelease();
    release();
  });

  it("caps a request heavier than the budget so it runs alone instead of never", async () => {
    const admission = new Admission(options);
    const release = await admission.acquire("a", 5_000);
    expect(admission.stateOf("a")).toEqual({ inFlight: 10, queued: 0 });
    release();
  });

  it("admits a requester's first request at once, whatever others hold", async () => {
    const admission = new Admission({ ...options, capacity: 20 });
    const held = [await admission.acquire("flood-1", 10), await admission.acquire("flood-2", 10)];
    expect(admission.inFlight).toBe(20);
    // The capacity is used up, but "other" has nothing in flight: its one request runs now.
    const release = await admission.acquire("other", 3);
    expect(admission.stateOf("other")).toEqual({ inFlight: 3, queued: 0 });
    release();
    for (const done of held) done();
  });

  it("holds each requester to its share of the capacity while others have work", async () => {
    const admission = new Admission({ ...options, capacity: 20 });
    const first = await admission.acquire("a", 5);
    const second = await admission.acquire("a", 5); // alone: the whole budget
    const other = await admission.acquire("b", 5);
    const third = admission.acquire("a", 5); // two requesters now: a's share is 10, held already
    expect(admission.stateOf("a")).toEqual({ inFlight: 10, queued: 1 });
    other();
    // b is gone: a's share is the budget again, but a request waits until weight is released.
    first();
    (await third)();
    second();
    expect(admission.inFlight).toBe(0);
  });

  it("admits waiting requesters in turn (deficit round robin), not one requester's queue first", async () => {
    const admission = new Admission({ budget: 10, capacity: 10, maxQueued: 5, maxWaitMs: 1_000 });
    const order: string[] = [];
    const running: (() => void)[] = [];
    const queue = (requester: string, label: string) =>
      admission.acquire(requester, 10).then((release) => {
        order.push(label);
        running.push(release);
      });
    running.push(await admission.acquire("a", 10));
    const waiting = [queue("a", "a1"), queue("a", "a2"), queue("a", "a3")];
    running.push(await admission.acquire("b", 10));
    waiting.push(queue("b", "b1"), queue("b", "b2"));
    // Each step ends the oldest request running; the next admitted alternates by requester.
    while (order.length < 5) {
      running.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(waiting);
    expect(order).toEqual(["a1", "b1", "a2", "b2", "a3"]);
    for (const release of running) release();
    expect(admission.inFlight).toBe(0);
  });
});
