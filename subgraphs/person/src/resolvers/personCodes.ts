import { badUserInput, checkPersonCode } from "@rnp/common";

/** The canonical 11-digit code, or a BAD_USER_INPUT error that says what is wrong with it. */
export function personCodeOrError(input: string, argument: string, extensions: Record<string, unknown> = {}) {
  const check = checkPersonCode(input);
  if (!check.valid)
    return badUserInput(`${check.reason}. Correct \`${argument}\` and send it again.`, extensions);
  return check.code;
}

export function requirePersonCode(input: string, argument: string): string {
  const code = personCodeOrError(input, argument);
  if (typeof code !== "string") throw code;
  return code;
}
