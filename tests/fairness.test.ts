import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "./support/platform";

// A large query runs one root field at a time, each after a turn that is fair by requester
// (gateway/src/limits/slicedExecution.ts): the answer, its errors and its audit are those of
// the query run whole. How much it spares another requester is measured by `pnpm bench
// --only 3` (the aliased flood), not asserted here.

let platform: TestPlatform;
let sql: postgres.Sql;
let codes: string[];

beforeAll(async () => {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 1, onnotice: () => {} });
  codes = (await sql`select person_code from person.persons order by person_code limit 2400`).map(
    (row) => row.person_code as string,
  );
});
afterAll(async () => {
  await sql?.end();
  await platform?.stop();
});

const SELECTIONS = {
  first: "personCode surname birthDate",
  second: "personCode surname",
  third: "personCode givenName",
};
const ALIASED = `query Aliased($a: [String!]!, $b: [String!]!, $c: [String!]!) {
  first: persons(personCodes: $a) { ${SELECTIONS.first} }
  second: persons(personCodes: $b) { ${SELECTIONS.second} }
  third: persons(personCodes: $c) { ${SELECTIONS.third} }
}`;

/** One root field of ALIASED on its own (a query of one root field is never sliced). */
const alone = (field: keyof typeof SELECTIONS, personCodes: string[]) =>
  platform.query<Record<string, unknown>>(
    `query ($v: [String!]!) { ${field}: persons(personCodes: $v) { ${SELECTIONS[field]} } }`,
    { v: personCodes },
  );

/** Statements that read persons by code (one per batch the person subgraph received). */
const personReads = () =>
  platform.statements.filter((statement) =>
    /from "person"\."persons" where "person"\."persons"\."person_code" = any\(/.test(statement),
  );

describe("a large query, sliced by root field", () => {
  it("answers as its root fields asked one by one, errors in place, and reaches the subgraph as one batch per field", async () => {
    expect(codes).toHaveLength(2400);
    const variables = {
      a: codes.slice(0, 800),
      b: [...codes.slice(800, 1599), "not-a-code"],
      c: codes.slice(1600),
    };
    platform.resetStatements();
    const whole = await platform.query<Record<string, { personCode?: string }[]>>(ALIASED, variables);
    // Cost 2 400 (at least 2 000): three slices, so the subgraph gets three batches, not one of 2 400.
    expect(personReads()).toHaveLength(3);
    expect(Object.keys(whole.data ?? {})).toEqual(["first", "second", "third"]);
    expect(whole.data?.first).toHaveLength(800);
    expect(whole.data?.second?.[799]).toBeNull();
    expect(whole.errors).toEqual([
      expect.objectContaining({
        path: ["second", 799],
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }),
      }),
    ]);
    expect((await alone("first", variables.a)).data?.first).toEqual(whole.data?.first);
    expect((await alone("second", variables.b)).data?.second).toEqual(whole.data?.second);
    expect((await alone("third", variables.c)).data?.third).toEqual(whole.data?.third);
  });

  it("audits every person of every slice under the request's one id", async () => {
    const variables = { a: codes.slice(0, 700), b: codes.slice(700, 1400), c: codes.slice(1400, 2100) };
    const answer = await platform.query(ALIASED, variables);
    expect(answer.errors).toBeUndefined();
    const requestId = (answer.extensions as { requestId: string }).requestId;
    const [row] = await sql`select count(*)::int as rows, count(distinct person_code)::int as persons
      from audit.disclosures where request_id = ${requestId}`;
    expect(row).toEqual({ rows: 2100, persons: 2100 });
  });

  it("keeps a cheap query whole", async () => {
    platform.resetStatements();
    const cheap = await platform.query(ALIASED, {
      a: codes.slice(0, 10),
      b: codes.slice(10, 20),
      c: codes.slice(20, 30),
    });
    expect(cheap.errors).toBeUndefined();
    // Below the cost to slice: the subgraph batches the three fields' persons in one statement.
    expect(personReads()).toHaveLength(1);
  });
});
