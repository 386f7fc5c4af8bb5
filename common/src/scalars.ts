import { GraphQLScalarType, Kind } from "graphql";
import { echo } from "./errors";

/** The `Date` and `DateTime` scalars every subgraph declares, with one behaviour for all. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A value a scalar refused. graphql-js reports a refused literal (`birthDate: "0000-01-01"` in
 * the document) as a validation error and a refused variable as a coercion error; both are
 * the client's input, so `maskInternalErrors` answers both as BAD_USER_INPUT by this class.
 */
export class ScalarValueError extends TypeError {
  override name = "ScalarValueError";
}

/** Client input quoted in a scalar's message: cut, so a megabyte value is not echoed back. */
const quoted = (value: unknown) =>
  JSON.stringify(typeof value === "string" ? echo(value) : (value ?? null)) ?? "";

/**
 * True for a day of the proleptic Gregorian calendar from 0001-01-01 to 9999-12-31: the
 * days PostgreSQL's `date` and ISO 8601's basic form both hold. Year 0 does not exist, and
 * `Date.parse` would take `2026-02-30` for 2 March: each part is checked.
 */
function isCalendarDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

function date(value: unknown): string {
  const match = typeof value === "string" ? ISO_DATE.exec(value) : null;
  if (!match || !isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new ScalarValueError(
      `Date must be a day of the calendar written YYYY-MM-DD, from 0001-01-01 to 9999-12-31; got ${quoted(value)}`,
    );
  }
  return value as string;
}

/** `Date.parse` takes years PostgreSQL's `timestamptz` refuses (year 0, 275760): 1 to 9999 only. */
function dateTime(value: unknown): string {
  const parsed = typeof value === "string" ? Date.parse(value) : Number.NaN;
  const year = Number.isNaN(parsed) ? 0 : new Date(parsed).getUTCFullYear();
  if (year < 1 || year > 9999) {
    throw new ScalarValueError(
      `DateTime must be an ISO 8601 string such as 2026-11-23T10:15:00Z, from year 0001 to 9999; got ${quoted(value)}`,
    );
  }
  return new Date(parsed).toISOString();
}

/** Dates travel as `YYYY-MM-DD` strings, as PostgreSQL's `date` type returns them. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: "Date",
  serialize: (value) => String(value),
  parseValue: date,
  parseLiteral: (node) => {
    if (node.kind !== Kind.STRING)
      throw new ScalarValueError("Date must be a string literal of the form YYYY-MM-DD");
    return date(node.value);
  },
});

/** PostgreSQL writes `2026-11-23 10:15:00.123+00`; clients get ISO 8601 in UTC. */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: "DateTime",
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString();
    const text = String(value)
      .replace(" ", "T")
      .replace(/([+-]\d{2})$/, "$1:00");
    return new Date(text).toISOString();
  },
  parseValue: dateTime,
  parseLiteral: (node) => dateTime(node.kind === Kind.STRING ? node.value : undefined),
});
