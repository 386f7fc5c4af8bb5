import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkDigit, checkPersonCode, completePersonCode, formatPersonCode } from "./personCode";

describe("checkPersonCode", () => {
  it("accepts the old-format example from DOMAIN.md with and without the hyphen", () => {
    for (const input of ["161175-19997", "16117519997"]) {
      expect(checkPersonCode(input)).toEqual({
        valid: true,
        code: "16117519997",
        format: "OLD",
        birthDate: "1975-11-16",
      });
    }
  });

  it("accepts the new-format example and reports no birth date", () => {
    expect(checkPersonCode("328673-00679")).toEqual({
      valid: true,
      code: "32867300679",
      format: "NEW",
      birthDate: null,
    });
  });

  it("computes the check digit of the example as the rule says (sum 291 → 7)", () => {
    expect(checkDigit("1611751999")).toBe(7);
  });

  it.each([
    ["1611751999", "has 10 digits, a personal code has 11"],
    ["161175199970", "has 12 digits, a personal code has 11"],
    ["16117A-19997", "may contain only digits"],
    ["1611-7519997", "one hyphen after the sixth"],
    ["161375-19997", "month 13, which does not exist"],
    ["300275-19997", "day 30, but month 2 of 1975 has 28 days"],
    ["161175-39997", "the 7th digit (century) is 3"],
    ["161175-19996", "check digit 6 does not match"],
    ["328673-00678", "check digit 8 does not match"],
    ["010199-29990", "is in the future"],
  ])("refuses %s and says why (%s)", (input, reason) => {
    const check = checkPersonCode(input);
    expect(check.valid).toBe(false);
    expect(!check.valid && check.reason).toContain(reason);
  });

  it("formats an 11-digit code with the hyphen", () => {
    expect(formatPersonCode("16117519997")).toBe("161175-19997");
  });
});

const pad = (value: number, width: number) => String(value).padStart(width, "0");

const oldFormatTenDigits = fc
  .record({
    date: fc.date({
      min: new Date("1850-01-01T00:00:00Z"),
      max: new Date("2017-06-30T00:00:00Z"),
      noInvalidDate: true,
    }),
    serial: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ date, serial }) => {
    const year = date.getUTCFullYear();
    return `${pad(date.getUTCDate(), 2)}${pad(date.getUTCMonth() + 1, 2)}${pad(year % 100, 2)}${Math.floor(year / 100) - 18}${pad(serial, 3)}`;
  });
const newFormatTenDigits = fc.integer({ min: 0, max: 99_999_999 }).map((n) => `32${pad(n, 8)}`);

describe("generated personal codes", () => {
  it("every code completed by completePersonCode validates", () => {
    fc.assert(
      fc.property(fc.oneof(oldFormatTenDigits, newFormatTenDigits), (ten) => {
        const code = completePersonCode(ten);
        fc.pre(code !== null);
        expect(checkPersonCode(code!)).toMatchObject({ valid: true, code });
      }),
      { numRuns: 2_000 },
    );
  });

  it("changing any one digit of a generated code makes it fail the check digit or the date", () => {
    fc.assert(
      fc.property(fc.oneof(oldFormatTenDigits, newFormatTenDigits), (ten) => {
        const code = completePersonCode(ten);
        fc.pre(code !== null);
        for (let position = 0; position < 11; position++) {
          for (let digit = 0; digit <= 9; digit++) {
            if (String(digit) === code![position]) continue;
            const mistyped = `${code!.slice(0, position)}${digit}${code!.slice(position + 1)}`;
            const check = checkPersonCode(mistyped);
            expect(check.valid, `${code} → ${mistyped}`).toBe(false);
            expect(!check.valid && check.reason).toMatch(/check digit|birth date|century|month|day/);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("skips the serials whose check remainder folds 10 onto 0", () => {
    // 0101001000 has remainder 10 (check digit would be 0), so it is not issued.
    const ten = Array.from({ length: 1000 }, (_, serial) => `010190${1}${pad(serial, 3)}`);
    const skipped = ten.filter((t) => completePersonCode(t) === null);
    expect(skipped.length).toBeGreaterThan(0);
    for (const t of skipped) expect(checkDigit(t)).toBe(0);
  });
});
