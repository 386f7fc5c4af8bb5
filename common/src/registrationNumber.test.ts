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

  it("complete ten digits to a valid number, or say none fits when every last digit fails", () => {
    let completed = 0;
    for (let n = 4_000_000_000; n < 4_000_000_050; n++) {
      const tenDigits = String(n);
      const number = completeRegistrationNumber(tenDigits);
      const fitting = [..."0123456789"].filter((d) => registrationNumberProblem(tenDigits + d) === null);
      if (number === null) {
        expect(fitting).toEqual([]);
      } else {
        completed++;
        expect(fitting).toEqual([number.slice(10)]);
      }
    }
    // Eleven remainders, ten digits: about 10 of 11 prefixes complete.
    expect(completed).toBeGreaterThan(40);
  });
});
