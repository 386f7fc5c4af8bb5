import { checkPersonCode, formatPersonCode } from "@rnp/common";
import type { PersonResolvers } from "../__generated__/resolvers-types";
import type { PersonRow } from "../repositories/personRepository";

function existing(rows: (PersonRow | null | Error)[]): PersonRow[] {
  return rows.filter((row): row is PersonRow => row !== null && !(row instanceof Error));
}

export const Person: PersonResolvers = {
  // Other subgraphs may send the code with or without the hyphen; an invalid one is unknown.
  __resolveReference: (reference, { loaders }) => {
    const check = checkPersonCode(reference.personCode);
    return check.valid ? loaders.visiblePerson.load(check.code) : null;
  },
  personCode: (person) => formatPersonCode(person.personCode),
  formerPersonCodes: (person) => person.formerPersonCodes.map(formatPersonCode),
  personCodeFormat: (person) => (person.personCode.startsWith("32") ? "NEW" : "OLD"),
  citizenship: (person) => person.citizenshipCountry,
  nameHistory: (person, _args, { loaders }) => loaders.nameHistory.load(person.personCode),

  declaredAddress: async (person, _args, { loaders }) =>
    (await loaders.declaredAddresses.load(person.personCode)).find(
      (row) => row.kind === "DECLARED" && row.declaredTo === null,
    ) ?? null,
  additionalAddresses: async (person, _args, { loaders }) =>
    (await loaders.declaredAddresses.load(person.personCode)).filter(
      (row) => row.kind === "ADDITIONAL" && row.declaredTo === null,
    ),
  addressHistory: (person, _args, { loaders }) => loaders.declaredAddresses.load(person.personCode),

  identityDocuments: async (person, { status }, { loaders }) => {
    const documents = await loaders.documents.load(person.personCode);
    return status ? documents.filter((document) => document.status === status) : documents;
  },

  civilStatus: async (person, _args, { loaders }) => {
    const [latest] = (await loaders.family.load(person.personCode)).marriages;
    if (!latest) return "SINGLE";
    if (latest.divorcedOn) return "DIVORCED";
    const spouseCode = latest.spouseA === person.personCode ? latest.spouseB : latest.spouseA;
    // The spouse's death decides the person's own civil status, even where the grant's
    // conditions hide the spouse.
    const spouse = await loaders.person.load(spouseCode);
    return spouse?.deathDate ? "WIDOWED" : "MARRIED";
  },
  spouse: async (person, _args, { loaders }) => {
    const [latest] = (await loaders.family.load(person.personCode)).marriages;
    if (!latest || latest.divorcedOn) return null;
    const spouse = await loaders.visiblePerson.load(
      latest.spouseA === person.personCode ? latest.spouseB : latest.spouseA,
    );
    return spouse && !spouse.deathDate ? spouse : null;
  },
  marriages: async (person, _args, { loaders }) =>
    (await loaders.family.load(person.personCode)).marriages.map((marriage) => ({
      spouseCode: marriage.spouseA === person.personCode ? marriage.spouseB : marriage.spouseA,
      marriedOn: marriage.marriedOn,
      place: marriage.place,
      divorcedOn: marriage.divorcedOn,
    })),
  mother: async (person, _args, { loaders }) => {
    const link = (await loaders.family.load(person.personCode)).links.find(
      (row) => row.childCode === person.personCode && row.role === "MOTHER",
    );
    return link ? loaders.visiblePerson.load(link.parentCode) : null;
  },
  father: async (person, _args, { loaders }) => {
    const link = (await loaders.family.load(person.personCode)).links.find(
      (row) => row.childCode === person.personCode && row.role === "FATHER",
    );
    return link ? loaders.visiblePerson.load(link.parentCode) : null;
  },
  children: async (person, _args, { loaders }) => {
    const codes = (await loaders.family.load(person.personCode)).links
      .filter((row) => row.parentCode === person.personCode)
      .map((row) => row.childCode);
    return existing(await loaders.visiblePerson.loadMany(codes)).sort((a, b) =>
      a.birthDate.localeCompare(b.birthDate),
    );
  },

  deceased: (person) => person.deathDate !== null,
};
