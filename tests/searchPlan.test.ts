import { createDatabase, type DatabaseClient } from "@rnp/db";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchQueries } from "../subgraphs/person/src/repositories/search";
import { startTestPlatform, type TestPlatform } from "./support/platform";

// searchPersons stays one statement per table it reads, whatever the page size, and each
// statement is answered from an index: EXPLAIN of exactly the statements the repository sends.

let platform: TestPlatform;
let sql: postgres.Sql;
let client: DatabaseClient;

beforeAll(async () => {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 1, onnotice: () => {} });
  client = createDatabase(platform.databaseUrl, { max: 1 });
  // Fresh statistics, as autovacuum would gather them on a live register.
  await sql`analyze person.persons, person.identity_documents, person.addresses, person.declared_addresses`;
});
afterAll(async () => {
  await client?.close();
  await sql?.end();
  await platform?.stop();
});

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

/** Every node of a plan, depth first. */
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/**
 * The plan of a query builder's statement, with its parameters. `seqscan: false` runs it with
 * `enable_seqscan = off` (a sequential scan is then only chosen when no index can answer).
 */
async function planOf(query: { toSQL(): { sql: string; params: unknown[] } }, seqscan = true) {
  const { sql: text, params } = query.toSQL();
  const rows = await sql.begin(async (tx) => {
    if (!seqscan) await tx`set local enable_seqscan = off`;
    return tx.unsafe(`explain (format json) ${text}`, params as postgres.ParameterOrJSON<never>[]);
  });
  const plan = (rows[0]!["QUERY PLAN"] as { Plan: PlanNode }[])[0]!.Plan;
  return { nodes: nodesOf(plan), seqScans: nodesOf(plan).filter((n) => n["Node Type"] === "Seq Scan") };
}

const indexesOf = (nodes: PlanNode[]) =>
  new Set(nodes.flatMap((n) => (n["Index Name"] ? [n["Index Name"]] : [])));

describe("EXPLAIN of the searchPersons statements (3 000-person register, analysed)", () => {
  it("a personal code, current or former: the primary key or the GIN index of former codes", async () => {
    const [row] = await sql`select former_person_codes[1] as former from person.persons
      where cardinality(former_person_codes) > 0 limit 1`;
    const { nodes, seqScans } = await planOf(searchQueries.byAnyPersonCode(client.db, row!.former as string));
    expect(seqScans).toEqual([]);
    expect(indexesOf(nodes)).toEqual(new Set(["persons_pkey", "persons_former_codes_idx"]));
  });

  it("given name, surname and birth date: the folded-name index", async () => {
    const [row] =
      await sql`select given_name, surname, birth_date::text as birth_date from person.persons limit 1`;
    const { nodes, seqScans } = await planOf(
      searchQueries.byNameAndBirthDate(client.db, {
        givenName: row!.given_name as string,
        surname: row!.surname as string,
        birthDate: row!.birth_date as string,
      }),
    );
    expect(seqScans).toEqual([]);
    expect(indexesOf(nodes)).toEqual(new Set(["persons_folded_name_birth_idx"]));
  });

  it("a document number: its unique index", async () => {
    const [row] = await sql`select number from person.identity_documents limit 1`;
    const { nodes, seqScans } = await planOf(
      searchQueries.byDocumentNumber(client.db, row!.number as string),
    );
    expect(seqScans).toEqual([]);
    expect(indexesOf(nodes)).toEqual(new Set(["identity_documents_number_idx"]));
  });

  it("an address code: the address's key or its flats by building, then current declarations there", async () => {
    // declared_addresses is small enough in the test register (~3 000 rows) that the planner
    // would rather scan it whole; with sequential scans off it must show an index can answer.
    const [row] = await sql`select building_code from person.addresses where kind = 'FLAT' limit 1`;
    const { nodes, seqScans } = await planOf(
      searchQueries.byResidence(client.db, row!.building_code as string),
      false,
    );
    expect(seqScans).toEqual([]);
    expect(indexesOf(nodes)).toEqual(
      new Set(["addresses_pkey", "addresses_building_idx", "declared_addresses_address_idx"]),
    );
  });
});

describe("SQL statements per searchPersons call", () => {
  const statementsFor = async (query: string, variables: Record<string, unknown>) => {
    platform.resetStatements();
    const result = await platform.query<{ searchPersons: { nodes: unknown[] } }>(query, variables);
    expect(result.errors).toBeUndefined();
    return {
      nodes: result.data!.searchPersons.nodes.length,
      // Array-type lookups the driver makes on each new connection are pool set-up, not work.
      statements: platform.statements.filter((statement) => !statement.includes("pg_catalog.pg_type")),
    };
  };
  const BY_ADDRESS = `query ($a: String!, $first: Int) { searchPersons(addressCode: $a, first: $first) {
    totalCount nodes { currentPersonCode person { givenName surname birthDate } } } }`;

  it("are the same, one per table, for a page of 1 and a page of 50 residents", async () => {
    const [row] = await sql`select a.building_code from person.declared_addresses d
      join person.addresses a on a.address_code = d.address_code
      where d.declared_to is null and d.kind = 'DECLARED' and a.building_code is not null
      group by a.building_code having count(*) >= 8 order by count(*) desc limit 1`;
    await statementsFor(BY_ADDRESS, { a: row!.building_code, first: 50 }); // opens the pool's connections
    const one = await statementsFor(BY_ADDRESS, { a: row!.building_code, first: 1 });
    const many = await statementsFor(BY_ADDRESS, { a: row!.building_code, first: 50 });
    expect(one.nodes).toBe(1);
    expect(many.nodes).toBeGreaterThanOrEqual(8);
    expect(many.statements.length).toBe(one.statements.length);
    // The residents (declarations joined with addresses), then the persons found, in one batch.
    expect(many.statements).toHaveLength(2);
    expect(many.statements[0]).toMatch(/"declared_addresses".*"addresses"/s);
    expect(many.statements[1]).toMatch(/from "person"\."persons"/);
  });

  it("read persons once for a name search: the search's own rows are the ones shown", async () => {
    const [row] =
      await sql`select given_name, surname, birth_date::text as birth_date from person.persons limit 1`;
    const { nodes, statements } = await statementsFor(
      `query ($g: String!, $s: String!, $b: Date!) { searchPersons(givenName: $g, surname: $s, birthDate: $b) {
        nodes { person { personCode givenName surname } } } }`,
      { g: row!.given_name, s: row!.surname, b: row!.birth_date },
    );
    expect(nodes).toBeGreaterThanOrEqual(1);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain("person.fold_name");
  });
});
