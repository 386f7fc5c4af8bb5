import { faker as fakerLV } from "@faker-js/faker/locale/lv";
import { describe, expect, it } from "vitest";
import { genderedSurname, LATVIAN_SURNAMES, RUSSIAN_SURNAMES } from "./surnames";

describe("genderedSurname", () => {
  it.each([
    ["Bērziņš", "Bērziņa"],
    ["Kalniņš", "Kalniņa"],
    ["Ozols", "Ozola"],
    ["Kalējs", "Kalēja"],
    ["Dzenis", "Dzene"],
    ["Lācis", "Lāce"],
    ["Sproģis", "Sproģe"],
    ["Eglītis", "Eglīte"],
    ["Butkus", "Butka"],
    ["Blaus", "Blaua"],
    ["Ratnieks", "Ratniece"],
    ["Dombrovskis", "Dombrovska"],
    ["Novickis", "Novicka"],
    ["Jansons", "Jansone"],
    ["Pētersons", "Pētersone"],
    ["Meiers", "Meiere"],
    ["Šmits", "Šmite"],
    ["Ivanovs", "Ivanova"],
    ["Kuzņecovs", "Kuzņecova"],
    ["Petrovs", "Petrova"],
  ])("%s → %s for a woman", (male, female) => {
    expect(genderedSurname(male, "FEMALE")).toBe(female);
    expect(genderedSurname(male, "MALE")).toBe(male);
  });

  it.each(["Liepa", "Zvaigzne", "Ābele", "Kovaļenko", "Šapiro", "Kivi"])(
    "keeps %s, whose form is the same for both sexes",
    (surname) => {
      expect(genderedSurname(surname, "FEMALE")).toBe(surname);
    },
  );

  it("changes each part of a double-barrelled surname", () => {
    expect(genderedSurname("Bērziņš-Ozols", "FEMALE")).toBe("Bērziņa-Ozola");
    expect(genderedSurname("Liepa-Dzenis", "FEMALE")).toBe("Liepa-Dzene");
    expect(genderedSurname("Bērziņš-Ozols", "MALE")).toBe("Bērziņš-Ozols");
  });

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
