import type postgres from "postgres";

/** The three operations of issue 10, sent unchanged to every gateway and to the person subgraph. */
export const OPERATIONS = {
  one: {
    label: "one person (address, documents)",
    query: `query OnePerson($code: String!) { person(personCode: $code) {
  personCode givenName surname birthDate citizenshipStatus
  declaredAddress { address { fullAddress } }
  identityDocuments(status: VALID) { type number expiryDate }
} }`,
  },
  batch: {
    label: "`persons` with 100 codes",
    query: `query HundredPersons($codes: [String!]!) { persons(personCodes: $codes) {
  personCode givenName surname birthDate
  declaredAddress { address { fullAddress } }
  identityDocuments(status: VALID) { type number expiryDate }
} }`,
  },
  family: {
    label: "family, two levels",
    query: `query Family($code: String!) { person(personCode: $code) {
  personCode givenName surname civilStatus
  spouse { personCode givenName surname birthDate declaredAddress { address { fullAddress } } }
  mother { personCode givenName surname birthDate children { personCode givenName surname } }
  father { personCode givenName surname birthDate children { personCode givenName surname } }
  children { personCode givenName surname birthDate
    spouse { personCode givenName surname }
    children { personCode givenName surname birthDate } }
} }`,
  },
} as const;

export type OperationName = keyof typeof OPERATIONS;
export const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];
export const BATCH_SIZE = 100;

/** How requests vary: a different person in every request, or the very same body each time. */
export type Variables = "varied" | "identical";

/** Personal codes of the bench register to ask for (11 digits, as stored). */
export interface BenchCodes {
  /** Persons with a current address and a valid document. */
  persons: string[];
  /** Persons with a spouse, children and at least one registered parent. */
  families: string[];
}

/**
 * Picks the persons the operations ask for, spread over the register (ordered by a hash,
 * not by code, so consecutive requests do not read neighbouring index pages). Fails with a
 * sentence when the register has too few of them to vary the requests.
 */
export async function pickCodes(sql: postgres.Sql, count = 5_000): Promise<BenchCodes> {
  const persons = (
    await sql`
      select p.person_code from person.persons p
      where exists (select 1 from person.declared_addresses d
                    where d.person_code = p.person_code and d.declared_to is null)
        and exists (select 1 from person.identity_documents i
                    where i.person_code = p.person_code and i.status = 'VALID')
      order by md5(p.person_code) limit ${count}`
  ).map((row) => row.person_code as string);
  const families = (
    await sql`
      select p.person_code from person.persons p
      where exists (select 1 from person.marriages m
                    where (m.spouse_a = p.person_code or m.spouse_b = p.person_code) and m.divorced_on is null)
        and exists (select 1 from person.parent_child c where c.parent_code = p.person_code)
        and exists (select 1 from person.parent_child c where c.child_code = p.person_code)
      order by md5(p.person_code) limit ${count}`
  ).map((row) => row.person_code as string);
  if (persons.length < BATCH_SIZE * 2 || families.length < 10) {
    throw new Error(
      `The bench register has ${persons.length} persons with an address and a valid document and ${families.length} with spouse, children and parents; seed a larger one (pnpm bench --persons 10000 seeds .data/bench-postgres when empty).`,
    );
  }
  return { persons, families };
}

/** The request bodies of one operation: every request a different one (varied), or one body. */
export function requestBodies(operation: OperationName, codes: BenchCodes, variables: Variables): string[] {
  const { query } = OPERATIONS[operation];
  const body = (vars: Record<string, unknown>) => JSON.stringify({ query, variables: vars });
  if (variables === "identical") {
    if (operation === "batch") return [body({ codes: codes.persons.slice(0, BATCH_SIZE) })];
    return [body({ code: operation === "family" ? codes.families[0] : codes.persons[0] })];
  }
  if (operation === "batch") {
    // Overlapping windows: each request a different set of 100, the bodies far fewer than the codes × 100.
    const bodies: string[] = [];
    for (let start = 0; start + BATCH_SIZE <= codes.persons.length; start += 7) {
      bodies.push(body({ codes: codes.persons.slice(start, start + BATCH_SIZE) }));
    }
    return bodies;
  }
  return (operation === "family" ? codes.families : codes.persons).map((code) => body({ code }));
}
