import { describe, expect, it } from "vitest";
import { completeRegistrationNumber, registrationNumberProblem } from "./registrationNumber";

describe("registration numbers", () => {
  it("accept the example from DOMAIN.md", () => {
    expect(registrationNumberProblem("40003521600")).toBeNull();
  });

  it.each([
    ["4000352160", "exactly 11 digits"],
    ["30003521600", "starts with a digit above 3"],
    ["40003521601", "check digits do not add up"],
  ])("refuse %s (%s)", (value, problem) => {
    expect(registrationNumberProblem(value)).toContain(problem);
  });

  it("complete ten digits to a valid number", () => {
    for (let n = 4_000_000_000; n < 4_000_000_050; n++) {
      const number = completeRegistrationNumber(String(n));
      if (number) expect(registrationNumberProblem(number)).toBeNull();
    }
  });
});
