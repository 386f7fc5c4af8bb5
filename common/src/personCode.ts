import { echo } from "./errors";

/**
 * Personal code (personas kods) rules of the Register of Natural Persons.
 *
 * Old format `DDMMYY-CNNNX`: birth date, century digit C (0 = 1800s, 1 = 1900s, 2 = 2000s),
 * serial NNN, check digit X. New format (issued since 1 July 2017): 11 digits starting
 * with `32`, no birth date inside. Both use the same check digit:
 * X = ((1101 − Σ dᵢ·wᵢ) mod 11) mod 10 over the first ten digits.
 */

const WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

export type PersonCodeFormat = "OLD" | "NEW";

export type PersonCodeCheck =
  | { valid: true; code: string; format: PersonCodeFormat; birthDate: string | null }
  | { valid: false; reason: string };

/**
 * Remainder (0–10) of the check sum over the first ten digits. The check digit is this
 * remainder mod 10, so remainders 0 and 10 both give check digit 0.
 */
export function checkRemainder(tenDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(tenDigits.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return (1101 - sum) % 11;
}

export function checkDigit(tenDigits: string): number {
  return checkRemainder(tenDigits) % 10;
}

/** `DDMMYYCNNN` → ISO date, or a sentence saying why the date part is impossible. */
function birthDateOf(digits: string): { date: string } | { error: string } {
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const yy = Number(digits.slice(4, 6));
  const century = digits[6];
  if (century !== "0" && century !== "1" && century !== "2") {
    return {
      error: `the 7th digit (century) is ${century}; it must be 0 (born 1800–1899), 1 (1900–1999) or 2 (2000–2099)`,
    };
  }
  const year = 1800 + Number(century) * 100 + yy;
  if (month < 1 || month > 12) {
    return { error: `the birth date ${digits.slice(0, 6)} has month ${month}, which does not exist` };
  }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    return {
      error: `the birth date ${digits.slice(0, 6)} has day ${day}, but month ${month} of ${year} has ${daysInMonth} days`,
    };
  }
  const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  if (iso > new Date().toISOString().slice(0, 10)) {
    return { error: `the birth date ${iso} is in the future` };
  }
  return { date: iso };
}

/**
 * Validates a personal code written with or without the hyphen after the sixth digit.
 * Never throws: an invalid code yields `{ valid: false, reason }` with a sentence that
 * tells the caller what is wrong (length, characters, date, check digit).
 */
export function checkPersonCode(input: string): PersonCodeCheck {
  const trimmed = input.trim();
  if (!/^[\d-]*$/.test(trimmed)) {
    return {
      valid: false,
      reason: `"${echo(input)}" is not a personal code: it may contain only digits and one hyphen after the sixth digit`,
    };
  }
  if (trimmed.includes("-") && !/^\d{6}-\d{5}$/.test(trimmed)) {
    return {
      valid: false,
      reason: `"${echo(input)}" is not a personal code: write 11 digits, optionally with one hyphen after the sixth (DDMMYY-CNNNX)`,
    };
  }
  const digits = trimmed.replace("-", "");
  if (digits.length !== 11) {
    return {
      valid: false,
      reason: `"${echo(input)}" is not a personal code: it has ${digits.length} digits, a personal code has 11`,
    };
  }
  const format: PersonCodeFormat = digits.startsWith("32") ? "NEW" : "OLD";
  let birthDate: string | null = null;
  if (format === "OLD") {
    const date = birthDateOf(digits);
    if ("error" in date) {
      return { valid: false, reason: `"${echo(input)}" is not a valid personal code: ${date.error}` };
    }
    birthDate = date.date;
  }
  const expected = checkDigit(digits);
  const actual = Number(digits[10]);
  if (expected !== actual) {
    return {
      valid: false,
      reason: `"${echo(input)}" is not a valid personal code: its check digit ${actual} does not match the first ten digits (a digit is probably mistyped)`,
    };
  }
  return { valid: true, code: digits, format, birthDate };
}

/** `16117519997` → `161175-19997`. */
export function formatPersonCode(code: string): string {
  return `${code.slice(0, 6)}-${code.slice(6)}`;
}

/**
 * Completes ten digits with their check digit. Returns null where the check remainder
 * is 0 or 10: both fold to check digit 0, so a single mistyped digit could turn one into
 * the other unnoticed. The register's generator issues no such serials, which keeps every
 * single-digit error detectable.
 */
export function completePersonCode(tenDigits: string): string | null {
  const remainder = checkRemainder(tenDigits);
  if (remainder === 0 || remainder === 10) return null;
  return `${tenDigits}${remainder}`;
}
