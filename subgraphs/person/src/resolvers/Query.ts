import { badUserInput, echo } from "@rnp/common";
import type { PersonConnectionResolvers, QueryResolvers } from "../__generated__/resolvers-types";
import { batchTurn } from "../batchTurns";
import {
  findPersonCodeByDocument,
  findResidentCodes,
  type PersonRow,
} from "../repositories/personRepository";
import { personCodeOrError, requirePersonCode } from "./personCodes";
import { searchPersons } from "./personSearch";
import { testPersons } from "./testPersons";

export interface PersonConnectionParent {
  personCodes: string[];
  hasNextPage: boolean;
  totalCount: number;
}

const ADDRESS_CODE = /^\d{9}$/;
const encodeCursor = (personCode: string) => Buffer.from(`person:${personCode}`).toString("base64url");
function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^person:(\d{11})$/.exec(decoded);
  if (!match?.[1]) {
    throw badUserInput(
      "`after` is not a cursor of this list: pass the `endCursor` of the previous page unchanged.",
    );
  }
  return match[1];
}

function requireAddressCode(addressCode: string): string {
  const code = addressCode.trim();
  if (!ADDRESS_CODE.test(code)) {
    throw badUserInput(
      `"${echo(addressCode)}" is not an address code: an address code has exactly 9 digits.`,
    );
  }
  return code;
}

export const Query: QueryResolvers = {
  person: (_parent, { personCode }, { loaders }) =>
    loaders.visiblePerson.load(requirePersonCode(personCode, "personCode")),

  persons: async (_parent, { personCodes }, { loaders, personsBatchLimit, identity }) => {
    if (personCodes.length > personsBatchLimit) {
      throw badUserInput(
        `\`personCodes\` has ${personCodes.length} codes; send at most ${personsBatchLimit} a call and split the rest into further calls.`,
        { limit: personsBatchLimit },
      );
    }
    // A large batch checks its codes in a turn of its own, and its persons are completed in the next.
    await batchTurn(identity, personCodes.length);
    const codes = personCodes.map((input, index) =>
      personCodeOrError(input, `personCodes[${index}]`, { argument: "personCodes", index }),
    );
    const valid = codes.filter((code): code is string => typeof code === "string");
    const rows = await loaders.visiblePerson.loadMany(valid);
    await batchTurn(identity, personCodes.length);
    const byCode = new Map(valid.map((code, i) => [code, rows[i]]));
    // An Error in a list position becomes a located error there; the other positions stay.
    // graphql-js supports this but the generated type cannot say it, hence the one cast.
    return codes.map((code) =>
      typeof code === "string" ? (byCode.get(code) ?? null) : code,
    ) as (PersonRow | null)[];
  },

  personByDocument: async (_parent, { documentNumber }, { db, loaders }) => {
    if (documentNumber.trim().length === 0)
      throw badUserInput("`documentNumber` is empty: pass the number as printed.");
    const personCode = await findPersonCodeByDocument(db, documentNumber);
    return personCode ? loaders.visiblePerson.load(personCode) : null;
  },

  residents: async (_parent, { addressCode, first, after }, { db, loaders }) => {
    const size = first ?? 100;
    if (size < 1 || size > 500) throw badUserInput(`\`first\` is ${size}; ask for 1 to 500 persons a page.`);
    const address = await loaders.address.load(requireAddressCode(addressCode));
    if (!address) return { personCodes: [], hasNextPage: false, totalCount: 0 };
    if (address.kind !== "BUILDING" && address.kind !== "FLAT") {
      throw badUserInput(
        `Address ${address.addressCode} is a ${address.kind.toLowerCase()} (${address.fullAddress}); residents are listed for buildings and flats: pass the code of one.`,
      );
    }
    const codes = await findResidentCodes(db, address);
    const visible = (await loaders.visiblePerson.loadMany(codes)).filter(
      (row): row is PersonRow => row !== null && !(row instanceof Error),
    );
    const afterCode = after ? decodeCursor(after) : null;
    const rest = afterCode ? visible.filter((row) => row.personCode > afterCode) : visible;
    return {
      personCodes: rest.slice(0, size).map((row) => row.personCode),
      hasNextPage: rest.length > size,
      totalCount: visible.length,
    };
  },

  address: (_parent, { addressCode }, { loaders }) => loaders.address.load(requireAddressCode(addressCode)),

  searchPersons: (_parent, args, context) => searchPersons(args, context),
  testPersons,
};

export const PersonConnection: PersonConnectionResolvers = {
  nodes: async (parent, _args, { loaders }) =>
    (await loaders.visiblePerson.loadMany(parent.personCodes)).filter(
      (row): row is PersonRow => row !== null && !(row instanceof Error),
    ),
  pageInfo: (parent) => {
    const last = parent.personCodes.at(-1);
    return { hasNextPage: parent.hasNextPage, endCursor: last ? encodeCursor(last) : null };
  },
};
