import { describe, expect, it } from "vitest";
import { decodeWakeUp, encodeWakeUps } from "./wakeUps";

describe("wake-up payloads", () => {
  it("name every set once, each payload under PostgreSQL's limit, and decode to the same ids", () => {
    const ids = Array.from({ length: 5_000 }, (_, i) => i * 7 + 1);
    const payloads = encodeWakeUps(ids);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8_000);
    expect(payloads.flatMap((payload) => decodeWakeUp(payload) ?? []).map(Number)).toEqual(ids);
    expect(encodeWakeUps([])).toEqual([]);
  });

  it("decodes `012` as set 12, and any other form as null (wake every subscription)", () => {
    expect(decodeWakeUp("sets:012,4")).toEqual(["12", "4"]);
    expect(decodeWakeUp("42")).toBeNull();
    expect(decodeWakeUp("sets:1,x")).toBeNull();
  });
});
