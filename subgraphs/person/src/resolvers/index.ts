import { GraphQLScalarType, Kind } from "graphql";
import type { Resolvers } from "../__generated__/resolvers-types";
import { Marriage } from "./Marriage";
import { Mutation } from "./Mutation";
import { Person } from "./Person";
import { PersonConnection, Query } from "./Query";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Dates travel as `YYYY-MM-DD` strings, as PostgreSQL's `date` type returns them. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: "Date",
  serialize: (value) => String(value),
  parseValue: (value) => {
    if (typeof value !== "string" || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) {
      throw new TypeError(`Date must be a string of the form YYYY-MM-DD; got ${JSON.stringify(value)}`);
    }
    return value;
  },
  parseLiteral: (node) => {
    if (node.kind !== Kind.STRING || !ISO_DATE.test(node.value) || Number.isNaN(Date.parse(node.value))) {
      throw new TypeError("Date must be a string literal of the form YYYY-MM-DD");
    }
    return node.value;
  },
});

export const resolvers: Resolvers = { Date: DateScalar, Query, Mutation, Person, PersonConnection, Marriage };
