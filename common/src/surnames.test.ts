import { describe, expect, it } from "vitest";
import { genderedSurname, maleSurnameCandidates } from "./surnames";

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
});

describe("maleSurnameCandidates", () => {
  it.each([
    ["Bērziņa", "Bērziņš"],
    ["Dzene", "Dzenis"],
    ["Ratniece", "Ratnieks"],
    ["Jansone", "Jansons"],
    ["Liepa-Dzene", "Liepa-Dzenis"],
    ["Zvaigzne", "Zvaigzne"],
  ])("finds %s's male form %s among the candidates", (female, male) => {
    expect(maleSurnameCandidates(female)).toContain(male);
  });

  it("lists several male forms where the rule cannot tell them apart, most regular first", () => {
    expect(maleSurnameCandidates("Ozola")[0]).toBe("Ozols");
    expect(maleSurnameCandidates("Ozola")).toContain("Ozolš");
    expect(maleSurnameCandidates("Dombrovska")).toContain("Dombrovskis");
  });

  it("gives only forms whose female form is the one asked for", () => {
    for (const female of ["Bērziņa-Ozola", "Kalēja", "Šmite", "Dombrovska", "Butka"]) {
      const candidates = maleSurnameCandidates(female);
      expect(candidates.length).toBeGreaterThan(0);
      for (const male of candidates) expect(genderedSurname(male, "FEMALE")).toBe(female);
    }
  });
});
