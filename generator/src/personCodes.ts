import { completePersonCode } from "@rnp/common";
import { dayOf, isoOf } from "./dates";

/** New-format codes are issued since this day; everyone born on or after it has one. */
export const NEW_FORMAT_SINCE = dayOf(2017, 7, 1);

const FIRST_DAY = dayOf(1900, 1, 1);
const LAST_DAY = dayOf(2099, 12, 31);
/** Serial steps coprime with 1000 visit every serial 000–999 once before repeating. */
const SERIAL_STEP = 337;
/** Multiplier coprime with 10⁸: k ↦ (k·A + B) mod 10⁸ is a permutation of the 8-digit numbers. */
const NEW_MULTIPLIER = 387_420_489;
const NEW_OFFSET = 104_729_113;

/**
 * Issues unique personal codes without remembering them: old-format serials walk a
 * per-birth-date permutation of 000–999, new-format codes a permutation of 10⁸ numbers.
 * Serials whose check remainder is 0 or 10 are skipped, as the register does.
 */
export class PersonCodeIssuer {
  private readonly issuedOnDay = new Uint16Array(LAST_DAY - FIRST_DAY + 1);
  private newFormatCounter = 0;

  constructor(private readonly seed: number) {}

  /** `DDMMYYCNNNX` for someone born on `birthDay` (1900–2099). */
  oldFormat(birthDay: number): string {
    const iso = isoOf(birthDay);
    const century = String(Number(iso.slice(0, 2)) - 18);
    const datePart = `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}${century}`;
    const slot = birthDay - FIRST_DAY;
    // Start each day's walk at a different serial, so codes do not all begin at 000.
    const start = (birthDay * 7919 + this.seed * 104_729) % 1000;
    for (;;) {
      const issued = this.issuedOnDay[slot] ?? 0;
      if (issued >= 1000) throw new Error(`all personal code serials for ${iso} are used`);
      this.issuedOnDay[slot] = issued + 1;
      const serial = (((start + issued * SERIAL_STEP) % 1000) + 1000) % 1000;
      const code = completePersonCode(`${datePart}${String(serial).padStart(3, "0")}`);
      if (code) return code;
    }
  }

  /** `32` + eight digits + check digit (11 digits, like the old format). */
  newFormat(): string {
    for (;;) {
      const k = this.newFormatCounter++;
      if (k >= 100_000_000) throw new Error("all new-format personal codes are used");
      const digits = Number(
        (BigInt(k) * BigInt(NEW_MULTIPLIER) + BigInt(NEW_OFFSET + this.seed)) % 100_000_000n,
      );
      const code = completePersonCode(`32${String(digits).padStart(8, "0")}`);
      if (code) return code;
    }
  }
}
