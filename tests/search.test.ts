import { completePersonCode, IDENTITY_HEADER, signIdentity } from "@rnp/common";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGrant } from "./support/grants";
import { startTestPlatform, TEST_SIGNING_SECRET, type TestPlatform } from "./support/platform";

// searchPersons (issue 9, part 6): each kind of identifier, a former code, case and
// diacritics, pages, the grant's groups and conditions, and the audit of what it disclosed.

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

interface Match {
  currentPersonCode: string;
  matchedBy: string;
  person: { personCode: string; givenName?: string; surname?: string; birthDate?: string };
}
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Match[];
}
interface Answer {
  status: number;
  page: Page | null;
  errors: { message: string; extensions: { code: string } }[] | undefined;
  requestId: string;
}

const FULL = `totalCount pageInfo { hasNextPage endCursor }
  nodes { currentPersonCode matchedBy person { personCode givenName surname birthDate } }`;
const TYPES: Record<string, string> = {
  personCode: "String",
  documentNumber: "String",
  addressCode: "String",
  givenName: "String",
  surname: "String",
  birthDate: "Date",
};

/**
 * Sends `searchPersons` with exactly the arguments in `by` (the document writes only those,
 * as the grant's needs are read from the document), under the given grant or the full one.
 */
async function search(
  by: Record<string, string>,
  options: { first?: number; after?: string; grant?: string; selection?: string } = {},
): Promise<Answer> {
  const names = Object.keys(by);
  const declared = [...names.map((n) => `$${n}: ${TYPES[n]}`), "$first: Int", "$after: String"];
  const query = `query Search(${declared.join(", ")}) {
    searchPersons(${[...names.map((n) => `${n}: $${n}`), "first: $first", "after: $after"].join(", ")}) {
      ${options.selection ?? FULL}
    }
  }`;
  const response = await fetch(platform.gatewayUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...platform.headersOf({
        key: platform.requester.key,
        grantNumber: options.grant ?? platform.requester.grantNumber,
      }),
    },
    body: JSON.stringify({ query, variables: { ...by, first: options.first, after: options.after } }),
  });
  const body = (await response.json()) as {
    data?: { searchPersons: Page } | null;
    errors?: Answer["errors"];
    extensions?: { requestId?: string };
  };
  return {
    status: response.status,
    page: body.data?.searchPersons ?? null,
    errors: body.errors,
    requestId: body.extensions?.requestId ?? "",
  };
}

/** All pages of a search, `first` at a time. */
async function allPages(by: Record<string, string>, first: number, grant?: string) {
  const pages: Page[] = [];
  let after: string | undefined;
  for (;;) {
    const answer = await search(by, { first, ...(after ? { after } : {}), ...(grant ? { grant } : {}) });
    expect(answer.errors).toBeUndefined();
    pages.push(answer.page!);
    if (!answer.page!.pageInfo.hasNextPage) return pages;
    after = answer.page!.pageInfo.endCursor!;
  }
}

/** The audit rows of one request: personal code (digits) → sorted data groups. */
async function auditOf(requestId: string) {
  expect(requestId).not.toBe("");
  const rows =
    await sql`select person_code, data_groups from audit.disclosures where request_id = ${requestId}`;
  return Object.fromEntries(
    rows.map((row) => [
      (row.person_code as string).replace("-", ""),
      [...(row.data_groups as string[])].sort(),
    ]),
  );
}

const digits = (code: string) => code.replace("-", "");
const hyphenated = (code: string) => `${code.slice(0, 6)}-${code.slice(6)}`;
/** An independent fold (Unicode decomposition, marks dropped), to build inputs and expectations. */
const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/** A valid personal code the register holds neither as current nor as former code. */
async function unknownCode(): Promise<string> {
  for (let serial = 999; serial > 0; serial--) {
    const code = completePersonCode(`0101901${String(serial).padStart(3, "0")}`);
    if (!code) continue;
    const [held] = await sql`select 1 from person.persons
      where person_code = ${code} or former_person_codes @> array[${code}]::text[]`;
    if (!held) return code;
  }
  throw new Error("no free personal code");
}

describe("searchPersons by personal code", () => {
  it("finds the person by the current code, and says the code is current", async () => {
    const [row] = await sql`select person_code from person.persons order by person_code offset 17 limit 1`;
    const code = row!.person_code as string;
    const { page, errors } = await search({ personCode: code });
    expect(errors).toBeUndefined();
    expect(page!.totalCount).toBe(1);
    expect(page!.nodes.map((n) => [n.matchedBy, n.currentPersonCode, n.person.personCode])).toEqual([
      ["CURRENT_PERSON_CODE", hyphenated(code), hyphenated(code)],
    ]);
  });

  it("resolves a former code to the person, and says which code is current", async () => {
    const [row] = await sql`select person_code, former_person_codes[1] as former from person.persons
      where cardinality(former_person_codes) > 0 order by person_code limit 1`;
    expect(row, "the template register has persons with a former code").toBeDefined();
    const { page, errors } = await search({ personCode: hyphenated(row!.former as string) });
    expect(errors).toBeUndefined();
    expect(page!.nodes).toEqual([
      {
        matchedBy: "FORMER_PERSON_CODE",
        currentPersonCode: hyphenated(row!.person_code as string),
        person: expect.objectContaining({ personCode: hyphenated(row!.person_code as string) }),
      },
    ]);
  });

  it("answers an unknown valid code with an empty page, and an invalid one with BAD_USER_INPUT", async () => {
    const empty = await search({ personCode: await unknownCode() });
    expect(empty.errors).toBeUndefined();
    expect(empty.page).toEqual({
      totalCount: 0,
      pageInfo: { hasNextPage: false, endCursor: null },
      nodes: [],
    });
    const invalid = await search({ personCode: "161175-19990" });
    expect(invalid.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(invalid.errors?.[0]?.message).toContain("check digit");
  });
});

describe("searchPersons by document number and by address code", () => {
  it("finds a document's holder, whatever the case of the number", async () => {
    const [row] =
      await sql`select number, person_code from person.identity_documents order by id offset 5 limit 1`;
    const { page, errors } = await search({ documentNumber: ` ${(row!.number as string).toLowerCase()} ` });
    expect(errors).toBeUndefined();
    expect(page!.nodes.map((n) => [n.matchedBy, digits(n.person.personCode)])).toEqual([
      ["DOCUMENT_NUMBER", row!.person_code],
    ]);
  });

  it("pages through a building's residents (its flats included) in code order, each exactly once", async () => {
    const [building] = await sql`select a.building_code from person.declared_addresses d
      join person.addresses a on a.address_code = d.address_code
      where d.declared_to is null and d.kind = 'DECLARED' and a.kind = 'FLAT'
      group by a.building_code having count(distinct d.person_code) >= 5
      order by a.building_code limit 1`;
    const expected = (
      await sql`select distinct d.person_code from person.declared_addresses d
        join person.addresses a on a.address_code = d.address_code
        where a.building_code = ${building!.building_code} and d.declared_to is null and d.kind = 'DECLARED'
        order by d.person_code`
    ).map((row) => row.person_code as string);
    const pages = await allPages({ addressCode: building!.building_code as string }, 2);
    expect(pages.length).toBe(Math.ceil(expected.length / 2));
    expect(pages.every((p) => p.totalCount === expected.length)).toBe(true);
    expect(pages.flatMap((p) => p.nodes.map((n) => digits(n.person.personCode)))).toEqual(expected);
    expect(pages.flatMap((p) => p.nodes.map((n) => n.matchedBy))).toEqual(expected.map(() => "ADDRESS_CODE"));
  });

  it("refuses a cursor that is not one of a search", async () => {
    const [row] =
      await sql`select address_code from person.declared_addresses where declared_to is null limit 1`;
    const { errors } = await search({ addressCode: row!.address_code as string }, { after: "bm9wZQ" });
    expect(errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0]?.message).toContain("endCursor");
  });
});

describe("searchPersons by given name, surname and birth date", () => {
  it("ignores case and diacritics", async () => {
    const [row] = await sql`select person_code, given_name, surname, birth_date::text as birth_date
      from person.persons where surname ~ '[āčēģīķļņšūž]' and given_name ~ '[āčēģīķļņšūž]'
      order by person_code limit 1`;
    const { given_name: givenName, surname, birth_date: birthDate } = row!;
    const sameDay = await sql`select person_code, given_name, surname from person.persons
      where birth_date = ${birthDate as string} order by person_code`;
    const expected = sameDay
      .filter((p) => fold(p.given_name) === fold(givenName) && fold(p.surname) === fold(surname))
      .map((p) => p.person_code as string);
    expect(expected).toContain(row!.person_code);
    const { page, errors } = await search({
      givenName: fold(givenName).toUpperCase(),
      surname: fold(surname),
      birthDate,
    });
    expect(errors).toBeUndefined();
    expect(page!.nodes.map((n) => digits(n.person.personCode))).toEqual(expected);
    expect(page!.nodes.every((n) => n.matchedBy === "NAME_AND_BIRTH_DATE")).toBe(true);
    expect(page!.nodes.find((n) => digits(n.person.personCode) === row!.person_code)?.person).toMatchObject({
      givenName,
      surname,
    });
  });

  it("finds a name given by changeName: `berzins` finds Bērziņš, not Bērziņa", async () => {
    const [row] = await sql`select person_code, birth_date::text as birth_date from person.persons
      where death_date is null and sex = 'MALE' order by person_code offset 3 limit 1`;
    const code = row!.person_code as string;
    await platform.operator(
      `mutation ($code: String!) { changeName(personCode: $code, givenName: "Jānis", surname: "Bērziņš",
        reason: APPLICATION, on: "${new Date().toISOString().slice(0, 10)}") { personCode } }`,
      { code },
    );
    const birthDate = row!.birth_date as string;
    const found = await search({ givenName: "JANIS", surname: "berzins", birthDate });
    expect(found.page!.nodes.map((n) => [digits(n.person.personCode), n.person.surname])).toContainEqual([
      code,
      "Bērziņš",
    ]);
    const other = await search({ givenName: "janis", surname: "berzina", birthDate });
    expect(other.page!.nodes.map((n) => digits(n.person.personCode))).not.toContain(code);
  });

  it("needs all three, and one kind of identifier only (BAD_USER_INPUT, naming what to send)", async () => {
    const partial = await search({ givenName: "Anna", surname: "Ozola" });
    expect(partial.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(partial.errors?.[0]?.message).toContain("`birthDate`");
    const two = await search({ documentNumber: "LV1234567", addressCode: "100000001" });
    expect(two.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(two.errors?.[0]?.message).toContain("exactly one");
    const none = await search({});
    expect(none.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
  });
});

describe("searchPersons under the grant", () => {
  it("needs the group of the argument written: FORBIDDEN (403) naming it, nothing audited", async () => {
    const grant = await createGrant(platform, { dataGroups: ["NAME", "BIRTH", "ADDRESS"] });
    const [row] = await sql`select number from person.identity_documents limit 1`;
    const refused = await search({ documentNumber: row!.number as string }, { grant });
    expect(refused.status).toBe(403);
    expect(refused.page).toBeNull();
    expect(refused.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect(refused.errors?.[0]?.message).toContain("Query.searchPersons(documentNumber:)");
    expect(refused.errors?.[0]?.message).toContain("DOCUMENTS");
    expect(await auditOf(refused.requestId)).toEqual({});
  });

  it("audits the argument's groups for every person found, with the fields selected", async () => {
    const grant = await createGrant(platform, { dataGroups: ["PERSON_CODES", "NAME", "BIRTH"] });
    const [row] = await sql`select person_code, given_name, surname, birth_date::text as birth_date
      from person.persons order by person_code offset 40 limit 1`;
    const byName = await search(
      {
        givenName: row!.given_name as string,
        surname: row!.surname as string,
        birthDate: row!.birth_date as string,
      },
      { grant, selection: "nodes { currentPersonCode }" },
    );
    expect(byName.errors).toBeUndefined();
    const found = (byName.page!.nodes as { currentPersonCode: string }[]).map((n) =>
      digits(n.currentPersonCode),
    );
    expect(found).toContain(row!.person_code);
    expect(await auditOf(byName.requestId)).toEqual(
      Object.fromEntries(found.map((c) => [c, ["BIRTH", "NAME"]])),
    );
    const byCode = await search(
      { personCode: row!.person_code as string },
      { grant, selection: "nodes { person { givenName } }" },
    );
    expect(await auditOf(byCode.requestId)).toEqual({
      [row!.person_code as string]: ["NAME", "PERSON_CODES"],
    });
  });

  it("leaves out a person outside the grant's conditions, as if unknown, from pages, counts and audit", async () => {
    const grant = await createGrant(platform, {
      dataGroups: ["PERSON_CODES", "NAME", "BIRTH", "ADDRESS"],
      conditions: [{ field: "sex", operator: "EQUALS", value: "FEMALE" }],
    });
    const [flat] = await sql`select d.address_code from person.declared_addresses d
      join person.persons p on p.person_code = d.person_code
      where d.declared_to is null and d.kind = 'DECLARED'
      group by d.address_code having count(*) filter (where p.sex = 'MALE') >= 1
        and count(*) filter (where p.sex = 'FEMALE') >= 1
      order by d.address_code limit 1`;
    const residents = await sql`select p.person_code, p.sex from person.declared_addresses d
      join person.persons p on p.person_code = d.person_code
      where d.address_code = ${flat!.address_code} and d.declared_to is null and d.kind = 'DECLARED'
      order by p.person_code`;
    const women = residents.filter((r) => r.sex === "FEMALE").map((r) => r.person_code as string);
    const man = residents.find((r) => r.sex === "MALE")!.person_code as string;

    const [page] = await allPages({ addressCode: flat!.address_code as string }, 100, grant);
    expect(page!.totalCount).toBe(women.length);
    expect(page!.nodes.map((n) => digits(n.person.personCode))).toEqual(women);

    const hidden = await search({ personCode: man }, { grant });
    const unknown = await search({ personCode: await unknownCode() }, { grant });
    expect(hidden.errors).toBeUndefined();
    expect(hidden.status).toBe(unknown.status);
    expect(hidden.page).toEqual(unknown.page);
    expect(await auditOf(hidden.requestId)).toEqual({});
  });

  it("is refused by the person subgraph itself when the grant lacks the argument's group", async () => {
    const request = JSON.stringify({
      query: 'query { searchPersons(addressCode: "100000001") { totalCount } }',
    });
    const identity = {
      requestId: "search-defence",
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
    const token = await signIdentity(identity, {
      keys: TEST_SIGNING_SECRET,
      audience: "person",
      body: request,
    });
    const response = await fetch(platform.subgraphUrls.person, {
      method: "POST",
      headers: { "content-type": "application/json", [IDENTITY_HEADER]: token },
      body: request,
    });
    const body = (await response.json()) as { data?: unknown; errors?: Answer["errors"] };
    expect(body.errors?.[0]?.extensions.code).toBe("FORBIDDEN");
    expect(body.errors?.[0]?.message).toContain("discloses data group ADDRESS");
  });
});
