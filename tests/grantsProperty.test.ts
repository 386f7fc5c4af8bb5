import fc from "fast-check";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerChanges } from "./support/changes";
import { createGrant } from "./support/grants";
import { ALL_GROUPS, type GraphQLResponse, startTestPlatform, type TestPlatform } from "./support/platform";
import { until } from "./support/wait";

/** Fields selected for each data group, as written in the query (response key first). */
const FIELDS: Record<string, string[]> = {
  PERSON_CODES: ["personCodeFormat", "formerPersonCodes"],
  NAME: ["givenName", "surname"],
  BIRTH: ["birthDate", "sex"],
  CITIZENSHIP: ["citizenshipStatus", "citizenship"],
  ADDRESS: ["declaredAddress { address { municipalityCode } }"],
  DOCUMENTS: ["identityDocuments { number }"],
  FAMILY: ["civilStatus", "children { personCode }"],
  DEATH: ["deceased", "deathDate"],
};
/** Response key of a Person field → its data group (`personCode` has none). */
const GROUP_OF_KEY = new Map<string, string>([
  ...Object.entries(FIELDS).flatMap(([group, fields]) =>
    fields.map((f) => [f.split(" ")[0]!, group] as [string, string]),
  ),
  ["spouse", "FAMILY"],
]);

interface Row {
  person_code: string;
  birth_date: string;
  sex: string;
  citizenship_status: string;
  death_date: string | null;
}

const today = new Date().toISOString().slice(0, 10);
const ageOf = (birth: string) => {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) < birth.slice(5) ? years - 1 : years;
};

/** Each condition with a predicate written independently of the platform's evaluator. */
const CONDITIONS = [
  {
    spec: { field: "age", operator: "GREATER_THAN", value: 17 },
    holds: (r: Row) => ageOf(r.birth_date) > 17,
  },
  { spec: { field: "sex", operator: "EQUALS", value: "FEMALE" }, holds: (r: Row) => r.sex === "FEMALE" },
  {
    spec: { field: "citizenshipStatus", operator: "ONE_OF", value: ["CITIZEN", "NON_CITIZEN"] },
    holds: (r: Row) => r.citizenship_status === "CITIZEN" || r.citizenship_status === "NON_CITIZEN",
  },
  {
    spec: { field: "birthDate", operator: "BEFORE", value: "1980-01-01" },
    holds: (r: Row) => r.birth_date < "1980-01-01",
  },
  { spec: { field: "deceased", operator: "EQUALS", value: false }, holds: (r: Row) => r.death_date === null },
];
type Condition = (typeof CONDITIONS)[number];

/**
 * The entry points a requester can reach persons by, each with the groups its argument
 * discloses by itself (the `@discloses` marks) and the persons it returns at the root.
 */
type EntryPoint = "person" | "persons" | "nested" | "residents" | "personByDocument";
const ENTRY_POINTS: EntryPoint[] = ["person", "persons", "nested", "residents", "personByDocument"];
const ENTRY_GROUPS: Record<EntryPoint, string[]> = {
  person: [],
  persons: [],
  nested: ["FAMILY"],
  residents: ["ADDRESS"],
  personByDocument: ["DOCUMENTS"],
};

let platform: TestPlatform;
let sql: postgres.Sql;
let sample: Row[];
/** Buildings and flats with at least two residents, and documents of sample persons. */
let addresses: string[];
let documents: string[];
const rows = new Map<string, Row>();
const canonical = (code: string) => code.replace("-", "");

async function rowOf(code: string): Promise<Row> {
  const key = canonical(code);
  if (!rows.has(key)) {
    const [row] = await sql<
      Row[]
    >`select person_code, birth_date::text, sex, citizenship_status, death_date::text
      from person.persons where person_code = ${key}`;
    rows.set(key, row!);
  }
  return rows.get(key)!;
}

beforeAll(async () => {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 2, onnotice: () => {} });
  // Parents of young and old children, the dead, non-citizens: persons every condition splits.
  sample = await sql<Row[]>`select person_code, birth_date::text, sex, citizenship_status, death_date::text
    from person.persons order by md5(person_code || 'property') limit 40`;
  for (const row of sample) rows.set(row.person_code, row);
  addresses = (
    await sql`select d.address_code from person.declared_addresses d
      join person.addresses a on a.address_code = d.address_code and a.kind in ('BUILDING', 'FLAT')
      where d.declared_to is null group by d.address_code having count(*) >= 2
      order by md5(d.address_code) limit 10`
  ).map((r) => r.address_code as string);
  documents = (
    await sql`select number from person.identity_documents
      where person_code = any(${sample.map((r) => r.person_code)}) order by number limit 10`
  ).map((r) => r.number as string);
});
afterAll(async () => {
  await sql?.end();
  await platform?.stop();
});

/** Every object in a response that is a person (has `personCode`), with where it was found. */
function personsIn(
  value: unknown,
  root: boolean,
  found: { person: Record<string, unknown>; root: boolean }[],
) {
  if (Array.isArray(value)) {
    for (const item of value) personsIn(item, root, found);
    return found;
  }
  if (value === null || typeof value !== "object") return found;
  const object = value as Record<string, unknown>;
  if (typeof object.personCode === "string") {
    found.push({ person: object, root });
    for (const [key, child] of Object.entries(object))
      if (key !== "personCode") personsIn(child, false, found);
    return found;
  }
  for (const child of Object.values(object)) personsIn(child, root, found);
  return found;
}

/** The audit rows one request wrote: personal code → data groups. */
async function auditOf(requestId: unknown): Promise<Map<string, string[]>> {
  expect(typeof requestId).toBe("string");
  const audited =
    await sql`select person_code, data_groups from audit.disclosures where request_id = ${requestId as string}`;
  const byPerson = new Map<string, string[]>();
  for (const row of audited) {
    // One row per (request, person): a second one would be a duplicate disclosure record.
    expect(byPerson.has(row.person_code)).toBe(false);
    byPerson.set(row.person_code, [...(row.data_groups as string[])].sort());
  }
  return byPerson;
}

/**
 * Checks what reached the client and what the audit holds: every person satisfies the
 * conditions, every field is in a granted group, and the audit has exactly one row per
 * disclosed person with the groups of the fields it got plus what its entry point discloses.
 */
async function checkDisclosures(
  result: GraphQLResponse,
  granted: string[],
  conditions: Condition[],
  expectedExtra: (person: string, root: boolean) => string[],
) {
  expect(result.errors).toBeUndefined();
  const expected = new Map<string, Set<string>>();
  for (const { person, root } of personsIn(result.data, true, [])) {
    const code = canonical(person.personCode as string);
    const row = await rowOf(code);
    expect(conditions.every((c) => c.holds(row))).toBe(true);
    const groups = expected.get(code) ?? new Set<string>();
    for (const key of Object.keys(person)) {
      if (key === "personCode") continue;
      const group = GROUP_OF_KEY.get(key);
      expect(group, `Person.${key}`).toBeDefined();
      expect(granted).toContain(group);
      groups.add(group!);
    }
    for (const group of expectedExtra(code, root)) groups.add(group);
    expected.set(code, groups);
  }
  const audited = await auditOf(result.extensions?.requestId);
  expect(Object.fromEntries(audited)).toEqual(
    Object.fromEntries([...expected].map(([code, groups]) => [code, [...groups].sort()])),
  );
}

function operationOf(entry: EntryPoint, selection: string, offset: number) {
  const codes = sample.slice(offset, offset + 10).map((r) => r.person_code);
  switch (entry) {
    case "person":
      return {
        query: `query ($code: String!) { person(personCode: $code) { personCode ${selection} } }`,
        variables: { code: codes[0] },
      };
    case "persons":
      return {
        query: `query ($codes: [String!]!) { persons(personCodes: $codes) { personCode ${selection} } }`,
        variables: { codes },
      };
    case "nested":
      return {
        query: `query ($codes: [String!]!) { persons(personCodes: $codes) { personCode
          spouse { personCode ${selection} } children { personCode ${selection} } } }`,
        variables: { codes },
      };
    case "residents":
      return {
        query: `query ($address: String!) { residents(addressCode: $address, first: 50) {
          nodes { personCode ${selection} } } }`,
        variables: { address: addresses[offset % addresses.length] },
      };
    case "personByDocument":
      return {
        query: `query ($number: String!) { personByDocument(documentNumber: $number) { personCode ${selection} } }`,
        variables: { number: documents[offset % documents.length] },
      };
  }
}

/** Resolves once the notifier has made `count` notifications of the set (delivered or withheld). */
/** Resolves once the notifier has followed the change log to its current end. */
async function notifierCaughtUp() {
  const [end] = await sql`select coalesce(max(seq), 0)::bigint as seq from person.change_log`;
  // No NOTIFY says so when no set got a notification: the follower's position is polled.
  await until(async () => {
    const [position] = await sql`select min(change_seq) as change_seq from monitoring.notifier_partitions`;
    return Boolean(position && BigInt(position.change_seq) >= BigInt(end!.seq));
  }, `the notifier to reach change ${end!.seq}`);
}

describe("grants against random operations (property)", () => {
  it("never return a field, a person or an entry point's fact outside the grant, and audit each disclosure once with its groups", async () => {
    expect(addresses.length).toBeGreaterThan(0);
    expect(documents.length).toBeGreaterThan(0);
    let refused = 0;
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(ALL_GROUPS, { minLength: 1 }),
        fc.subarray(CONDITIONS, { maxLength: 2 }),
        fc.constantFrom(...ENTRY_POINTS),
        fc.subarray(ALL_GROUPS, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 30 }),
        async (granted, conditions, entry, selected, offset) => {
          const number = await createGrant(platform, {
            dataGroups: granted,
            conditions: conditions.map((c) => c.spec),
          });
          const selection = selected.flatMap((group) => FIELDS[group]!).join(" ");
          const { query, variables } = operationOf(entry, selection, offset);
          const result = await platform.query(query, variables, {
            headers: platform.headersOf({ key: platform.requester.key, grantNumber: number }),
          });
          const needed = [...selected, ...ENTRY_GROUPS[entry]];
          if (!needed.every((group) => granted.includes(group))) {
            refused++;
            expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
            expect(result.data ?? null).toBeNull();
            expect((await auditOf(result.extensions?.requestId)).size).toBe(0);
            return;
          }
          answered++;
          if (entry === "persons" || entry === "nested") {
            // Request order, with null exactly where the conditions hide a person.
            const persons = (result.data as { persons: (Record<string, unknown> | null)[] }).persons;
            const codes = variables.codes as string[];
            expect(persons).toHaveLength(codes.length);
            for (const [index, person] of persons.entries()) {
              const visible = conditions.every((c) => c.holds(rows.get(codes[index]!)!));
              expect(person === null).toBe(!visible);
            }
          }
          await checkDisclosures(result, granted, conditions, (_code, root) =>
            root ? ENTRY_GROUPS[entry].filter((g) => g !== "FAMILY") : [],
          );
        },
      ),
      { numRuns: 120 },
    );
    // Both outcomes were exercised, so neither branch is vacuous.
    expect(refused).toBeGreaterThan(10);
    expect(answered).toBeGreaterThan(10);
  });

  it("notify and audit only changes of members who satisfy the grant's conditions, in the set's groups", async () => {
    const members = sample.slice(0, 20).map((r) => r.person_code);
    let delivered = 0;
    let withheld = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(CONDITIONS, { minLength: 1, maxLength: 2 }),
        fc.subarray(members, { minLength: 1, maxLength: 8 }),
        fc.constantFrom<string[]>(["ADDRESS"], ["NAME"], ["ADDRESS", "NAME"]),
        fc.subarray(["NAME", "BIRTH"], { maxLength: 2 }),
        async (conditions, changed, changedGroups, selected) => {
          const granted = ["ADDRESS", "NAME", "BIRTH"];
          const number = await createGrant(platform, {
            dataGroups: granted,
            conditions: conditions.map((c) => c.spec),
          });
          await platform.operator(
            `mutation { updateGrant(number: "${number}", input: { monitoringAllowed: true }) { number } }`,
          );
          const headers = platform.headersOf({ key: platform.requester.key, grantNumber: number });
          const created = await platform.query<{ createMonitoringSet: { id: string } }>(
            'mutation { createMonitoringSet(input: { name: "property", dataGroups: ["ADDRESS", "NAME"] }) { id } }',
            {},
            { headers },
          );
          expect(created.errors).toBeUndefined();
          const setId = created.data!.createMonitoringSet.id;
          const added = await platform.query(
            "mutation ($set: ID!, $codes: [String!]!) { addMonitoredPersons(setId: $set, personCodes: $codes) { changed } }",
            { set: setId, codes: members },
            { headers },
          );
          expect(added.errors).toBeUndefined();
          await registerChanges(
            sql,
            changed.map((personCode) => ({ personCode, dataGroups: changedGroups })),
          );
          // Only changes of members the grant covers are numbered (the others move no counter):
          // wait until the notifier has read them all.
          await notifierCaughtUp();
          const selection = selected.flatMap((group) => FIELDS[group]!).join(" ");
          const result = await platform.query<{
            changes: {
              nodes: { personCode: string; dataGroups: string[]; person: Record<string, unknown> | null }[];
            };
          }>(
            `query ($set: ID!) { changes(setId: $set, first: 1000) {
              nodes { personCode dataGroups person { personCode ${selection} } } } }`,
            { set: setId },
            { headers },
          );
          expect(result.errors).toBeUndefined();
          const nodes = result.data!.changes.nodes;
          const visible = changed.filter((code) => conditions.every((c) => c.holds(rows.get(code)!)));
          delivered += visible.length;
          withheld += changed.length - visible.length;
          // Exactly the changes of members inside the conditions, each with the changed groups.
          expect(nodes.map((n) => canonical(n.personCode)).sort()).toEqual([...visible].sort());
          for (const node of nodes) expect([...node.dataGroups].sort()).toEqual([...changedGroups].sort());
          const changedOf = new Map(nodes.map((n) => [canonical(n.personCode), n.dataGroups]));
          await checkDisclosures(
            { data: { nodes: nodes.map((n) => n.person) }, extensions: result.extensions ?? {} },
            granted,
            conditions,
            (code) => changedOf.get(code) ?? [],
          );
        },
      ),
      { numRuns: 15 },
    );
    expect(delivered).toBeGreaterThan(0);
    expect(withheld).toBeGreaterThan(0);
  });
});
