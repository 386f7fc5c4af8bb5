import { checkPersonCode, completePersonCode, genderedSurname } from "@rnp/common";
import { describe, expect, it } from "vitest";
import { BirthDateShifter } from "./birthDates";
import { DocumentNumberMapper } from "./documents";
import { deriveKeys } from "./keys";
import { NameMapper } from "./names";
import { PersonCodeMapper } from "./personCodes";

const keys = deriveKeys(Buffer.from("unit test key, thirty-two bytes or more"));
const otherKeys = deriveKeys(Buffer.from("another unit test key, thirty-two bytes"));
const AS_OF = "2026-12-02";

describe("BirthDateShifter", () => {
  it("moves every day of a month to another day of that month, one to one", () => {
    const shifter = new BirthDateShifter(keys.hmac, AS_OF);
    for (const [year, month, days] of [
      [1975, 11, 30],
      [2000, 2, 29],
      [1999, 2, 28],
    ] as const) {
      const images = new Set<string>();
      for (let day = 1; day <= days; day++) {
        const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        const shifted = shifter.shift(iso);
        expect(shifted).not.toBe(iso);
        expect(shifted.slice(0, 7)).toBe(iso.slice(0, 7));
        images.add(shifted);
      }
      expect(images.size).toBe(days);
    }
  });

  it("never moves a birth in the month of the as-of day past that day", () => {
    const shifter = new BirthDateShifter(keys.hmac, "2026-11-10");
    for (let day = 1; day <= 10; day++) {
      expect(shifter.shift(`2026-11-${String(day).padStart(2, "0")}`) <= "2026-11-10").toBe(true);
    }
  });
});

describe("PersonCodeMapper", () => {
  const mapper = new PersonCodeMapper(keys.ff1, new BirthDateShifter(keys.hmac, AS_OF));

  it("maps all 1 000 serials of one birth date to 1 000 valid codes of the shifted date", () => {
    const shifted = new BirthDateShifter(keys.hmac, AS_OF).shift("1975-11-16");
    const images = new Set<string>();
    for (let serial = 0; serial < 1000; serial++) {
      const ten = `1611751${String(serial).padStart(3, "0")}`;
      const code = `${ten}${(completePersonCode(ten) ?? `${ten}0`).slice(10)}`;
      const check = checkPersonCode(mapper.map(code));
      expect(check).toMatchObject({ valid: true, format: "OLD", birthDate: shifted });
      if (check.valid) images.add(check.code);
    }
    expect(images.size).toBe(1000);
  });

  it("maps issuable new-format codes to distinct issuable new-format codes", () => {
    const images = new Set<string>();
    let inputs = 0;
    for (let k = 0; k < 3000; k++) {
      const code = completePersonCode(`32${String(k * 7919).padStart(8, "0")}`);
      if (!code) continue;
      inputs++;
      const mapped = mapper.map(code);
      expect(mapped.startsWith("32")).toBe(true);
      expect(completePersonCode(mapped.slice(0, 10))).toBe(mapped);
      expect(mapped).not.toBe(code);
      images.add(mapped);
    }
    expect(images.size).toBe(inputs);
  });

  it("depends on the key", () => {
    const other = new PersonCodeMapper(otherKeys.ff1, new BirthDateShifter(otherKeys.hmac, AS_OF));
    expect(other.map("16117519997")).not.toBe(mapper.map("16117519997"));
    expect(new PersonCodeMapper(keys.ff1, new BirthDateShifter(keys.hmac, AS_OF)).map("16117519997")).toBe(
      mapper.map("16117519997"),
    );
  });
});

describe("NameMapper", () => {
  const names = new NameMapper(keys.hmac);

  it("gives a family one new surname in each member's gendered form, never the old one", () => {
    for (const male of ["Bērziņš", "Ozols", "Dzenis", "Kalējs", "Liepa", "Jansons"]) {
      const husband = names.surname("MALE", male);
      const wife = names.surname("FEMALE", genderedSurname(male, "FEMALE"));
      expect(husband).not.toBe(male);
      expect(wife).toBe(genderedSurname(husband, "FEMALE"));
    }
    const double = names.surname("FEMALE", "Bērziņa-Ozola");
    expect(double).toBe(`${names.surname("FEMALE", "Bērziņa")}-${names.surname("FEMALE", "Ozola")}`);
  });

  it("chooses given names per person, of the person's sex, never their own", () => {
    const chosen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const name = names.givenName(`code${i}`, "MALE", "Jānis");
      expect(name).not.toBe("Jānis");
      chosen.add(name);
    }
    expect(chosen.size).toBeGreaterThan(30);
    expect(names.givenName("code1", "FEMALE", "Anna")).not.toBe(names.givenName("code1", "MALE", "Anna"));
  });
});

describe("DocumentNumberMapper", () => {
  it("keeps series and shape and gives distinct numbers", () => {
    const documents = new DocumentNumberMapper(keys.ff1);
    const images = new Set<string>();
    for (let k = 0; k < 2000; k++) {
      const number = `PA${String(k * 4999).padStart(7, "0")}`;
      const mapped = documents.map(number);
      expect(mapped).toMatch(/^PA\d{7}$/);
      expect(mapped).not.toBe(number);
      images.add(mapped);
    }
    expect(images.size).toBe(2000);
  });
});
