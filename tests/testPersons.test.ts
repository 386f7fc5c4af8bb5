import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGrant, type GrantSpec } from "./support/grants";
import { startTestPlatform, type TestPlatform } from "./support/platform";

/** `testPersons` (issue 11, part 2) on the seeded template, through the gateway. */

let platform: TestPlatform;
let sql: postgres.Sql;

beforeAll(async () => {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
  await platform?.stop();
});

interface TestPersonsAnswer {
  status: number;
  body: {
    data?: {
      testPersons: {
        nodes: { personCode: string; characteristics: string[]; person: Record<string, unknown> | null }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } | null;
    errors?: { message: string; extensions: { code: string; dataGroup?: string } }[];
    extensions?: { requestId?: string };
  };
}

const grants = new Map<string, string>();
async function ask(
  spec: GrantSpec,
  variables: Record<string, unknown>,
  selection = "personCode characteristics",
) {
  const id = JSON.stringify(spec);
  const grantNumber = grants.get(id) ?? (await createGrant(platform, spec));
  grants.set(id, grantNumber);
  const response = await fetch(platform.gatewayUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...platform.headersOf({ key: platform.requester.key, grantNumber }),
    },
    body: JSON.stringify({
      query: `query ($c: TestPersonCharacteristic!, $first: Int, $after: String) {
        testPersons(characteristic: $c, first: $first, after: $after) { nodes { ${selection} } pageInfo { hasNextPage endCursor } } }`,
      variables,
    }),
  });
  return { status: response.status, body: (await response.json()) as TestPersonsAnswer["body"] };
}

const ALL_GROUPS = [
  "NAME",
  "BIRTH",
  "CITIZENSHIP",
  "ADDRESS",
  "DOCUMENTS",
  "FAMILY",
  "DEATH",
  "PERSON_CODES",
];
const digits = (code: string) => code.replace("-", "");

describe("testPersons", () => {
  it("lists married persons, ordered by code, with only the characteristics the grant covers, and audits each", async () => {
    const answer = await ask({ dataGroups: ["FAMILY"] }, { c: "MARRIED", first: 10 });
    expect(answer.body.errors).toBeUndefined();
    const nodes = answer.body.data?.testPersons.nodes ?? [];
    expect(nodes).toHaveLength(10);
    const codes = nodes.map((n) => digits(n.personCode));
    expect([...codes].sort()).toEqual(codes);
    const married = await sql<{ code: string }[]>`
      select p.person_code as code from person.persons p where p.person_code in ${sql(codes)} and p.death_date is null
        and exists (select 1 from person.marriages m where (m.spouse_a = p.person_code or m.spouse_b = p.person_code) and m.divorced_on is null)`;
    expect(married).toHaveLength(10);
    for (const node of nodes) {
      expect(node.characteristics).toContain("MARRIED");
      for (const shown of node.characteristics)
        expect(["MARRIED", "DIVORCED", "PARENT", "TWIN"]).toContain(shown);
    }
    const audit = await sql<{ code: string; groups: string[] }[]>`
      select person_code as code, data_groups as groups from audit.disclosures where request_id = ${answer.body.extensions?.requestId ?? ""}`;
    expect(audit.map((row) => digits(row.code)).sort()).toEqual(codes);
    for (const row of audit) expect(row.groups).toContain("FAMILY");
  });

  it("pages by cursor without repeating anyone", async () => {
    const spec = { dataGroups: ["BIRTH"] };
    const first = await ask(spec, { c: "MINOR", first: 3 });
    const page = first.body.data?.testPersons;
    expect(page?.pageInfo.hasNextPage).toBe(true);
    const second = await ask(spec, { c: "MINOR", first: 3, after: page?.pageInfo.endCursor });
    const next = second.body.data?.testPersons.nodes.map((n) => n.personCode) ?? [];
    expect(next).toHaveLength(3);
    expect(next[0]! > (page?.nodes.at(-1)?.personCode ?? "")).toBe(true);
    const bad = await ask(spec, { c: "MINOR", after: "not-a-cursor" });
    expect(bad.body.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
  });

  it("finds a test person for every characteristic the seeded register has, matching the register", async () => {
    const counts = await sql<{ k: string; n: number }[]>`
      select 'FOREIGNER' as k, count(*)::int as n from person.persons where citizenship_status = 'FOREIGNER'
      union all select 'NON_CITIZEN', count(*)::int from person.persons where citizenship_status = 'NON_CITIZEN'
      union all select 'DECEASED', count(*)::int from person.persons where death_date is not null
      union all select 'NEW_FORMAT_CODE', count(*)::int from person.persons where person_code like '32%'
      union all select 'INVALID_DOCUMENT', count(distinct person_code)::int from person.identity_documents where status = 'INVALID'
      union all select 'SEVERAL_ADDRESSES', count(distinct person_code)::int from person.declared_addresses where kind = 'ADDITIONAL' and declared_to is null`;
    for (const { k, n } of counts) {
      expect(n, k).toBeGreaterThan(0);
      const answer = await ask({ dataGroups: ALL_GROUPS }, { c: k, first: 100 });
      expect(answer.body.errors, k).toBeUndefined();
      const nodes = answer.body.data?.testPersons.nodes ?? [];
      expect(nodes.length, k).toBe(Math.min(n, 100));
      expect(answer.body.data?.testPersons.pageInfo.hasNextPage, k).toBe(n > 100);
      for (const node of nodes) expect(node.characteristics, k).toContain(k);
    }
    // The generator makes no twins; a twin pair is made here from two children of one mother.
    const [pair] = await sql<{ mother: string; a: string; b: string }[]>`
      select a.parent_code as mother, a.child_code as a, b.child_code as b from person.parent_child a
        join person.parent_child b on b.parent_code = a.parent_code and b.child_code > a.child_code
       where a.role = 'MOTHER' order by a.parent_code limit 1`;
    await sql`update person.persons set birth_date = (select birth_date from person.persons where person_code = ${pair!.a}) where person_code = ${pair!.b}`;
    const twins = await ask(
      { dataGroups: ALL_GROUPS },
      { c: "TWIN", first: 100 },
      "personCode person { mother { personCode } }",
    );
    expect(twins.body.errors).toBeUndefined();
    expect(twins.body.data?.testPersons.nodes.map((n) => digits(n.personCode))).toEqual(
      [pair!.a, pair!.b].sort(),
    );
  });

  it("refuses a grant without the characteristic's data group, and person fields outside the grant", async () => {
    const answer = await ask({ dataGroups: ["NAME"] }, { c: "FOREIGNER" });
    expect(answer.status).toBe(403);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({
      code: "FORBIDDEN",
      dataGroup: "CITIZENSHIP",
    });
    expect(answer.body.errors?.[0]?.message).toMatch(/Use a grant that covers CITIZENSHIP/);
    const fields = await ask(
      { dataGroups: ["CITIZENSHIP"] },
      { c: "FOREIGNER" },
      "personCode person { givenName }",
    );
    expect(fields.body.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
  });

  it("leaves out persons outside the grant's conditions", async () => {
    const answer = await ask(
      {
        dataGroups: ["CITIZENSHIP", "BIRTH"],
        conditions: [{ field: "sex", operator: "EQUALS", value: "FEMALE" }],
      },
      { c: "FOREIGNER", first: 50 },
      "personCode person { sex }",
    );
    const nodes = answer.body.data?.testPersons.nodes ?? [];
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) expect(node.person?.sex).toBe("FEMALE");
  });

  it("answers only on a TEST platform", async () => {
    process.env.PLATFORM_ENVIRONMENT = "PRODUCTION";
    try {
      const answer = await ask({ dataGroups: ["FAMILY"] }, { c: "MARRIED" });
      expect(answer.body.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
      expect(answer.body.errors?.[0]?.message).toMatch(/only on a TEST platform; this one is PRODUCTION/);
    } finally {
      delete process.env.PLATFORM_ENVIRONMENT;
    }
  });
});
