import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ageOn,
  type ConditionSubject,
  conditionProblem,
  type GrantCondition,
  satisfiesConditions,
} from "./conditions";

const subject: ConditionSubject = {
  birthDate: "1990-05-17",
  age: 36,
  sex: "FEMALE",
  citizenshipStatus: "CITIZEN",
  citizenship: "LVA",
  deceased: false,
  municipalityCode: "100003003",
};

const holds = (...conditions: GrantCondition[]) => satisfiesConditions(subject, conditions);

describe("grant conditions", () => {
  it("compare each kind of value with each of its operators", () => {
    expect(holds({ field: "age", operator: "GREATER_THAN", value: 35 })).toBe(true);
    expect(holds({ field: "age", operator: "GREATER_THAN", value: 36 })).toBe(false);
    expect(holds({ field: "age", operator: "LESS_THAN", value: 37 })).toBe(true);
    expect(holds({ field: "age", operator: "LESS_THAN", value: 36 })).toBe(false);
    expect(holds({ field: "birthDate", operator: "BEFORE", value: "1990-05-18" })).toBe(true);
    expect(holds({ field: "birthDate", operator: "BEFORE", value: "1990-05-17" })).toBe(false);
    expect(holds({ field: "birthDate", operator: "AFTER", value: "1990-05-16" })).toBe(true);
    expect(holds({ field: "birthDate", operator: "AFTER", value: "1990-05-17" })).toBe(false);
    expect(holds({ field: "sex", operator: "EQUALS", value: "FEMALE" })).toBe(true);
    expect(holds({ field: "sex", operator: "NOT_EQUALS", value: "FEMALE" })).toBe(false);
    expect(holds({ field: "citizenshipStatus", operator: "ONE_OF", value: ["NON_CITIZEN", "CITIZEN"] })).toBe(
      true,
    );
    expect(holds({ field: "citizenshipStatus", operator: "ONE_OF", value: ["NON_CITIZEN"] })).toBe(false);
    expect(holds({ field: "deceased", operator: "EQUALS", value: false })).toBe(true);
    expect(holds({ field: "deceased", operator: "EQUALS", value: true })).toBe(false);
  });

  it("combine with AND, and hold vacuously when there are none", () => {
    expect(holds()).toBe(true);
    expect(
      holds(
        { field: "sex", operator: "EQUALS", value: "FEMALE" },
        { field: "age", operator: "GREATER_THAN", value: 17 },
      ),
    ).toBe(true);
    expect(
      holds(
        { field: "sex", operator: "EQUALS", value: "FEMALE" },
        { field: "age", operator: "GREATER_THAN", value: 40 },
      ),
    ).toBe(false);
  });

  it("treat an unknown value as failing every test but NOT_EQUALS", () => {
    const unknown = { ...subject, municipalityCode: null };
    expect(
      satisfiesConditions(unknown, [{ field: "municipalityCode", operator: "EQUALS", value: "100003003" }]),
    ).toBe(false);
    expect(
      satisfiesConditions(unknown, [{ field: "municipalityCode", operator: "ONE_OF", value: ["100003003"] }]),
    ).toBe(false);
    expect(
      satisfiesConditions(unknown, [
        { field: "municipalityCode", operator: "NOT_EQUALS", value: "100003003" },
      ]),
    ).toBe(true);
  });

  it("say what is wrong with a malformed condition", () => {
    expect(conditionProblem({ field: "shoeSize" as never, operator: "EQUALS", value: 1 })).toMatch(/unknown/);
    expect(conditionProblem({ field: "sex", operator: "GREATER_THAN", value: "MALE" })).toMatch(
      /does not apply to sex/,
    );
    expect(conditionProblem({ field: "birthDate", operator: "BEFORE", value: "17.05.1990" })).toMatch(
      /YYYY-MM-DD/,
    );
    expect(conditionProblem({ field: "age", operator: "ONE_OF", value: [] })).toMatch(/non-empty list/);
    expect(conditionProblem({ field: "age", operator: "GREATER_THAN", value: 17 })).toBeNull();
  });

  it("count age in whole years, a birthday counting from its own day (property)", () => {
    const day = fc
      .date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (birth, on) => {
        fc.pre(birth <= on);
        const age = ageOn(birth, on);
        // Independent reference: the latest anniversary on or before `on`.
        const anniversary = (years: number) =>
          `${String(Number(birth.slice(0, 4)) + years).padStart(4, "0")}${birth.slice(4)}`;
        expect(anniversary(age) <= on).toBe(true);
        expect(anniversary(age + 1) > on).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});
