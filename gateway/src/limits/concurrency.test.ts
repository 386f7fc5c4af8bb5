import { describe, expect, it } from "vitest";
import { Admission, AdmissionRefused } from "./concurrency";

const options = { budget: 10, maxQueued: 2, maxWaitMs: 1_000 };

describe("per-requester admission", () => {
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
});
