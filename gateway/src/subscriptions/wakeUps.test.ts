import { describe, expect, it } from "vitest";
import { setKeyOf, WakeUps } from "./wakeUps";

describe("wake-ups by set", () => {
  it("should wake only the subscriptions of the sets a payload names", () => {
    const wakeUps = new WakeUps();
    const woken: string[] = [];
    wakeUps.subscribe("12", () => woken.push("12a"));
    wakeUps.subscribe("12", () => woken.push("12b"));
    wakeUps.subscribe("40", () => woken.push("40"));
    wakeUps.subscribe("7", () => woken.push("7"));
    wakeUps.deliver("sets:12,41");
    expect(woken.sort()).toEqual(["12a", "12b"]);
  });

  it("should wake every subscription on a payload of another form, as an older notifier sends", () => {
    const wakeUps = new WakeUps();
    const woken: string[] = [];
    wakeUps.subscribe("1", () => woken.push("1"));
    wakeUps.subscribe("2", () => woken.push("2"));
    wakeUps.deliver("12345");
    expect(woken.sort()).toEqual(["1", "2"]);
  });

  it("should not wake a subscription that unsubscribed", () => {
    const wakeUps = new WakeUps();
    const woken: string[] = [];
    const unsubscribe = wakeUps.subscribe("3", () => woken.push("3"));
    unsubscribe();
    wakeUps.deliver("sets:3");
    expect(woken).toEqual([]);
  });

  it("should file a set's id as the notifier writes it", () => {
    expect(setKeyOf("012")).toBe("12");
    expect(setKeyOf(12)).toBe("12");
    expect(setKeyOf("abc")).toBe("abc");
  });
});
