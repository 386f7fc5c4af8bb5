import { GraphQLScalarType, Kind } from "graphql";

/** The `Date` and `DateTime` scalars every subgraph declares, with one behaviour for all. */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function date(value: unknown): string {
  if (typeof value !== "string" || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) {
    throw new TypeError(`Date must be a string of the form YYYY-MM-DD; got ${JSON.stringify(value)}`);
  }
  return value;
}

function dateTime(value: unknown): string {
  const parsed = typeof value === "string" ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(parsed)) {
    throw new TypeError(
      `DateTime must be an ISO 8601 string such as 2026-11-23T10:15:00Z; got ${JSON.stringify(value)}`,
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
      throw new TypeError("Date must be a string literal of the form YYYY-MM-DD");
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
