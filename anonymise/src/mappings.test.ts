import { checkPersonCode, completePersonCode, genderedSurname } from "@rnp/common";
import { describe, expect, it } from "vitest";
import { dayFromIso } from "./days";
import { DocumentNumberMapper } from "./documents";
import { deriveKeys } from "./keys";
import { NameMapper } from "./names";
import { PersonCodeAssigner } from "./personCodes";

const keys = deriveKeys(Buffer.from("unit test key, thirty-two bytes or more"));
const otherKeys = deriveKeys(Buffer.from("another unit test key, thirty-two bytes"));

describe("PersonCodeAssigner", () => {
  const day = dayFromIso("1975-11-16");

  it("issues all 1 000 serials of one new birth day once each, as valid codes of that day, then refuses", () => {
    const assigner = new PersonCodeAssigner(keys.ff1);
    const images = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      // Persons from many source days may land on one new day: the same source serial twice.
      const check = checkPersonCode(assigner.oldFormat(day, String(i % 10).padStart(3, "0")));
      expect(check).toMatchObject({ valid: true, format: "OLD", birthDate: "1975-11-16" });
      if (check.valid) images.add(check.code);
    }
    expect(images.size).toBe(1000);
    expect(() => assigner.oldFormat(day, "123")).toThrow(
      /all 1 000 old-format serials of 1975-11-16 are taken/,
    );
  });

  it("issues distinct issuable new-format codes, never the source's own", () => {
    const assigner = new PersonCodeAssigner(keys.ff1);
    const images = new Set<string>();
    for (let k = 0; k < 3000; k++) {
      const source = completePersonCode(`32${String(k * 7919).padStart(8, "0")}`);
      const digits = (source ?? `32${String(k).padStart(8, "0")}0`).slice(2, 10);
      const mapped = assigner.newFormat(digits);
      expect(completePersonCode(mapped.slice(0, 10))).toBe(mapped);
      expect(mapped.slice(2, 10)).not.toBe(digits);
      images.add(mapped);
    }
    expect(images.size).toBe(3000);
  });

  it("depends on the key and on nothing else", () => {
    const again = () => new PersonCodeAssigner(keys.ff1).oldFormat(day, "999");
    expect(again()).toBe(again());
    expect(new PersonCodeAssigner(otherKeys.ff1).oldFormat(day, "999")).not.toBe(again());
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
