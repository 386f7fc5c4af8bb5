import { faker } from "@faker-js/faker/locale/lv";
import { genderedSurname, type Sex } from "@rnp/common";
import { keyedIndex } from "./keys";

/**
 * Names from `@faker-js/faker`'s Latvian tables (a maintained package, so the anonymiser
 * does not import the synthetic register generator): given names by sex, surnames in their
 * male form with `genderedSurname` making each person's own form.
 */
function latvianNames() {
  const person = faker.rawDefinitions.person;
  const male = person?.first_name?.male;
  const female = person?.first_name?.female;
  const surnames = [...(person?.last_name?.male ?? []), ...(person?.last_name?.generic ?? [])];
  if (!male?.length || !female?.length || surnames.length === 0) {
    throw new Error("@faker-js/faker no longer ships Latvian first names by sex and male surnames");
  }
  return { male, female, surnames: [...new Set(surnames)] };
}

const NAMES = latvianNames();

/**
 * Given names: a keyed choice per person (keyed by the original code, so two persons called
 * Jānis get unrelated names and name frequencies say nothing), never the person's own.
 * Surnames: a keyed substitution of the family surname, written as its female form so a
 * husband's Ozols and a wife's Ozola are one family surname and get one new surname, each in
 * their own form (Bērziņš → Kalniņš, Bērziņa → Kalniņa); double-barrelled surnames change
 * part by part. The new surname is never the old one.
 */
export class NameMapper {
  constructor(private readonly key: Buffer) {}

  givenName(originalCode: string, sex: Sex, given: string): string {
    const table = sex === "MALE" ? NAMES.male : NAMES.female;
    let index = keyedIndex(this.key, `given\u0000${originalCode}\u0000${sex}\u0000${given}`, table.length);
    if (table[index] === given) index = (index + 1) % table.length;
    return table[index] as string;
  }

  surname(sex: Sex, surname: string): string {
    return surname
      .split("-")
      .map((part) => genderedSurname(this.familySurname(genderedSurname(part, "FEMALE")), sex))
      .join("-");
  }

  /** The new family surname (male form) for a family surname given in its female form. */
  private familySurname(femaleForm: string): string {
    const table = NAMES.surnames;
    let index = keyedIndex(this.key, `surname\u0000${femaleForm}`, table.length);
    if (genderedSurname(table[index] as string, "FEMALE") === femaleForm) index = (index + 1) % table.length;
    return table[index] as string;
  }
}
