import { describe, expect, it } from "vitest";
import { parseShared } from "./documentCache";

describe("shared parsed documents", () => {
  it("should give subscriptions that send the same text one parsed document", () => {
    const query = "subscription { setChanges(setId: 1) { eventNo } }";
    expect(parseShared(query)).toBe(parseShared(query));
    expect(parseShared(query)).not.toBe(parseShared("subscription { setChanges(setId: 2) { eventNo } }"));
  });

  it("should throw the syntax error parse throws", () => {
    expect(() => parseShared("subscription {")).toThrow(/Syntax Error/);
  });
});
