import { describe, expect, it } from "vitest";
import { SETS_PREFIX, wakeUpPayloads } from "./notifier";

describe("wake-up payloads", () => {
  it("should name each set once, in payloads PostgreSQL accepts (under 8 000 bytes)", () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => 1_000_000 + i);
    const payloads = wakeUpPayloads(ids);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) {
      expect(payload.startsWith(SETS_PREFIX)).toBe(true);
      expect(Buffer.byteLength(payload)).toBeLessThan(8_000);
    }
    const named = payloads.flatMap((p) => p.slice(SETS_PREFIX.length).split(",").map(Number));
    expect(named).toEqual(ids);
  });

  it("should send nothing when no set got a notification", () => {
    expect(wakeUpPayloads([])).toEqual([]);
  });
});
