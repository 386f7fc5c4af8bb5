import { IDENTITY_HEADER, signIdentity } from "@rnp/common";
import { entryPointDisclosuresOf, loadSupergraphSdl } from "@rnp/schema";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGrant } from "./support/grants";
import { startTestPlatform, TEST_SIGNING_SECRET, type TestPlatform } from "./support/platform";

let platform: TestPlatform;
let sql: postgres.Sql;
let addressCode: string;
let documentNumber: string;
let holder: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 2, onnotice: () => {} });
  // An address with several living residents, so a page discloses more than one person.
  const [address] = await sql`
    select d.address_code from person.declared_addresses d
    join person.persons p on p.person_code = d.person_code and p.death_date is null
    where d.declared_to is null group by d.address_code having count(*) >= 2
    order by d.address_code limit 1`;
  addressCode = address!.address_code;
  const [document] = await sql`
    select i.number, i.person_code from person.identity_documents i
    join person.persons p on p.person_code = i.person_code and p.death_date is null
    order by i.id limit 1`;
  documentNumber = document!.number;
  holder = document!.person_code;
});
afterAll(async () => {
  await sql?.end();
  await platform?.stop();
});

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions: { code: string; field?: string; dataGroup?: string } }[];
    extensions?: { requestId?: string };
  };
}

async function underGrant(
  dataGroups: string[],
  query: string,
  variables: Record<string, unknown>,
): Promise<Answer> {
  const grantNumber = await createGrant(platform, { dataGroups });
  const response = await fetch(platform.gatewayUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...platform.headersOf({ key: platform.requester.key, grantNumber }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

/** The audit rows of one request: personal code (digits only) → sorted data groups. */
async function auditOf(requestId: string | undefined) {
  expect(requestId).toBeDefined();
  const rows =
    await sql`select person_code, data_groups from audit.disclosures where request_id = ${requestId!}`;
  return Object.fromEntries(
    rows.map((row) => [
      (row.person_code as string).replace("-", ""),
      [...(row.data_groups as string[])].sort(),
    ]),
  );
}

const digits = (code: string) => code.replace("-", "");

const RESIDENTS_NAMES =
  "query ($a: String!) { residents(addressCode: $a, first: 500) { nodes { personCode givenName } } }";
const HOLDER_NAME = "query ($n: String!) { personByDocument(documentNumber: $n) { personCode surname } }";

describe("the SDL marks of entry points", () => {
  it("declare which data groups a selecting argument reveals", () => {
    expect(Object.fromEntries(entryPointDisclosuresOf(loadSupergraphSdl()))).toEqual({
      "Query.personByDocument": ["DOCUMENTS"],
      "Query.residents": ["ADDRESS"],
      "Query.searchPersons(personCode:)": ["PERSON_CODES"],
      "Query.searchPersons(documentNumber:)": ["DOCUMENTS"],
      "Query.searchPersons(addressCode:)": ["ADDRESS"],
      "Query.searchPersons(givenName:)": ["NAME"],
      "Query.searchPersons(surname:)": ["NAME"],
      "Query.searchPersons(birthDate:)": ["BIRTH"],
    });
  });

  it("refuse a group the catalog does not declare", () => {
    const sdl = loadSupergraphSdl().replace(
      '@discloses(dataGroups: ["ADDRESS"])',
      '@discloses(dataGroups: ["ADDRESSES"])',
    );
    expect(() => entryPointDisclosuresOf(sdl)).toThrow(
      /Query\.residents is marked @discloses\(dataGroups: \["ADDRESSES"\]\)/,
    );
  });
});

describe("residents(addressCode)", () => {
  it("is refused FORBIDDEN (HTTP 403) under a grant without ADDRESS, naming the field and the group, and nothing is audited", async () => {
    const { status, body } = await underGrant(["NAME"], RESIDENTS_NAMES, { a: addressCode });
    expect(status).toBe(403);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect(body.errors?.[0]?.message).toContain("Query.residents");
    expect(body.errors?.[0]?.message).toContain("ADDRESS");
    expect(await auditOf(body.extensions?.requestId)).toEqual({});
  });

  it("under ADDRESS and NAME audits ADDRESS and NAME for every resident returned", async () => {
    const { status, body } = await underGrant(["NAME", "ADDRESS"], RESIDENTS_NAMES, { a: addressCode });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const nodes = (body.data!.residents as { nodes: { personCode: string; givenName: string }[] }).nodes;
    expect(nodes.length).toBeGreaterThanOrEqual(2);
    expect(await auditOf(body.extensions?.requestId)).toEqual(
      Object.fromEntries(nodes.map((node) => [digits(node.personCode), ["ADDRESS", "NAME"]])),
    );
  });

  it("audits ADDRESS for persons named only by their code or a cursor", async () => {
    const { body } = await underGrant(
      ["ADDRESS"],
      "query ($a: String!) { residents(addressCode: $a, first: 1) { nodes { personCode } pageInfo { endCursor } } }",
      { a: addressCode },
    );
    expect(body.errors).toBeUndefined();
    const [node] = (body.data!.residents as { nodes: { personCode: string }[] }).nodes;
    expect(await auditOf(body.extensions?.requestId)).toEqual({ [digits(node!.personCode)]: ["ADDRESS"] });
  });
});

describe("personByDocument(documentNumber)", () => {
  it("is refused FORBIDDEN (HTTP 403) under a grant without DOCUMENTS, naming the field and the group", async () => {
    const { status, body } = await underGrant(["NAME"], HOLDER_NAME, { n: documentNumber });
    expect(status).toBe(403);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect(body.errors?.[0]?.message).toContain("Query.personByDocument");
    expect(body.errors?.[0]?.message).toContain("DOCUMENTS");
    expect(await auditOf(body.extensions?.requestId)).toEqual({});
  });

  it("under DOCUMENTS and NAME audits DOCUMENTS and NAME for the holder", async () => {
    const { status, body } = await underGrant(["NAME", "DOCUMENTS"], HOLDER_NAME, { n: documentNumber });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(digits((body.data!.personByDocument as { personCode: string }).personCode)).toBe(digits(holder));
    expect(await auditOf(body.extensions?.requestId)).toEqual({ [digits(holder)]: ["DOCUMENTS", "NAME"] });
  });
});

describe("the person subgraph, called with a valid identity whose grant lacks the group", () => {
  it("refuses residents itself (defence in depth)", async () => {
    const identity = {
      requestId: "entry-point-defence",
      requesterId: Number(platform.requester.requesterId),
      keyId: 1,
      role: "REQUESTER" as const,
      grant: {
        id: 1,
        number: "G-NAME-ONLY",
        dataGroups: ["NAME"],
        conditions: [],
        purpose: "Testing",
        monitoringAllowed: false,
      },
      issuedAt: Date.now(),
    };
    const request = JSON.stringify({ query: RESIDENTS_NAMES, variables: { a: addressCode } });
    const token = await signIdentity(identity, {
      keys: TEST_SIGNING_SECRET,
      audience: "person",
      body: request,
    });
    const response = await fetch(platform.subgraphUrls.person, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [IDENTITY_HEADER]: token,
      },
      body: request,
    });
    const body = (await response.json()) as Answer["body"];
    expect(body.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect(body.errors?.[0]?.message).toContain("Query.residents discloses data group ADDRESS");
    expect(body.data?.residents ?? null).toBeNull();
  });
});
