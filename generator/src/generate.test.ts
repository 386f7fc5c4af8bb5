import { checkPersonCode, genderedSurname } from "@rnp/common";
import { describe, expect, it } from "vitest";
import { REGISTER_DATE } from "./dates";
import { generateRegister, generateRegisterChunks } from "./generate";
import type { PersonRow, RegisterChunk } from "./rows";

const register = generateRegister({ persons: 6_000, seed: 11 });
const personByCode = new Map(register.persons.map((person) => [person.personCode, person]));

function person(code: string): PersonRow {
  const found = personByCode.get(code);
  if (!found) throw new Error(`no person ${code}`);
  return found;
}

function share(rows: readonly PersonRow[], test: (row: PersonRow) => boolean): number {
  return rows.filter(test).length / rows.length;
}

describe("determinism", () => {
  it("gives the same register for the same seed and size", () => {
    expect(generateRegister({ persons: 1_500, seed: 5 })).toEqual(
      generateRegister({ persons: 1_500, seed: 5 }),
    );
  });

  it("gives a different register for another seed", () => {
    const a = generateRegister({ persons: 500, seed: 1 });
    const b = generateRegister({ persons: 500, seed: 2 });
    expect(a.persons.map((p) => p.personCode)).not.toEqual(b.persons.map((p) => p.personCode));
  });

  it("does not depend on where the stream is cut into chunks", () => {
    const merged: RegisterChunk[] = [...generateRegisterChunks({ persons: 1_500, seed: 5, chunkSize: 97 })];
    expect(merged.length).toBeGreaterThan(5);
    const whole = generateRegister({ persons: 1_500, seed: 5 });
    expect(merged.flatMap((chunk) => chunk.persons)).toEqual(whole.persons);
    expect(merged.flatMap((chunk) => chunk.addresses)).toEqual(whole.addresses);
    expect(merged.flatMap((chunk) => chunk.identityDocuments)).toEqual(whole.identityDocuments);
  });

  it("generates exactly the number of persons asked for", () => {
    for (const persons of [0, 1, 2, 37, 1_000]) {
      expect(generateRegister({ persons, seed: 3 }).persons).toHaveLength(persons);
    }
  });
});

describe("personal codes", () => {
  it("are valid, unique and stored without hyphen", () => {
    const codes = register.persons.map((p) => p.personCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(/^\d{11}$/);
      expect(checkPersonCode(code)).toMatchObject({ valid: true });
    }
  });

  it("encode the birth date in the old format", () => {
    for (const p of register.persons.filter((row) => !row.personCode.startsWith("32"))) {
      expect(checkPersonCode(p.personCode)).toMatchObject({ format: "OLD", birthDate: p.birthDate });
    }
  });

  it("use the new format for about a tenth, including everyone born since 1 July 2017", () => {
    const newFormat = share(register.persons, (p) => p.personCode.startsWith("32"));
    expect(newFormat).toBeGreaterThan(0.07);
    expect(newFormat).toBeLessThan(0.14);
    for (const p of register.persons.filter((row) => row.birthDate >= "2017-07-01")) {
      expect(p.personCode.startsWith("32")).toBe(true);
    }
    const switched = register.persons.filter((p) => p.formerPersonCodes.length > 0);
    expect(switched.length).toBeGreaterThan(0);
    for (const p of switched) {
      expect(p.personCode.startsWith("32")).toBe(true);
      expect(checkPersonCode(p.formerPersonCodes[0] ?? "")).toMatchObject({
        valid: true,
        birthDate: p.birthDate,
      });
      expect(personByCode.has(p.formerPersonCodes[0] ?? "")).toBe(false);
    }
  });
});

describe("population", () => {
  it("has births from 1925 to the register date and about 8% deaths", () => {
    for (const p of register.persons) {
      expect(p.birthDate >= "1925-01-01" && p.birthDate <= REGISTER_DATE).toBe(true);
      if (p.deathDate) expect(p.deathDate >= p.birthDate && p.deathDate <= REGISTER_DATE).toBe(true);
      expect(p.deathPlace === null).toBe(p.deathDate === null);
    }
    const dead = share(register.persons, (p) => p.deathDate !== null);
    expect(dead).toBeGreaterThan(0.05);
    expect(dead).toBeLessThan(0.12);
  });

  it("has about 46% men, Latvia's citizenship mix and gendered nationality words", () => {
    const men = share(register.persons, (p) => p.sex === "MALE");
    expect(men).toBeGreaterThan(0.43);
    expect(men).toBeLessThan(0.49);
    expect(share(register.persons, (p) => p.citizenshipStatus === "CITIZEN")).toBeGreaterThan(0.8);
    expect(share(register.persons, (p) => p.citizenshipStatus === "NON_CITIZEN")).toBeGreaterThan(0.06);
    expect(share(register.persons, (p) => p.citizenshipStatus === "FOREIGNER")).toBeGreaterThan(0.02);
    for (const p of register.persons) {
      if (p.citizenshipStatus === "CITIZEN") expect(p.citizenshipCountry).toBe("LVA");
      if (p.citizenshipStatus === "NON_CITIZEN" || p.citizenshipStatus === "STATELESS") {
        expect(p.citizenshipCountry).toBeNull();
      }
      if (p.citizenshipStatus === "FOREIGNER") expect(p.citizenshipCountry).toMatch(/^[A-Z]{3}$/);
      if (p.nationality === "latvietis") expect(p.sex).toBe("MALE");
      if (p.nationality === "latviete") expect(p.sex).toBe("FEMALE");
    }
    expect(share(register.persons, (p) => p.nationality?.startsWith("latviet") ?? false)).toBeGreaterThan(
      0.5,
    );
  });
});

describe("families", () => {
  it("link parents and children that exist, with the role matching the parent's sex", () => {
    const roles = new Map<string, string[]>();
    for (const link of register.parentChild) {
      const parent = person(link.parentCode);
      const child = person(link.childCode);
      expect(parent.sex).toBe(link.role === "MOTHER" ? "FEMALE" : "MALE");
      expect(
        Number(child.birthDate.slice(0, 4)) - Number(parent.birthDate.slice(0, 4)),
      ).toBeGreaterThanOrEqual(17);
      roles.set(link.childCode, [...(roles.get(link.childCode) ?? []), link.role]);
    }
    for (const childRoles of roles.values()) {
      expect(childRoles.filter((role) => role === "MOTHER").length).toBeLessThanOrEqual(1);
      expect(childRoles.filter((role) => role === "FATHER").length).toBeLessThanOrEqual(1);
    }
    expect([...roles.values()].filter((r) => r.length === 2).length).toBeGreaterThan(1_000);
  });

  it("marry persons of opposite sex who exist, some divorced and some remarried", () => {
    for (const marriage of register.marriages) {
      expect(person(marriage.spouseA).sex).not.toBe(person(marriage.spouseB).sex);
      if (marriage.divorcedOn) expect(marriage.divorcedOn > marriage.marriedOn).toBe(true);
    }
    expect(register.marriages.some((m) => m.divorcedOn !== null)).toBe(true);
    const marriagesPerPerson = new Map<string, number>();
    for (const m of register.marriages) {
      for (const code of [m.spouseA, m.spouseB])
        marriagesPerPerson.set(code, (marriagesPerPerson.get(code) ?? 0) + 1);
    }
    expect([...marriagesPerPerson.values()].some((count) => count > 1)).toBe(true);
  });

  it("give a married woman who took her husband's name her maiden name as surname at birth", () => {
    const nameChanges = new Map<string, string[]>();
    for (const row of register.nameHistory) {
      nameChanges.set(row.personCode, [...(nameChanges.get(row.personCode) ?? []), row.changeReason]);
    }
    const marriedWomen = register.marriages
      .filter((m) => m.divorcedOn === null)
      .map((m) => person(m.spouseB));
    let checked = 0;
    for (const wife of marriedWomen) {
      const changes = nameChanges.get(wife.personCode);
      if (changes?.at(-1) !== "MARRIAGE") continue;
      expect(wife.surnameAtBirth).not.toBe(wife.surname);
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });

  it("change a surname by marriage only where the register holds that person's marriage", () => {
    const married = new Set(register.marriages.flatMap((m) => [m.spouseA, m.spouseB]));
    const byMarriage = new Set(
      register.nameHistory.filter((row) => row.changeReason === "MARRIAGE").map((row) => row.personCode),
    );
    const renamed = register.persons.filter((p) => p.surname !== p.surnameAtBirth);
    expect(renamed.length).toBeGreaterThan(300);
    const unexplained = renamed.filter((p) => !married.has(p.personCode));
    expect(unexplained.map((p) => `${p.personCode} ${p.surnameAtBirth} → ${p.surname}`)).toEqual([]);
    for (const code of byMarriage) expect(married.has(code)).toBe(true);
  });

  it("name children of married parents after the father, in their own gender", () => {
    const fathers = new Map<string, PersonRow>();
    const mothers = new Map<string, PersonRow>();
    for (const link of register.parentChild) {
      (link.role === "FATHER" ? fathers : mothers).set(link.childCode, person(link.parentCode));
    }
    let checked = 0;
    for (const m of register.marriages) {
      for (const [childCode, father] of fathers) {
        const child = person(childCode);
        const bornInMarriage =
          father.personCode === m.spouseA &&
          mothers.get(childCode)?.personCode === m.spouseB &&
          child.birthDate >= m.marriedOn &&
          (m.divorcedOn === null || child.birthDate < m.divorcedOn);
        if (!bornInMarriage) continue;
        expect(child.surnameAtBirth).toBe(genderedSurname(father.surnameAtBirth, child.sex));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it("keep name history in time order ending before today", () => {
    for (const row of register.nameHistory) {
      expect(row.validFrom < row.validTo).toBe(true);
      expect(row.validTo <= REGISTER_DATE).toBe(true);
    }
    const reasons = new Set(register.nameHistory.map((row) => row.changeReason));
    expect(reasons).toEqual(new Set(["MARRIAGE", "DIVORCE", "APPLICATION"]));
  });
});

describe("addresses", () => {
  const addressByCode = new Map(register.addresses.map((a) => [a.addressCode, a]));

  it("have unique 9-digit codes, parents, municipalities and buildings that exist", () => {
    expect(addressByCode.size).toBe(register.addresses.length);
    for (const address of register.addresses) {
      expect(address.addressCode).toMatch(/^\d{9}$/);
      if (address.parentCode) expect(addressByCode.has(address.parentCode)).toBe(true);
      expect(addressByCode.get(address.municipalityCode)?.parentCode).toBeNull();
      if (address.kind === "BUILDING") expect(address.buildingCode).toBe(address.addressCode);
      if (address.kind === "FLAT")
        expect(addressByCode.get(address.buildingCode ?? "")?.kind).toBe("BUILDING");
      if (address.kind === "FLAT" || address.kind === "BUILDING")
        expect(address.postalCode).toMatch(/^LV-\d{4}$/);
    }
    expect(register.addresses.find((a) => a.kind === "FLAT")?.fullAddress).toMatch(
      /^.+ \d+A? - \d+, .+, LV-\d{4}$/,
    );
  });

  it("declare exactly one current address for each living person and none for the dead", () => {
    const rowsByPerson = new Map<string, typeof register.declaredAddresses>();
    for (const row of register.declaredAddresses) {
      expect(addressByCode.has(row.addressCode)).toBe(true);
      rowsByPerson.set(row.personCode, [...(rowsByPerson.get(row.personCode) ?? []), row]);
    }
    for (const p of register.persons) {
      const rows = rowsByPerson.get(p.personCode) ?? [];
      const declared = rows.filter((row) => row.kind === "DECLARED");
      const current = declared.filter((row) => row.declaredTo === null);
      expect(current).toHaveLength(p.deathDate ? 0 : 1);
      expect(declared.length).toBeLessThanOrEqual(4);
      if (p.deathDate) expect(declared.at(-1)?.declaredTo).toBe(p.deathDate);
      for (let i = 1; i < declared.length; i++) {
        const before = declared[i - 1];
        const after = declared[i];
        expect(before?.declaredTo && after && before.declaredTo < after.declaredFrom).toBe(true);
      }
      expect(declared[0] && declared[0].declaredFrom >= p.birthDate).toBe(true);
    }
    const additional = share(register.persons, (p) =>
      (rowsByPerson.get(p.personCode) ?? []).some((row) => row.kind === "ADDITIONAL"),
    );
    expect(additional).toBeGreaterThan(0.015);
    expect(additional).toBeLessThan(0.05);
  });
});

describe("identity documents", () => {
  it("have unique numbers and statuses consistent with dates and deaths", () => {
    const numbers = register.identityDocuments.map((d) => d.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const document of register.identityDocuments) {
      const holder = person(document.personCode);
      expect(document.number).toMatch(document.type === "PASSPORT" ? /^L[VH]\d{7}$/ : /^PA\d{7}$/);
      expect(document.issueDate < document.expiryDate).toBe(true);
      expect(document.issueDate >= holder.birthDate && document.issueDate <= REGISTER_DATE).toBe(true);
      if (document.status === "VALID") {
        expect(document.expiryDate > REGISTER_DATE).toBe(true);
        expect(holder.deathDate).toBeNull();
      }
      if (document.status === "INVALID") expect(document.statusReason).toBeTruthy();
      if (document.status === "EXPIRED") expect(document.expiryDate <= REGISTER_DATE).toBe(true);
      if (document.statusChangedOn) expect(document.statusChangedOn <= REGISTER_DATE).toBe(true);
      if (document.statusReason === "holder died")
        expect(document.statusChangedOn! >= holder.deathDate!).toBe(true);
    }
    const reasons = new Set(register.identityDocuments.map((d) => d.statusReason));
    for (const reason of ["lost", "stolen", "replaced", "holder died"]) expect(reasons).toContain(reason);
  });
});
