import { checkPersonCode } from "@rnp/common";
import { describe, expect, it } from "vitest";
import { dayOf } from "./dates";
import { PersonCodeIssuer } from "./personCodes";
import { Random, WeightedPicker } from "./random";

describe("PersonCodeIssuer", () => {
  it("issues unique valid old-format codes for many people born on one day", () => {
    const issuer = new PersonCodeIssuer(1);
    const birthDay = dayOf(1975, 11, 16);
    const codes = Array.from({ length: 800 }, () => issuer.oldFormat(birthDay));
    expect(new Set(codes).size).toBe(800);
    for (const code of codes) {
      expect(code.startsWith("161175")).toBe(true);
      expect(checkPersonCode(code)).toMatchObject({ valid: true, format: "OLD", birthDate: "1975-11-16" });
    }
  });

  it("refuses a day whose serials are all used", () => {
    const issuer = new PersonCodeIssuer(1);
    const birthDay = dayOf(2001, 2, 3);
    expect(() => {
      for (let i = 0; i < 1_000; i++) issuer.oldFormat(birthDay);
    }).toThrow(/serials for 2001-02-03 are used/);
  });

  it("uses century digit 2 for people born since 2000", () => {
    expect(new PersonCodeIssuer(1).oldFormat(dayOf(2004, 5, 6)).slice(0, 7)).toBe("0605042");
  });

  it("issues unique valid new-format codes of 11 digits starting with 32", () => {
    const issuer = new PersonCodeIssuer(7);
    const codes = Array.from({ length: 5_000 }, () => issuer.newFormat());
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(/^32\d{9}$/);
      expect(checkPersonCode(code)).toMatchObject({ valid: true, format: "NEW" });
    }
  });
});

describe("Random", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    const draw = (seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: 5 }, () => random.uint32());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it("stays within its ranges", () => {
    const random = new Random(3);
    for (let i = 0; i < 10_000; i++) {
      const f = random.float();
      expect(f >= 0 && f < 1).toBe(true);
      const n = random.between(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
  });

  it("picks by weight", () => {
    const random = new Random(4);
    const picker = new WeightedPicker([
      ["rare", 1],
      ["common", 9],
    ] as const);
    const picks = Array.from({ length: 10_000 }, () => picker.pick(random));
    const common = picks.filter((p) => p === "common").length / picks.length;
    expect(common).toBeGreaterThan(0.87);
    expect(common).toBeLessThan(0.93);
  });
});
