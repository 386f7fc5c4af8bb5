import { checkDigit, completePersonCode } from "@rnp/common";
import { isoOfDay } from "./days";
import { decimalNumerals, Ff1 } from "./ff1";

const encoder = new TextEncoder();
const NEW_FORMAT_TWEAK = encoder.encode("new-format");
const UNPARSED_TWEAK = encoder.encode("unparsed");

/**
 * Issues the test register's personal codes, each once:
 * - new format `32` + 8 digits + check: FF1 over 8 digits, cycle-walking (encrypting again)
 *   until the result is issuable (check remainder not 0 or 10, as the register issues) and
 *   not yet issued. Persons who had a new-format code are served first, from their own
 *   digits, so their codes are a keyed permutation of the issuable codes;
 * - old format `DDMMYY-CNNNX`: the date part is the person's new birth date, the serial NNN
 *   goes through FF1 with that date as tweak, walking on while the (date, serial) is taken,
 *   so two persons given one new birth day never share a code; the check digit recomputed;
 * - a code that is not valid today (none in a register the platform built): FF1 over all
 *   11 digits, kept invalid.
 * Only the key holder can tell which source code a test code came from.
 */
export class PersonCodeAssigner {
  private readonly ff1: Ff1;
  private readonly issuedNew = new Set<number>();
  private readonly issuedOld = new Set<number>();

  constructor(ff1Key: Buffer) {
    this.ff1 = new Ff1(ff1Key, 10);
  }

  /** A new-format code from 8 digits of the source (its own, or derived from an old code). */
  newFormat(eightDigits: string): string {
    const free = (digits: string) =>
      completePersonCode(`32${digits}`) !== null && !this.issuedNew.has(Number(digits));
    const digits = walk(
      eightDigits,
      8,
      (d) => this.ff1.encrypt(decimalNumerals(d), NEW_FORMAT_TWEAK).join(""),
      free,
    );
    if (digits === null) throw new Error("no free new-format personal code found");
    this.issuedNew.add(Number(digits));
    const ten = `32${digits}`;
    return `${ten}${checkDigit(ten)}`;
  }

  /** An old-format code for a birth day (days since 1970), from a 3-digit source serial. */
  oldFormat(birthDay: number, serialDigits: string): string {
    const iso = isoOfDay(birthDay);
    const year = Number(iso.slice(0, 4));
    const century = Math.floor(year / 100) - 18;
    if (century < 0 || century > 2) throw new Error(`no old-format personal code for a birth in ${year}`);
    const datePart = `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}${century}`;
    const tweak = encoder.encode(datePart);
    // (day + 200 000) × 1000 + serial stays a small integer, which a Set holds cheaply.
    const slot = (serial: string) => (birthDay + 200_000) * 1000 + Number(serial);
    const serial = walk(
      serialDigits.padStart(3, "0").slice(-3),
      3,
      (d) => this.ff1.encrypt(decimalNumerals(d), tweak).join(""),
      (d) => !this.issuedOld.has(slot(d)),
    );
    if (serial === null) throw new Error(`all 1 000 old-format serials of ${iso} are taken`);
    this.issuedOld.add(slot(serial));
    const ten = `${datePart}${serial}`;
    return `${ten}${checkDigit(ten)}`;
  }

  /** A code that is not valid today: FF1 over its 11 digits (padded), no uniqueness kept. */
  unparsed(code: string): string {
    const digits = code.replace(/\D/g, "").padEnd(11, "0").slice(0, 11);
    return this.ff1.encrypt(decimalNumerals(digits), UNPARSED_TWEAK).join("");
  }
}

/**
 * The first value `free` accepts on the FF1 cycle through `start` (cycle-walking), or, when
 * that cycle holds none (a permutation has several cycles), the next free value counting up
 * from the first image; null when there is none at all.
 */
function walk(
  start: string,
  width: number,
  encrypt: (digits: string) => string,
  free: (digits: string) => boolean,
) {
  const first = encrypt(start);
  let digits = first;
  for (let steps = 0; steps < 10 ** Math.min(width, 6); steps++) {
    if (free(digits)) return digits;
    digits = encrypt(digits);
    if (digits === first) break;
  }
  const size = 10 ** width;
  for (let offset = 1; offset < Math.min(size, 10_000_000); offset++) {
    const candidate = String((Number(first) + offset) % size).padStart(width, "0");
    if (free(candidate)) return candidate;
  }
  return null;
}
