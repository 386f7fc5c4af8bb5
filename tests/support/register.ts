import postgres from "postgres";
import { expect } from "vitest";
import { type GraphQLResponse, startTestPlatform, type TestPlatform } from "./platform";

/**
 * The platform and a direct database connection shared by the register-change test files
 * (one platform per file: vitest loads this module afresh for each file), with the helpers
 * those files read the register and its change log through.
 */
let platform: TestPlatform;
let sql: postgres.Sql;

export async function startRegisterStack(): Promise<{ platform: TestPlatform; sql: postgres.Sql }> {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 4, onnotice: () => {} });
  return { platform, sql };
}

export async function stopRegisterStack(): Promise<void> {
  await sql?.end();
  await platform?.stop();
}

const DAY = 86_400_000;
export const today = new Date().toISOString().slice(0, 10);
export const yesterday = new Date(Date.now() - DAY).toISOString().slice(0, 10);
export const hyphenated = (code: string) => `${code.slice(0, 6)}-${code.slice(6)}`;

interface LogRow {
  seq: number;
  person_code: string;
  data_groups: string[];
  kind: string;
}

export async function lastSeq(): Promise<number> {
  const [row] = await sql`select coalesce(max(seq), 0)::int as seq from person.change_log`;
  return row!.seq as number;
}

export async function logAfter(seq: number): Promise<Omit<LogRow, "seq">[]> {
  const rows = await sql<LogRow[]>`select seq::int, person_code, data_groups, kind
    from person.change_log where seq > ${seq} order by seq`;
  return rows.map(({ person_code, data_groups, kind }) => ({ person_code, data_groups, kind }));
}

/** Runs an operation with the operator's key and returns the whole response (errors included). */
export function asOperator<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>) {
  return platform.query<T>(query, variables, {
    headers: { authorization: `Bearer ${platform.operatorKey}` },
  });
}

export function codeOf(response: GraphQLResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

interface DeclarationView {
  declaredFrom: string;
  declaredTo: string | null;
  kind: string;
  address: { addressCode: string; fullAddress: string; municipalityName: string };
}

/** A person as the gateway returns it; only the fields a query selects are present. */
export interface PersonView {
  personCode: string;
  givenName: string;
  surname: string;
  nameHistory: { givenName: string; surname: string; validTo: string; changeReason: string }[];
  citizenshipStatus: string;
  citizenship: string | null;
  declaredAddress: DeclarationView | null;
  addressHistory: DeclarationView[];
  identityDocuments: { type: string; number: string; status: string; statusReason: string | null }[];
  civilStatus: string;
  spouse: { personCode: string } | null;
  marriages: { marriedOn: string; place: string; divorcedOn: string | null }[];
  children: { personCode: string }[];
}

/** The person as a requester with a full grant sees it through the gateway. */
export async function person(code: string, selection: string): Promise<PersonView> {
  const result = await platform.query<{ person: PersonView | null }>(
    `query ($code: String!) { person(personCode: $code) { ${selection} } }`,
    { code },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.person).toBeTruthy();
  return result.data!.person!;
}

/** A living adult (30–60) with a current residence declared before today, not in `exclude`. */
export async function livingAdult(exclude: readonly string[], extra = sql``): Promise<string> {
  const [row] = await sql`
    select p.person_code from person.persons p
    join person.declared_addresses d on d.person_code = p.person_code
      and d.kind = 'DECLARED' and d.declared_to is null and d.declared_from < ${today}
    where p.death_date is null
      and p.birth_date between ${today}::date - interval '60 years' and ${today}::date - interval '30 years'
      and p.person_code <> all(${exclude as string[]}::text[])
      ${extra}
    order by p.person_code limit 1`;
  if (!row) throw new Error("the seeded register has no such person");
  return row.person_code as string;
}

export const DECLARE = `mutation ($p: String!, $a: String!, $from: Date!) {
  declareAddress(personCode: $p, addressCode: $a, from: $from) { personCode }
}`;
