import { genderedSurname, type Sex } from "@rnp/common";
import { dayOf, REGISTER_DAY, yearOf } from "./dates";
import type { Ethnicity } from "./ethnicities";
import { pickGivenName } from "./givenNames";
import { sampleDeathDay } from "./lifespan";
import { NEW_FORMAT_SINCE, type PersonCodeIssuer } from "./personCodes";
import type { Random } from "./random";
import type { NameHistoryRow, PersonRow } from "./rows";
import { FOREIGN_BIRTHPLACES } from "./territory";

export type CitizenshipStatus = PersonRow["citizenshipStatus"];

/** A move into a dwelling on a day; a person's declared addresses are their moves in order. */
export interface Move {
  day: number;
  dwelling: number;
}

export type EarlierName = Omit<NameHistoryRow, "id" | "personCode" | "validFrom" | "validTo"> & {
  validFrom: number;
  validTo: number;
};

/** A person while their cluster is being generated; turned into rows once it is complete. */
export interface Person {
  code: string;
  formerCodes: string[];
  sex: Sex;
  birthDay: number;
  deathDay: number | null;
  ethnicity: Ethnicity;
  nationality: string | null;
  citizenship: CitizenshipStatus;
  citizenshipCountry: string | null;
  birthPlace: string;
  birthCountry: string;
  givenName: string;
  /** The surname the person was born with, in its male form (the family's surname). */
  birthSurname: string;
  /** The surname carried now, in its male form; gendered when written out. */
  surname: string;
  /** Day the current surname was taken (birth for most). */
  surnameSince: number;
  earlierNames: EarlierName[];
  /** Days the name changed, after which documents are replaced. */
  nameChangeDays: number[];
  moves: Move[];
  additionalAddress: Move | null;
}

export interface NewPerson {
  sex: Sex;
  birthDay: number;
  ethnicity: Ethnicity;
  surname: string;
  /** Known to be alive on this day (married or had a child then). */
  aliveOn: number;
  /** Where the person was born; a Latvian town when omitted. */
  birthPlace?: { place: string; country: string };
  citizenship: { status: CitizenshipStatus; country: string | null };
  /** Immigrants get their code when they arrive: new-format from July 2017. */
  registeredOn?: number;
}

/** Older residents who asked for a new-format code after 2017 (they keep the old one as former). */
const CODE_SWITCH_SHARE = 0.01;

/** A person's name form as written in the register. */
export function surnameOf(person: Person): string {
  return genderedSurname(person.surname, person.sex);
}

export class PersonFactory {
  constructor(
    private readonly random: Random,
    private readonly codes: PersonCodeIssuer,
    private readonly latvianTown: () => string,
  ) {}

  create(spec: NewPerson): Person {
    const { random } = this;
    const deathDay = sampleDeathDay(random, spec.sex, spec.birthDay, spec.aliveOn);
    const registeredOn = spec.registeredOn ?? spec.birthDay;
    let code: string;
    const formerCodes: string[] = [];
    if (registeredOn >= NEW_FORMAT_SINCE) {
      code = this.codes.newFormat();
    } else {
      code = this.codes.oldFormat(spec.birthDay);
      const aliveAtSwitch = deathDay === null || deathDay > NEW_FORMAT_SINCE + 365;
      if (aliveAtSwitch && random.chance(CODE_SWITCH_SHARE)) {
        formerCodes.push(code);
        code = this.codes.newFormat();
      }
    }
    const birth = spec.birthPlace ?? { place: this.latvianTown(), country: "LVA" };
    // Nationality is optional in the register; recent immigrants often leave it out.
    const nationalityRecorded = random.chance(spec.registeredOn !== undefined ? 0.85 : 0.96);
    return {
      code,
      formerCodes,
      sex: spec.sex,
      birthDay: spec.birthDay,
      deathDay,
      ethnicity: spec.ethnicity,
      nationality: nationalityRecorded ? spec.ethnicity.nationality[spec.sex] : null,
      citizenship: spec.citizenship.status,
      citizenshipCountry: spec.citizenship.country,
      birthPlace: birth.place,
      birthCountry: birth.country,
      givenName: pickGivenName(random, spec.ethnicity.nameStyle, spec.sex, yearOf(spec.birthDay)),
      birthSurname: spec.surname,
      surname: spec.surname,
      surnameSince: spec.birthDay,
      earlierNames: [],
      nameChangeDays: [],
      moves: [],
      additionalAddress: null,
    };
  }

  /** A town abroad in `country`, as birth place. */
  foreignBirthplace(country: string): { place: string; country: string } {
    const towns = FOREIGN_BIRTHPLACES[country] ?? FOREIGN_BIRTHPLACES.RUS ?? ["Maskava"];
    return { place: this.random.pick(towns), country };
  }

  /**
   * Where a settled (non-immigrant) adult was born: Soviet-era settlers of other
   * nationalities were often born in Russia, Ukraine or Belarus; a few Latvians were born
   * in Siberian exile (1941–1956).
   */
  residentBirthplace(ethnicity: Ethnicity, birthDay: number): { place: string; country: string } | undefined {
    const year = yearOf(birthDay);
    if (ethnicity.key === "latvian") {
      if (year >= 1941 && year <= 1956 && this.random.chance(0.03)) return this.foreignBirthplace("RUS");
      return undefined;
    }
    const share = year < 1975 ? ethnicity.bornAbroadShare : year < 1991 ? ethnicity.bornAbroadShare / 4 : 0;
    if (!this.random.chance(share)) return undefined;
    const country =
      ethnicity.homeCountry === "LVA" ? "RUS" : this.random.chance(0.8) ? ethnicity.homeCountry : "RUS";
    return this.foreignBirthplace(country);
  }

  /**
   * Citizenship of a settled resident. Soviet-era settlers and their children born before
   * 1991 did not become citizens automatically: many are non-citizens, some took Russian
   * (or another) citizenship, a few are stateless.
   */
  residentCitizenship(
    ethnicity: Ethnicity,
    birthDay: number,
    mother?: Person,
  ): { status: CitizenshipStatus; country: string | null } {
    const { random } = this;
    const citizen = { status: "CITIZEN" as const, country: "LVA" };
    if (mother && birthDay >= dayOf(1991, 8, 21)) {
      // Children of non-citizens born before 2020 were registered as citizens only on request.
      if (mother.citizenship === "NON_CITIZEN" && birthDay < dayOf(2020, 1, 1) && random.chance(0.35)) {
        return { status: "NON_CITIZEN", country: null };
      }
      if (mother.citizenship === "FOREIGNER" && random.chance(0.5)) {
        return { status: "FOREIGNER", country: mother.citizenshipCountry };
      }
      return citizen;
    }
    if (birthDay >= dayOf(1991, 1, 1)) {
      return ethnicity.nonCitizenShare > 0 && random.chance(0.04)
        ? { status: "NON_CITIZEN", country: null }
        : citizen;
    }
    const r = random.float();
    if (r < ethnicity.nonCitizenShare) return { status: "NON_CITIZEN", country: null };
    if (ethnicity.nonCitizenShare > 0 && r < ethnicity.nonCitizenShare + 0.045) {
      const country = ethnicity.homeCountry === "LVA" || random.chance(0.5) ? "RUS" : ethnicity.homeCountry;
      return { status: "FOREIGNER", country };
    }
    if (ethnicity.nonCitizenShare > 0 && r < ethnicity.nonCitizenShare + 0.0457) {
      return { status: "STATELESS", country: null };
    }
    return citizen;
  }
}

/** True when the person is alive on `day`. */
export function aliveOn(person: Person, day: number): boolean {
  return day >= person.birthDay && (person.deathDay === null || day < person.deathDay) && day <= REGISTER_DAY;
}

/** The dwelling a person lived in on `day`, from their moves so far. */
export function dwellingOn(person: Person, day: number): number | null {
  let dwelling: number | null = null;
  for (const move of person.moves) {
    if (move.day <= day) dwelling = move.dwelling;
  }
  return dwelling;
}
