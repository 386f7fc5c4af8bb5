import { badUserInput, echo } from "@rnp/common";
import { graphQLError } from "@rnp/policy/errors";
import type { MutationResolvers } from "../__generated__/resolvers-types";
import {
  ChangeRefused,
  changeName,
  declareAddress,
  invalidateDocument,
  issueDocument,
  registerBirth,
  registerDeath,
  registerDivorce,
  registerMarriage,
  renameMunicipality,
} from "../repositories/changes/index";
import { requirePersonCode } from "./personCodes";

const ADDRESS_CODE = /^\d{9}$/;

function requireAddressCode(input: string, argument: string): string {
  const code = input.trim();
  if (!ADDRESS_CODE.test(code)) {
    throw badUserInput(
      `\`${argument}\` "${echo(input)}" is not an address code: an address code has exactly 9 digits.`,
    );
  }
  return code;
}

/** Runs a change; a refusal becomes BAD_USER_INPUT or NOT_FOUND with the repository's sentence. */
async function change<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ChangeRefused) {
      throw graphQLError(error.reason === "NOT_FOUND" ? "NOT_FOUND" : "BAD_USER_INPUT", error.message);
    }
    throw error;
  }
}

/** Register changes: input checked here, everything else in one repository transaction each. */
export const Mutation: MutationResolvers = {
  declareAddress: (_parent, args, { db }) => {
    const personCode = requirePersonCode(args.personCode, "personCode");
    const addressCode = requireAddressCode(args.addressCode, "addressCode");
    return change(() => declareAddress(db, { personCode, addressCode, from: args.from }));
  },

  changeName: (_parent, args, { db }) => {
    const personCode = requirePersonCode(args.personCode, "personCode");
    return change(() =>
      changeName(db, {
        personCode,
        givenName: args.givenName,
        surname: args.surname,
        reason: args.reason,
        on: args.on,
      }),
    );
  },

  issueDocument: (_parent, args, { db }) => {
    const personCode = requirePersonCode(args.personCode, "personCode");
    return change(() => issueDocument(db, { personCode, type: args.type, issuer: args.issuer, on: args.on }));
  },

  invalidateDocument: (_parent, args, { db }) => {
    if (args.number.trim().length === 0) throw badUserInput("`number` is empty: pass the number as printed.");
    return change(() => invalidateDocument(db, { number: args.number, reason: args.reason, on: args.on }));
  },

  registerMarriage: (_parent, args, { db }) => {
    const personCodeA = requirePersonCode(args.personCodeA, "personCodeA");
    const personCodeB = requirePersonCode(args.personCodeB, "personCodeB");
    return change(() =>
      registerMarriage(db, {
        personCodeA,
        personCodeB,
        on: args.on,
        place: args.place,
        surnameOfA: args.surnameOfA ?? false,
      }),
    );
  },

  registerDivorce: (_parent, args, { db }) => {
    const personCodeA = requirePersonCode(args.personCodeA, "personCodeA");
    const personCodeB = requirePersonCode(args.personCodeB, "personCodeB");
    return change(() => registerDivorce(db, { personCodeA, personCodeB, on: args.on }));
  },

  registerBirth: (_parent, { input }, { db }) => {
    const motherCode = requirePersonCode(input.motherCode, "input.motherCode");
    const fatherCode = input.fatherCode ? requirePersonCode(input.fatherCode, "input.fatherCode") : null;
    return change(() =>
      registerBirth(db, {
        motherCode,
        fatherCode,
        givenName: input.givenName,
        sex: input.sex,
        birthDate: input.birthDate,
        birthPlace: input.birthPlace,
      }),
    );
  },

  registerDeath: (_parent, args, { db }) => {
    const personCode = requirePersonCode(args.personCode, "personCode");
    return change(() => registerDeath(db, { personCode, on: args.on, place: args.place }));
  },

  renameMunicipality: (_parent, args, { db }) => {
    const municipalityCode = requireAddressCode(args.municipalityCode, "municipalityCode");
    return change(() => renameMunicipality(db, { municipalityCode, newName: args.newName }));
  },
};
