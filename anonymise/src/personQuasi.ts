import { checkPersonCode } from "@rnp/common";
import { Dictionary } from "./dictionary";
import type { QuasiColumn } from "./mondrian";

/**
 * The quasi-identifiers of a person: what an outsider may know of a real person and find
 * again in the test register. Names, codes, addresses and exact dates are replaced
 * outright; these are kept, generalised to a Mondrian box (`mondrian.ts`):
 *
 * | column | value | kept exactly? |
 * | --- | --- | --- |
 * | stratum | sex, deceased or living | yes (names, codes and relations depend on them) |
 * | citizenship | status and country | within a box (split first) |
 * | code kind | old or new format, number of former codes | within a box (split first) |
 * | birth year | year (the day is drawn anew) | within a box |
 * | nationality | as recorded (gendered) | within a box |
 * | death year | year (the day is drawn anew); 0 living | within a box |
 * | birth location | country and town | within a box |
 * | death place | town; empty living | within a box |
 */

export const PERSON_COLUMNS = [
  { name: "citizenship", weight: 8 },
  { name: "codeKind", weight: 8 },
  { name: "birthYear", weight: 4 },
  { name: "nationality", weight: 2 },
  { name: "deathYear", weight: 2 },
  { name: "birthLocation", weight: 1 },
  { name: "deathPlace", weight: 0.5 },
] as const;

export const CITIZENSHIP = 0;
export const CODE_KIND = 1;
export const BIRTH_YEAR = 2;
export const NATIONALITY = 3;
export const DEATH_YEAR = 4;
export const BIRTH_LOCATION = 5;
export const DEATH_PLACE = 6;

/** Strata: sex × deceased. */
export const PERSON_STRATA = ["MALE living", "MALE deceased", "FEMALE living", "FEMALE deceased"] as const;

/** The fields of a person row the quasi-identifiers are read from (decoded, null for NULL). */
export interface PersonFacts {
  personCode: string;
  formerCodes: readonly string[];
  sex: string;
  birthDate: string;
  birthPlace: string;
  birthCountry: string;
  citizenshipStatus: string;
  citizenshipCountry: string | null;
  nationality: string | null;
  deathDate: string | null;
  deathPlace: string | null;
}

const STATUS_ORDER: Record<string, number> = { CITIZEN: 0, NON_CITIZEN: 1, STATELESS: 2, FOREIGNER: 3 };

/** `OLD|0`, `NEW|1` …: the current code's format and the number of former codes. */
export function codeKindOf(code: string, formerCodes: readonly string[]): string {
  const check = checkPersonCode(code);
  return `${check.valid ? check.format : "INVALID"}|${formerCodes.length}`;
}

export function parseCodeKind(kind: string): { format: "OLD" | "NEW" | "INVALID"; formers: number } {
  const [format = "NEW", formers = "0"] = kind.split("|");
  return { format: format as "OLD" | "NEW" | "INVALID", formers: Number(formers) };
}

/**
 * The dictionaries of the categorical columns and the encoding of a person's facts. The
 * source fills the dictionaries (`add`); the output is classified with the sealed ones
 * (`lookup`), where a value never seen in the source cannot be placed (−1).
 */
export class PersonEncoding {
  readonly citizenship = new Dictionary((value) => {
    const [status = "", country = ""] = value.split("|");
    return `${STATUS_ORDER[status] ?? 9}|${country}`;
  });
  readonly codeKind = new Dictionary((value) => {
    const { format, formers } = parseCodeKind(value);
    // Old codes, then new codes with former ones, then new codes alone: neighbours in age.
    const rank = format === "OLD" ? 0 : format === "NEW" ? (formers > 0 ? 1 : 2) : 3;
    return `${rank}|${String(formers).padStart(3, "0")}`;
  });
  readonly birthLocation: Dictionary;
  readonly nationality = new Dictionary();
  readonly deathPlace: Dictionary;

  /** `municipalityOfTown`: a Latvian town's municipality code, so towns of one area are neighbours. */
  constructor(municipalityOfTown: ReadonlyMap<string, string>) {
    const placeKey = (place: string) => `${municipalityOfTown.get(place) ?? "~"}|${place}`;
    this.birthLocation = new Dictionary((value) => {
      const [country = "", place = ""] = value.split("|");
      return country === "LVA" ? `0|${placeKey(place)}` : `1|${country}|${place}`;
    });
    this.deathPlace = new Dictionary(placeKey);
  }

  stratumOf(facts: Pick<PersonFacts, "sex" | "deathDate">): number {
    return (facts.sex === "FEMALE" ? 2 : 0) + (facts.deathDate === null ? 0 : 1);
  }

  /** Adds the facts' values to the dictionaries; writes provisional codes into `out`. */
  add(facts: PersonFacts, out: Int32Array): void {
    out[CITIZENSHIP] = this.citizenship.add(`${facts.citizenshipStatus}|${facts.citizenshipCountry ?? ""}`);
    out[CODE_KIND] = this.codeKind.add(codeKindOf(facts.personCode, facts.formerCodes));
    out[BIRTH_YEAR] = Number(facts.birthDate.slice(0, 4));
    out[NATIONALITY] = this.nationality.add(facts.nationality ?? "");
    out[DEATH_YEAR] = facts.deathDate === null ? 0 : Number(facts.deathDate.slice(0, 4));
    out[BIRTH_LOCATION] = this.birthLocation.add(`${facts.birthCountry}|${facts.birthPlace}`);
    out[DEATH_PLACE] = this.deathPlace.add(facts.deathPlace ?? "");
  }

  /** Orders the dictionaries and renumbers the columns filled by `add`. */
  seal(columns: readonly Int32Array[]): void {
    const at = (c: number) => columns[c] as Int32Array;
    this.citizenship.seal(at(CITIZENSHIP));
    this.codeKind.seal(at(CODE_KIND));
    this.nationality.seal(at(NATIONALITY));
    this.birthLocation.seal(at(BIRTH_LOCATION));
    this.deathPlace.seal(at(DEATH_PLACE));
  }

  /** The encoded values of facts read from the output; false when one was never in the source. */
  lookup(facts: PersonFacts, out: Int32Array): boolean {
    const codes = [
      this.citizenship.indexOf(`${facts.citizenshipStatus}|${facts.citizenshipCountry ?? ""}`),
      this.codeKind.indexOf(codeKindOf(facts.personCode, facts.formerCodes)),
      Number(facts.birthDate.slice(0, 4)),
      this.nationality.indexOf(facts.nationality ?? ""),
      facts.deathDate === null ? 0 : Number(facts.deathDate.slice(0, 4)),
      this.birthLocation.indexOf(`${facts.birthCountry}|${facts.birthPlace}`),
      this.deathPlace.indexOf(facts.deathPlace ?? ""),
    ];
    for (let c = 0; c < codes.length; c++) {
      const code = codes[c];
      if (code === undefined) return false;
      out[c] = code;
    }
    return true;
  }

  columns(values: readonly Int32Array[]): QuasiColumn[] {
    return PERSON_COLUMNS.map((column, c) => ({ ...column, values: values[c] as Int32Array }));
  }
}
