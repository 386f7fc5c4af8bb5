import { badUserInput, recordDisclosure } from "@rnp/common";
import { graphQLError } from "@rnp/policy/errors";
import type { QueryResolvers } from "../__generated__/resolvers-types";
import type { PersonRow } from "../repositories/personRepository";
import {
  CHARACTERISTIC_GROUP,
  characteristicsOf,
  findTestPersonCodes,
  TEST_PERSON_CHARACTERISTICS,
} from "../repositories/testPersonRepository";

const encodeCursor = (personCode: string) => Buffer.from(`test-person:${personCode}`).toString("base64url");
function decodeCursor(cursor: string): string {
  const match = /^test-person:(\d{11})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match?.[1]) {
    throw badUserInput(
      "`after` is not a cursor of this list: pass the `endCursor` of the previous page unchanged.",
    );
  }
  return match[1];
}

/**
 * `Query.testPersons`: codes and characteristics, on a TEST platform only. What it tells
 * about a person (that they are married, a minor, …) is a disclosure of the
 * characteristic's data group, so the grant must cover it, persons outside the grant's
 * conditions are left out (through `visiblePerson`, like `residents`), and each person
 * listed is recorded for the audit with the groups of every characteristic shown.
 */
export const testPersons: NonNullable<QueryResolvers["testPersons"]> = async (
  _parent,
  { characteristic, first, after },
  { db, loaders, identity, disclosures },
) => {
  const environment = process.env.PLATFORM_ENVIRONMENT ?? "TEST";
  if (environment !== "TEST") {
    throw graphQLError(
      "FORBIDDEN",
      `testPersons answers only on a TEST platform; this one is ${environment}. Ask the test platform for test persons.`,
    );
  }
  const granted = identity.grant?.dataGroups ?? [];
  const group = CHARACTERISTIC_GROUP[characteristic];
  if (!granted.includes(group)) {
    throw graphQLError(
      "FORBIDDEN",
      `testPersons(characteristic: ${characteristic}) discloses data group ${group} of every person it lists, which grant ${identity.grant?.number ?? "(none)"} does not cover. Use a grant that covers ${group}.`,
      { dataGroup: group },
    );
  }
  const size = first ?? 20;
  if (size < 1 || size > 100)
    throw badUserInput(`\`first\` is ${size}; ask for 1 to 100 test persons a page.`);
  let afterCode = after ? decodeCursor(after) : null;
  // Persons outside the grant's conditions drop out after the query; read on until the
  // page is full or the list ends, a bounded number of times.
  const page: PersonRow[] = [];
  let exhausted = false;
  for (let round = 0; round < 5 && page.length <= size && !exhausted; round++) {
    const codes = await findTestPersonCodes(db, characteristic, afterCode, size + 1);
    for (const row of await loaders.visiblePerson.loadMany(codes)) {
      if (row && !(row instanceof Error)) page.push(row);
    }
    exhausted = codes.length <= size;
    afterCode = codes.at(-1) ?? afterCode;
  }
  const hasNextPage = page.length > size || !exhausted;
  const listed = page.slice(0, size);
  const shown = TEST_PERSON_CHARACTERISTICS.filter((name) => granted.includes(CHARACTERISTIC_GROUP[name]));
  const characteristics = await characteristicsOf(
    db,
    listed.map((row) => row.personCode),
    shown,
  );
  return {
    nodes: listed.map((row) => {
      const has = characteristics.get(row.personCode) ?? [];
      recordDisclosure(disclosures, row.personCode, [
        group,
        ...has.map((name) => CHARACTERISTIC_GROUP[name]),
      ]);
      return { personCode: row.personCode, characteristics: has, person: row };
    }),
    pageInfo: {
      hasNextPage,
      endCursor: listed.at(-1) ? encodeCursor(listed.at(-1)?.personCode ?? "") : null,
    },
  };
};
