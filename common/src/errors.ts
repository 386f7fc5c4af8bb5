import { GraphQLError } from "graphql";

/**
 * BAD_USER_INPUT with a sentence saying what to fix. The codes and their statuses are
 * `@rnp/policy/errors`'s table (common is below policy, so it spells this one code itself;
 * tests/layout.test.ts checks that every code the code base produces is in that table).
 */
export function badUserInput(message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { ...extensions, code: "BAD_USER_INPUT" } });
}

/** Longest client input a message quotes; longer input is cut (a message is not an echo service). */
export const ECHO_LIMIT = 40;

/**
 * Client input to quote in a message, cut to `ECHO_LIMIT` characters with "…", so a
 * megabyte argument does not come back as a megabyte error (nor fill the logs).
 */
export function echo(input: unknown): string {
  const text = String(input);
  return text.length > ECHO_LIMIT ? `${text.slice(0, ECHO_LIMIT)}…` : text;
}

/** Largest id the tables hold (PostgreSQL `integer` / `serial`). */
export const MAX_ID = 2_147_483_647;

/**
 * An id argument as a number, or BAD_USER_INPUT with a sentence: ids are whole numbers
 * from 1 to 2³¹−1 (a larger one would reach PostgreSQL as an out-of-range integer).
 */
export function idArgument(value: string | number, what: string): number {
  const text = String(value);
  const number = /^\d{1,10}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(number) || number < 1 || number > MAX_ID) {
    throw badUserInput(`${what} "${echo(text)}" is not an id: pass a whole number from 1 to ${MAX_ID}.`);
  }
  return number;
}
