import { parseValue } from "graphql";
import { describe, expect, it } from "vitest";
import { DateScalar, DateTimeScalar, ScalarValueError } from "./scalars";

describe("the Date scalar", () => {
  it("takes calendar days from 0001-01-01 to 9999-12-31, leap days included", () => {
    for (const day of ["0001-01-01", "1990-06-15", "2024-02-29", "2000-02-29", "9999-12-31"]) {
      expect(DateScalar.parseValue(day)).toBe(day);
    }
  });

  it("refuses year 0, days the month does not have and other forms, with a ScalarValueError", () => {
    for (const value of [
      "0000-01-01",
      "2026-02-30",
      "1900-02-29",
      "1990-13-01",
      "1990-1-01",
      "99999-01-01",
      19900101,
    ]) {
      expect(() => DateScalar.parseValue(value)).toThrow(ScalarValueError);
    }
    expect(() => DateScalar.parseLiteral(parseValue('"0000-01-01"'))).toThrow(
      /from 0001-01-01 to 9999-12-31/,
    );
  });

  it("quotes at most 40 characters of what it refused", () => {
    expect(() => DateScalar.parseValue("9".repeat(100_000))).toThrow(/got "9{40}…"$/);
  });
});

describe("the DateTime scalar", () => {
  it("takes ISO 8601 times and answers them in UTC", () => {
    expect(DateTimeScalar.parseValue("2026-11-23T12:15:00+02:00")).toBe("2026-11-23T10:15:00.000Z");
  });

  it("refuses years PostgreSQL cannot hold", () => {
    expect(() => DateTimeScalar.parseValue("0000-01-01T00:00:00Z")).toThrow(ScalarValueError);
    expect(() => DateTimeScalar.parseValue("+275760-09-13T00:00:00Z")).toThrow(ScalarValueError);
  });
});
