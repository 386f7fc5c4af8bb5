import { formatPersonCode } from "@rnp/common";

/**
 * Fixed, realistic register data for the stub person subgraph: every valid-looking code is a
 * person whose name, birth, address, documents and family follow from its digits, so a
 * gateway's answers have the shape and size of the real subgraph's without a database.
 */

const GIVEN = {
  MALE: ["Jānis", "Andris", "Mārtiņš", "Edgars", "Kārlis", "Roberts"],
  FEMALE: ["Anna", "Līga", "Kristīne", "Ilze", "Zane", "Elīna"],
} as const;
// One surname in both gendered forms, as a family shares it.
const SURNAMES = [
  ["Bērziņš", "Bērziņa"],
  ["Kalniņš", "Kalniņa"],
  ["Ozols", "Ozola"],
  ["Liepiņš", "Liepiņa"],
  ["Kalējs", "Kalēja"],
] as const;
const STREETS = ["Brīvības iela", "Elizabetes iela", "Krišjāņa Barona iela", "Tērbatas iela"] as const;

type Sex = "MALE" | "FEMALE";

export interface StubPerson {
  personCode: string;
  givenName: string;
  surname: string;
  surnameAtBirth: string;
  sex: Sex;
  birthDate: string;
  birthPlace: string;
  birthCountry: string;
  citizenshipStatus: "CITIZEN";
  citizenship: string;
  nationality: string;
  formerPersonCodes: string[];
  personCodeFormat: "OLD";
  deceased: boolean;
  deathDate: null;
  deathPlace: null;
  nameHistory: never[];
  civilStatus: "MARRIED";
  /** 11 digits, no hyphen: the family's codes are derived from it. */
  digits: string;
}

const digitsOf = (code: string) => code.replace(/\D/g, "").padEnd(11, "0").slice(0, 11);
const seedOf = (digits: string) => [...digits].reduce((sum, digit, i) => sum + Number(digit) * (i + 1), 0);

/** A relative's code: the same birth-date part shifted, a different serial. */
function relativeDigits(digits: string, offset: number): string {
  const serial = (Number(digits.slice(7, 10)) + offset * 37) % 1000;
  return `${digits.slice(0, 7)}${String(serial).padStart(3, "0")}${digits[10]}`;
}

export function stubPerson(code: string, sex?: Sex): StubPerson {
  const digits = digitsOf(code);
  const seed = seedOf(digits);
  const personSex: Sex = sex ?? (seed % 2 === 0 ? "MALE" : "FEMALE");
  const surnames = SURNAMES[seed % SURNAMES.length]!;
  const surname = personSex === "MALE" ? surnames[0] : surnames[1];
  const year = 1950 + (seed % 50);
  return {
    personCode: formatPersonCode(digits),
    givenName: GIVEN[personSex][seed % GIVEN[personSex].length]!,
    surname,
    surnameAtBirth: surname,
    sex: personSex,
    birthDate: `${year}-${String((seed % 12) + 1).padStart(2, "0")}-${String((seed % 28) + 1).padStart(2, "0")}`,
    birthPlace: "Rīga",
    birthCountry: "LVA",
    citizenshipStatus: "CITIZEN",
    citizenship: "LVA",
    nationality: "latvietis",
    formerPersonCodes: [],
    personCodeFormat: "OLD",
    deceased: false,
    deathDate: null,
    deathPlace: null,
    nameHistory: [],
    civilStatus: "MARRIED",
    digits,
  };
}

function address(person: StubPerson) {
  const seed = seedOf(person.digits);
  const building = (seed % 120) + 1;
  const flat = (seed % 40) + 1;
  return {
    addressCode: String(100_000_000 + (seed % 899_999_999)).slice(0, 9),
    kind: "FLAT",
    fullAddress: `${STREETS[seed % STREETS.length]} ${building} - ${flat}, Rīga, LV-10${String(seed % 100).padStart(2, "0")}`,
    postalCode: `LV-10${String(seed % 100).padStart(2, "0")}`,
    municipalityCode: "100003003",
    municipalityName: "Rīga",
  };
}

function documents(person: StubPerson) {
  const seed = seedOf(person.digits);
  return [
    {
      type: "PASSPORT",
      number: `LV${String(1_000_000 + ((seed * 7919) % 8_999_999))}`,
      issuer: "PMLP Rīgas 1. nodaļa",
      issueDate: "2021-03-15",
      expiryDate: "2031-03-14",
      status: "VALID",
      statusReason: null,
      statusChangedOn: null,
    },
    {
      type: "EID_CARD",
      number: `PA${String(1_000_000 + ((seed * 104_729) % 8_999_999))}`,
      issuer: "PMLP Rīgas 2. nodaļa",
      issueDate: "2015-06-01",
      expiryDate: "2025-05-31",
      status: "EXPIRED",
      statusReason: null,
      statusChangedOn: null,
    },
  ];
}

const relative = (person: StubPerson, offset: number, sex?: Sex) =>
  stubPerson(relativeDigits(person.digits, offset), sex);

export const stubPersonResolvers = {
  Query: {
    person: (_: unknown, { personCode }: { personCode: string }) => stubPerson(personCode),
    persons: (_: unknown, { personCodes }: { personCodes: string[] }) =>
      personCodes.map((code) => stubPerson(code)),
    address: () => null,
    personByDocument: () => null,
    residents: () => ({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 }),
  },
  Person: {
    __resolveReference: (reference: { personCode: string }) => stubPerson(reference.personCode),
    declaredAddress: (person: StubPerson) => ({
      address: address(person),
      kind: "DECLARED",
      declaredFrom: "2019-08-01",
      declaredTo: null,
    }),
    additionalAddresses: () => [],
    addressHistory: () => [],
    identityDocuments: (person: StubPerson, { status }: { status?: string }) =>
      documents(person).filter((document) => !status || document.status === status),
    spouse: (person: StubPerson) => relative(person, 1, person.sex === "MALE" ? "FEMALE" : "MALE"),
    marriages: () => [],
    mother: (person: StubPerson) => relative(person, 2, "FEMALE"),
    father: (person: StubPerson) => relative(person, 3, "MALE"),
    children: (person: StubPerson) => [relative(person, 4), relative(person, 5)],
  },
};
