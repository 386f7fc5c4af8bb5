import { checkDigit, checkPersonCode, completePersonCode } from "@rnp/common";
import type { BirthDateShifter } from "./birthDates";
import { decimalNumerals, Ff1 } from "./ff1";

const encoder = new TextEncoder();
const NEW_FORMAT_TWEAK = encoder.encode("new-format");
const UNPARSED_TWEAK = encoder.encode("unparsed");

/**
 * Personal codes through FF1, keeping their format:
 * - new format `32` + 8 digits + check: FF1 over the 8 digits, cycle-walking until the
 *   result is as issuable as the input (check remainder not 0 or 10, like every code the
 *   register issues): a permutation of the issuable codes, so unique without memory;
 * - old format `DDMMYY-CNNNX`: the date part becomes the person's shifted birth date
 *   (`BirthDateShifter`, a permutation of the month's days) and the serial NNN goes through
 *   FF1 with that new date as tweak (a permutation of 000–999 per day), then the check digit
 *   is recomputed. (date, serial) ↦ (date′, serial′) is a bijection, so codes stay unique.
 *   Three digits leave no room to also keep remainders 0 and 10 out: about 2 codes in 11 end
 *   in check digit 0 from remainder 0 or 10, which `checkPersonCode` accepts;
 * - anything else (a code that is not valid today): FF1 over all 11 digits, kept invalid.
 */
export class PersonCodeMapper {
  private readonly ff1: Ff1;
  private readonly cache = new Map<string, string>();

  constructor(
    ff1Key: Buffer,
    private readonly birthDates: BirthDateShifter,
  ) {
    this.ff1 = new Ff1(ff1Key, 10);
  }

  map(code: string): string {
    let mapped = this.cache.get(code);
    if (mapped === undefined) {
      mapped = this.compute(code);
      // Codes recur in several tables; a bounded memo keeps the work once per person
      // without holding a mapping of the whole register.
      if (this.cache.size >= 200_000) this.cache.clear();
      this.cache.set(code, mapped);
    }
    return mapped;
  }

  private compute(code: string): string {
    const check = checkPersonCode(code);
    if (!check.valid) {
      return this.ff1.encrypt(decimalNumerals(code.padEnd(11, "0").slice(0, 11)), UNPARSED_TWEAK).join("");
    }
    if (check.format === "NEW") return this.newFormat(check.code);
    return this.oldFormat(check.code, check.birthDate ?? "");
  }

  private newFormat(code: string): string {
    const issuable = (eight: string) => completePersonCode(`32${eight}`) !== null;
    const wanted = issuable(code.slice(2, 10));
    let digits = code.slice(2, 10);
    do {
      digits = this.ff1.encrypt(decimalNumerals(digits), NEW_FORMAT_TWEAK).join("");
    } while (issuable(digits) !== wanted);
    const ten = `32${digits}`;
    return `${ten}${checkDigit(ten)}`;
  }

  private oldFormat(code: string, birthDate: string): string {
    const shifted = this.birthDates.shift(birthDate);
    const datePart = `${shifted.slice(8, 10)}${shifted.slice(5, 7)}${shifted.slice(2, 4)}${code[6]}`;
    const serial = this.ff1.encrypt(decimalNumerals(code.slice(7, 10)), encoder.encode(datePart)).join("");
    const ten = `${datePart}${serial}`;
    return `${ten}${checkDigit(ten)}`;
  }
}
