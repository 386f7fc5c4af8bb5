/** Company registration numbers (DOMAIN.md): 11 digits, first > 3, Σ dᵢ·wᵢ mod 11 = 3. */
const WEIGHTS = [9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1];

const weightedSum = (digits: string) =>
  [...digits].reduce((total, d, i) => total + Number(d) * (WEIGHTS[i] ?? 0), 0);

/** A sentence saying what is wrong with a registration number, or null when it is valid. */
export function registrationNumberProblem(value: string): string | null {
  if (!/^\d{11}$/.test(value)) return "a registration number has exactly 11 digits";
  if (Number(value[0]) <= 3) return "a registration number starts with a digit above 3";
  return weightedSum(value) % 11 === 3
    ? null
    : "its check digits do not add up (a digit is probably mistyped)";
}

/** Completes ten digits (first > 3) to a valid number, or null when no last digit fits. */
export function completeRegistrationNumber(tenDigits: string): string | null {
  const last = (((3 - weightedSum(tenDigits)) % 11) + 11) % 11;
  return last === 10 ? null : `${tenDigits}${last}`;
}
