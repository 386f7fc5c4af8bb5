import { badUserInput, echo, formatPersonCode } from "@rnp/common";
import type {
  PersonSearchConnectionResolvers,
  PersonSearchMatchKind,
  PersonSearchMatchResolvers,
  QuerySearchPersonsArgs,
} from "../__generated__/resolvers-types";
import type { PersonContext } from "../context";
import type { PersonRow } from "../repositories/personRepository";
import {
  findHolderCodesOfDocument,
  findPersonsByAnyCode,
  findPersonsByNameAndBirthDate,
  findResidentCodesOf,
} from "../repositories/search";
import { requirePersonCode } from "./personCodes";

export interface PersonSearchMatchParent {
  personCode: string;
  matchedBy: PersonSearchMatchKind;
}

export interface PersonSearchPage {
  matches: PersonSearchMatchParent[];
  /** The persons on the page, for the disclosure report (see `personCodesReturned` in access.ts). */
  personCodes: string[];
  hasNextPage: boolean;
  totalCount: number;
}

const PAGE_LIMIT = 500;
const ADDRESS_CODE = /^\d{9}$/;
const KINDS_SENTENCE =
  "give exactly one of `personCode`, `documentNumber`, `addressCode`, or `givenName`, `surname` and `birthDate` together";

const encodeCursor = (personCode: string) => Buffer.from(`search:${personCode}`).toString("base64url");
function decodeCursor(cursor: string): string {
  const match = /^search:(\d{11})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match?.[1]) {
    throw badUserInput(
      "`after` is not a cursor of a search: pass the `endCursor` of the previous page of the same search unchanged.",
    );
  }
  return match[1];
}

/** Trimmed, inner whitespace collapsed; empty is refused, naming the argument. */
function text(value: string, argument: string): string {
  const cleaned = value.trim().replace(/\s+/g, " ");
  if (cleaned.length === 0) throw badUserInput(`\`${argument}\` is empty: ${KINDS_SENTENCE}.`);
  return cleaned;
}

/**
 * Every match of the one identifier the arguments give, in personal-code order, before the
 * grant's conditions: one statement on the identifier's table. Rows of `persons` that the
 * statement already read are primed into the loader, so they are not read twice.
 */
async function findMatches(args: QuerySearchPersonsArgs, { db, loaders }: PersonContext) {
  const { personCode, documentNumber, addressCode, givenName, surname, birthDate } = args;
  const nameParts = { givenName, surname, birthDate };
  const nameGiven = Object.values(nameParts).some((value) => value != null);
  const kinds = [personCode != null, documentNumber != null, addressCode != null, nameGiven];
  if (kinds.filter(Boolean).length !== 1) {
    throw badUserInput(
      `\`searchPersons\` got ${kinds.filter(Boolean).length} kinds of identifier: ${KINDS_SENTENCE}.`,
    );
  }
  const primed = (rows: PersonRow[], matchedBy: (row: PersonRow) => PersonSearchMatchKind) =>
    rows.map((row) => {
      loaders.person.prime(row.personCode, row);
      return { personCode: row.personCode, matchedBy: matchedBy(row) };
    });
  if (personCode != null) {
    const code = requirePersonCode(personCode, "personCode");
    return primed(await findPersonsByAnyCode(db, code), (row) =>
      row.personCode === code ? "CURRENT_PERSON_CODE" : "FORMER_PERSON_CODE",
    );
  }
  if (documentNumber != null) {
    const codes = await findHolderCodesOfDocument(db, text(documentNumber, "documentNumber").toUpperCase());
    return codes.map((code) => ({ personCode: code, matchedBy: "DOCUMENT_NUMBER" as const }));
  }
  if (addressCode != null) {
    const code = addressCode.trim();
    if (!ADDRESS_CODE.test(code)) {
      throw badUserInput(
        `"${echo(addressCode)}" is not an address code: an address code has exactly 9 digits.`,
      );
    }
    const codes = await findResidentCodesOf(db, code);
    return codes.map((resident) => ({ personCode: resident, matchedBy: "ADDRESS_CODE" as const }));
  }
  const missing = Object.entries(nameParts).filter(([, value]) => value == null);
  if (missing.length > 0) {
    throw badUserInput(
      `A search by name needs \`givenName\`, \`surname\` and \`birthDate\` together; add ${missing.map(([name]) => `\`${name}\``).join(" and ")}.`,
    );
  }
  const rows = await findPersonsByNameAndBirthDate(db, {
    givenName: text(givenName!, "givenName"),
    surname: text(surname!, "surname"),
    birthDate: birthDate!,
  });
  return primed(rows, () => "NAME_AND_BIRTH_DATE");
}

/**
 * `Query.searchPersons`: the matches the grant's conditions let through (others are left
 * out of the page and the count alike, as if unknown), then the page after the cursor.
 * Statements do not grow with the page: one for the identifier, at most one batch of
 * `persons` and, under a municipality condition, one of declared addresses.
 */
export async function searchPersons(
  args: QuerySearchPersonsArgs,
  context: PersonContext,
): Promise<PersonSearchPage> {
  const size = args.first ?? 20;
  if (size < 1 || size > PAGE_LIMIT) {
    throw badUserInput(`\`first\` is ${size}; ask for 1 to ${PAGE_LIMIT} persons a page.`);
  }
  const afterCode = args.after ? decodeCursor(args.after) : null;
  const matches = await findMatches(args, context);
  const rows = await context.loaders.visiblePerson.loadMany(matches.map((match) => match.personCode));
  const visible = matches.filter((_, i) => {
    const row = rows[i];
    return row != null && !(row instanceof Error);
  });
  const rest = afterCode ? visible.filter((match) => match.personCode > afterCode) : visible;
  const page = rest.slice(0, size);
  return {
    matches: page,
    personCodes: page.map((match) => match.personCode),
    hasNextPage: rest.length > size,
    totalCount: visible.length,
  };
}

export const PersonSearchConnection: PersonSearchConnectionResolvers = {
  nodes: (parent) => parent.matches,
  pageInfo: (parent) => {
    const last = parent.personCodes.at(-1);
    return { hasNextPage: parent.hasNextPage, endCursor: last ? encodeCursor(last) : null };
  },
};

export const PersonSearchMatch: PersonSearchMatchResolvers = {
  // Already loaded and checked against the conditions by `searchPersons`: a cache hit.
  person: async (match, _args, { loaders }) => {
    const row = await loaders.visiblePerson.load(match.personCode);
    if (!row) throw new Error(`search match ${match.personCode} vanished from the request's loader`);
    return row;
  },
  currentPersonCode: (match) => formatPersonCode(match.personCode),
};
