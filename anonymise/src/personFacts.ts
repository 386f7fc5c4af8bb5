import { checkPersonCode } from "@rnp/common";
import { decodeField, decodeSimpleArray } from "./copyText";
import { dayFromIso, NO_DAY } from "./days";
import { PERSON_COLUMNS, type PersonFacts } from "./personQuasi";

/** The columns `factsOf` reads, in its order. */
export const PERSON_FACTS_SELECT =
  "select person_code, former_person_codes, sex, birth_date, birth_place, birth_country, citizenship_status, citizenship_country, nationality, death_date, death_place from person.persons";

/** A person row's facts from the COPY text fields of `PERSON_FACTS_SELECT`'s columns. */
export function factsOf(f: string[]): PersonFacts {
  const text = (i: number) => decodeField(f[i] ?? "\\N");
  return {
    personCode: f[0] ?? "",
    formerCodes: decodeSimpleArray(f[1] ?? "{}"),
    sex: f[2] ?? "MALE",
    birthDate: f[3] ?? "",
    birthPlace: text(4) ?? "",
    birthCountry: text(5) ?? "",
    citizenshipStatus: f[6] ?? "",
    citizenshipCountry: text(7),
    nationality: text(8),
    deathDate: text(9),
    deathPlace: text(10),
  };
}

/** The source facts the plan keeps per person, in typed arrays (a million persons ≈ 60 MB). */
export class PersonFactsTable {
  readonly codeNumbers: Float64Array;
  readonly oddCodes = new Map<string, number>();
  readonly formerCodes = new Map<number, string[]>();
  readonly validCode: Uint8Array;
  readonly birthDay: Int32Array;
  readonly deathDay: Int32Array;
  readonly strata: Uint8Array;
  readonly values: Int32Array[];

  constructor(readonly size: number) {
    this.codeNumbers = new Float64Array(size);
    this.validCode = new Uint8Array(size);
    this.birthDay = new Int32Array(size);
    this.deathDay = new Int32Array(size);
    this.strata = new Uint8Array(size);
    this.values = PERSON_COLUMNS.map(() => new Int32Array(size));
  }

  set(i: number, facts: PersonFacts, stratum: number, row: Int32Array): void {
    if (i >= this.size) throw new Error("more persons than counted: the source changed during the run");
    if (/^\d{11}$/.test(facts.personCode)) this.codeNumbers[i] = Number(facts.personCode);
    else {
      this.codeNumbers[i] = -1 - i;
      this.oddCodes.set(facts.personCode, i);
    }
    this.validCode[i] = checkPersonCode(facts.personCode).valid ? 1 : 0;
    if (facts.formerCodes.length > 0) this.formerCodes.set(i, [...facts.formerCodes]);
    this.birthDay[i] = dayFromIso(facts.birthDate);
    this.deathDay[i] = facts.deathDate === null ? NO_DAY : dayFromIso(facts.deathDate);
    this.strata[i] = stratum;
    for (let c = 0; c < row.length; c++) (this.values[c] as Int32Array)[i] = row[c] as number;
  }

  codeStrings(i: number): string {
    const number = this.codeNumbers[i] as number;
    if (number >= 0) return String(number).padStart(11, "0");
    for (const [code, index] of this.oddCodes) if (index === i) return code;
    return "";
  }
}
