import { decimalNumerals, Ff1 } from "./ff1";

const encoder = new TextEncoder();

/**
 * Document numbers keep their shape: letters and other characters stay, the digits go
 * through FF1 with the rest of the number (e.g. the series `LV`, `PA`) as tweak, so the
 * result is a permutation of the numbers of each series: unique, as the register requires.
 */
export class DocumentNumberMapper {
  private readonly ff1: Ff1;

  constructor(ff1Key: Buffer) {
    this.ff1 = new Ff1(ff1Key, 10);
  }

  map(number: string): string {
    const digits = number.replace(/\D/g, "");
    // FF1 takes two numerals or more; a number with fewer digits keeps them.
    if (digits.length < 2) return number;
    const skeleton = number.replace(/\d/g, "#");
    const encrypted = this.ff1.encrypt(decimalNumerals(digits), encoder.encode(`document\u0000${skeleton}`));
    let next = 0;
    return number.replace(/\d/g, () => String(encrypted[next++]));
  }
}
