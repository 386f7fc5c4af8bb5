import { faker as fakerLV } from "@faker-js/faker/locale/lv";
import { genderedSurname } from "@rnp/common";
import { describe, expect, it } from "vitest";
import { LATVIAN_SURNAMES, RUSSIAN_SURNAMES } from "./surnames";

describe("the generator's surnames", () => {
  it("agrees with faker's Latvian female surname list for its male surnames", () => {
    const names = fakerLV.rawDefinitions.person?.last_name;
    const male = names?.male ?? [];
    const female = new Set(names?.female ?? []);
    expect(male.length).toBeGreaterThan(100);
    // Faker pairs a few names differently from common usage (Caune → Cauna, Grūbe → Grūba,
    // Beļavskis → Beļavske); everything else must match.
    const disagreements = male.filter((name) => !female.has(genderedSurname(name, "FEMALE")));
    expect(disagreements.sort()).toEqual(["Beļavskis", "Caune", "Grūbe"]);
  });

  it("gives every generator surname a female form that still reads as a surname", () => {
    for (const surname of [...LATVIAN_SURNAMES, ...RUSSIAN_SURNAMES]) {
      const female = genderedSurname(surname, "FEMALE");
      expect(female.length).toBeGreaterThan(2);
      expect(female).toMatch(/[aeiouāēīū]$|o$/);
    }
  });
});
