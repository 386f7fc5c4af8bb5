import { DateScalar } from "@rnp/common";
import type { Resolvers } from "../__generated__/resolvers-types";
import { Marriage } from "./Marriage";
import { Mutation } from "./Mutation";
import { Person } from "./Person";
import { PersonSearchConnection, PersonSearchMatch } from "./personSearch";
import { PersonConnection, Query } from "./Query";

export const resolvers: Resolvers = {
  Date: DateScalar,
  Query,
  Mutation,
  Person,
  PersonConnection,
  PersonSearchConnection,
  PersonSearchMatch,
  Marriage,
};
