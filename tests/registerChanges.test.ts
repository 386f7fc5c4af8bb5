import { completePersonCode, genderedSurname, IDENTITY_HEADER, signIdentity } from "@rnp/common";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type GraphQLResponse,
  startTestPlatform,
  TEST_SIGNING_SECRET,
  type TestPlatform,
} from "./support/platform";

let platform: TestPlatform;
let sql: postgres.Sql;

beforeAll(async () => {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 4, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
  await platform?.stop();
});

const DAY = 86_400_000;
const today = new Date().toISOString().slice(0, 10);
const yesterday = new Date(Date.now() - DAY).toISOString().slice(0, 10);
const hyphenated = (code: string) => `${code.slice(0, 6)}-${code.slice(6)}`;

/** A valid code of someone born on 1 January 1850: the synthetic register starts in 1925. */
const UNKNOWN_CODE = ["0101500001", "0101500002", "0101500003"]
  .map((ten) => completePersonCode(ten))
  .find((code): code is string => code !== null)!;

interface LogRow {
  seq: number;
  person_code: string;
  data_groups: string[];
  kind: string;
}

async function lastSeq(): Promise<number> {
  const [row] = await sql`select coalesce(max(seq), 0)::int as seq from person.change_log`;
  return row!.seq as number;
}

async function logAfter(seq: number): Promise<Omit<LogRow, "seq">[]> {
  const rows = await sql<LogRow[]>`select seq::int, person_code, data_groups, kind
    from person.change_log where seq > ${seq} order by seq`;
  return rows.map(({ person_code, data_groups, kind }) => ({ person_code, data_groups, kind }));
}

/** Runs an operation with the operator's key and returns the whole response (errors included). */
function asOperator<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>) {
  return platform.query<T>(query, variables, {
    headers: { authorization: `Bearer ${platform.operatorKey}` },
  });
}

function codeOf(response: GraphQLResponse): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

interface DeclarationView {
  declaredFrom: string;
  declaredTo: string | null;
  kind: string;
  address: { addressCode: string; fullAddress: string; municipalityName: string };
}

/** A person as the gateway returns it; only the fields a query selects are present. */
interface PersonView {
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
async function person(code: string, selection: string): Promise<PersonView> {
  const result = await platform.query<{ person: PersonView | null }>(
    `query ($code: String!) { person(personCode: $code) { ${selection} } }`,
    { code },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.person).toBeTruthy();
  return result.data!.person!;
}

/** A living adult (30–60) with a current residence declared before today, not in `exclude`. */
async function livingAdult(exclude: readonly string[], extra = sql``): Promise<string> {
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

const used: string[] = [];

const DECLARE = `mutation ($p: String!, $a: String!, $from: Date!) {
  declareAddress(personCode: $p, addressCode: $a, from: $from) { personCode }
}`;

describe("register changes: each mutation changes the person and logs its data groups", () => {
  it("declareAddress closes the current residence the day before and opens the new one", async () => {
    const code = await livingAdult(used);
    used.push(code);
    const [flat] = await sql`select a.address_code from person.addresses a where a.kind = 'FLAT'
      and not exists (select 1 from person.declared_addresses d where d.address_code = a.address_code and d.declared_to is null)
      order by a.address_code limit 1`;
    const before = await lastSeq();
    const data = await platform.operator<{ declareAddress: { personCode: string } }>(DECLARE, {
      p: code, // without the hyphen
      a: flat!.address_code,
      from: today,
    });
    expect(data.declareAddress.personCode).toBe(hyphenated(code));
    const after = await person(
      hyphenated(code),
      "declaredAddress { declaredFrom declaredTo address { addressCode } } addressHistory { declaredFrom declaredTo kind }",
    );
    expect(after.declaredAddress).toEqual({
      declaredFrom: today,
      declaredTo: null,
      address: { addressCode: flat!.address_code },
    });
    const previous = after.addressHistory.filter((row: { kind: string }) => row.kind === "DECLARED")[1];
    expect(previous?.declaredTo).toBe(yesterday);
    expect(await logAfter(before)).toEqual([
      { person_code: code, data_groups: ["ADDRESS"], kind: "ADDRESS_DECLARED" },
    ]);
  });

  it("changeName renames the person and keeps the old name in the history", async () => {
    const code = await livingAdult(used);
    used.push(code);
    const old = await person(code, "givenName surname");
    const before = await lastSeq();
    await platform.operator(
      `mutation ($p: String!) {
        changeName(personCode: $p, givenName: "Ērika Līva", surname: "Ķirsone", reason: APPLICATION, on: "${today}") { personCode }
      }`,
      { p: hyphenated(code) },
    );
    const after = await person(
      code,
      "givenName surname nameHistory { givenName surname validTo changeReason }",
    );
    expect(after.givenName).toBe("Ērika Līva");
    expect(after.surname).toBe("Ķirsone");
    expect(after.nameHistory[0]).toEqual({
      givenName: old.givenName,
      surname: old.surname,
      validTo: yesterday,
      changeReason: "APPLICATION",
    });
    expect(await logAfter(before)).toEqual([
      { person_code: code, data_groups: ["NAME"], kind: "NAME_CHANGED" },
    ]);
  });

  let issuedNumber = "";
  let holder = "";

  it("issueDocument gives a new number and replaces the valid passport", async () => {
    const [row] = await sql`select d.person_code, d.number from person.identity_documents d
      join person.persons p on p.person_code = d.person_code
      where d.type = 'PASSPORT' and d.status = 'VALID' and p.death_date is null
        and p.citizenship_status = 'CITIZEN' and p.birth_date < ${today}::date - interval '25 years'
        and p.person_code <> all(${used}::text[])
      order by d.person_code limit 1`;
    holder = row!.person_code;
    used.push(holder);
    const before = await lastSeq();
    const data = await platform.operator<{
      issueDocument: { holder: { personCode: string }; document: { number: string; expiryDate: string } };
    }>(
      `mutation ($p: String!, $on: Date!) {
        issueDocument(personCode: $p, type: PASSPORT, issuer: "PMLP Rīgas 1. nodaļa", on: $on) {
          holder { personCode } document { number expiryDate }
        }
      }`,
      { p: holder, on: today },
    );
    issuedNumber = data.issueDocument.document.number;
    expect(issuedNumber).toMatch(/^LV\d{7}$/);
    expect(data.issueDocument.document.expiryDate).toBe(`${Number(today.slice(0, 4)) + 10}${today.slice(4)}`);
    expect(data.issueDocument.holder.personCode).toBe(hyphenated(holder));
    const after = await person(holder, "identityDocuments { type number status statusReason issueDate }");
    const passports = after.identityDocuments.filter((d: { type: string }) => d.type === "PASSPORT");
    expect(passports.filter((d: { status: string }) => d.status === "VALID")).toEqual([
      { type: "PASSPORT", number: issuedNumber, status: "VALID", statusReason: null, issueDate: today },
    ]);
    expect(passports.find((d: { number: string }) => d.number === row!.number)).toMatchObject({
      status: "INVALID",
      statusReason: "replaced",
    });
    expect(await logAfter(before)).toEqual([
      { person_code: holder, data_groups: ["DOCUMENTS"], kind: "DOCUMENT_ISSUED" },
    ]);
  });

  it("invalidateDocument makes a valid document invalid, once", async () => {
    const before = await lastSeq();
    const mutation = `mutation ($n: String!, $on: Date!) {
      invalidateDocument(number: $n, reason: "lost", on: $on) { holder { personCode } document { status } }
    }`;
    const data = await platform.operator<{ invalidateDocument: { document: { status: string } } }>(mutation, {
      n: issuedNumber.toLowerCase(),
      on: today,
    });
    expect(data.invalidateDocument.document.status).toBe("INVALID");
    const after = await person(holder, "identityDocuments { number status statusReason statusChangedOn }");
    expect(after.identityDocuments.find((d: { number: string }) => d.number === issuedNumber)).toEqual({
      number: issuedNumber,
      status: "INVALID",
      statusReason: "lost",
      statusChangedOn: today,
    });
    expect(await logAfter(before)).toEqual([
      { person_code: holder, data_groups: ["DOCUMENTS"], kind: "DOCUMENT_INVALIDATED" },
    ]);
    const again = await asOperator(mutation, { n: issuedNumber, on: today });
    expect(codeOf(again)).toBe("BAD_USER_INPUT");
    expect(again.errors?.[0]?.message).toMatch(/already; only a valid document can be invalidated/);
    const unknown = await asOperator(mutation, { n: "LV0000000X", on: today });
    expect(codeOf(unknown)).toBe("NOT_FOUND");
    expect(await lastSeq()).toBe(before + 1);
  });

  let husband = "";
  let wife = "";

  it("registerMarriage marries two single adults; the wife takes the husband's surname", async () => {
    const never = sql`and not exists (select 1 from person.marriages m where p.person_code in (m.spouse_a, m.spouse_b))`;
    husband = await livingAdult(used, sql`and p.sex = 'MALE' ${never}`);
    wife = await livingAdult(
      used,
      sql`and p.sex = 'FEMALE' and p.birth_date > ${today}::date - interval '40 years' ${never}`,
    );
    used.push(husband, wife);
    const man = await person(husband, "surname");
    const woman = await person(wife, "surname");
    const before = await lastSeq();
    await platform.operator(
      `mutation ($a: String!, $b: String!, $on: Date!) {
        registerMarriage(personCodeA: $a, personCodeB: $b, on: $on, place: "Rīgas dzimtsarakstu nodaļa", surnameOfA: true) { personCode }
      }`,
      { a: husband, b: hyphenated(wife), on: today },
    );
    const a = await person(
      husband,
      "civilStatus spouse { personCode } marriages { marriedOn place divorcedOn }",
    );
    expect(a.civilStatus).toBe("MARRIED");
    expect(a.spouse).toEqual({ personCode: hyphenated(wife) });
    expect(a.marriages[0]).toEqual({
      marriedOn: today,
      place: "Rīgas dzimtsarakstu nodaļa",
      divorcedOn: null,
    });
    const b = await person(wife, "civilStatus surname nameHistory { surname validTo changeReason }");
    expect(b.civilStatus).toBe("MARRIED");
    expect(b.surname).toBe(genderedSurname(man.surname, "FEMALE"));
    expect(b.nameHistory[0]).toEqual({
      surname: woman.surname,
      validTo: yesterday,
      changeReason: "MARRIAGE",
    });
    expect(await logAfter(before)).toEqual([
      { person_code: husband, data_groups: ["FAMILY"], kind: "MARRIAGE" },
      { person_code: wife, data_groups: ["NAME", "FAMILY"], kind: "MARRIAGE" },
    ]);
  });

  it("registerBirth adds a child with a new-format code, the father's surname and the mother's residence", async () => {
    const mother = await person(
      wife,
      "citizenshipStatus citizenship declaredAddress { address { addressCode } }",
    );
    const father = await person(husband, "surname");
    const before = await lastSeq();
    const data = await platform.operator<{ registerBirth: { personCode: string } }>(
      `mutation ($input: RegisterBirthInput!) { registerBirth(input: $input) { personCode } }`,
      {
        input: {
          motherCode: hyphenated(wife),
          fatherCode: husband,
          givenName: "Anna",
          sex: "FEMALE",
          birthDate: today,
          birthPlace: "Rīga",
        },
      },
    );
    const childCode = data.registerBirth.personCode;
    expect(childCode).toMatch(/^32\d{4}-\d{5}$/);
    const child = await person(
      childCode,
      `personCodeFormat givenName surname surnameAtBirth sex birthDate birthPlace birthCountry citizenshipStatus citizenship
       declaredAddress { declaredFrom address { addressCode } } mother { personCode } father { personCode } civilStatus`,
    );
    expect(child).toEqual({
      personCodeFormat: "NEW",
      givenName: "Anna",
      surname: genderedSurname(father.surname, "FEMALE"),
      surnameAtBirth: genderedSurname(father.surname, "FEMALE"),
      sex: "FEMALE",
      birthDate: today,
      birthPlace: "Rīga",
      birthCountry: "LVA",
      citizenshipStatus: mother.citizenshipStatus,
      citizenship: mother.citizenship,
      declaredAddress: { declaredFrom: today, address: mother.declaredAddress?.address },
      mother: { personCode: hyphenated(wife) },
      father: { personCode: hyphenated(husband) },
      civilStatus: "SINGLE",
    });
    const parent = await person(wife, "children { personCode }");
    expect(parent.children.map((c: { personCode: string }) => c.personCode)).toContain(childCode);
    const bare = childCode.replace("-", "");
    expect(await logAfter(before)).toEqual([
      {
        person_code: bare,
        data_groups: ["PERSON_CODES", "NAME", "BIRTH", "CITIZENSHIP", "ADDRESS", "FAMILY"],
        kind: "BIRTH",
      },
      { person_code: wife, data_groups: ["FAMILY"], kind: "BIRTH" },
      { person_code: husband, data_groups: ["FAMILY"], kind: "BIRTH" },
    ]);
  });

  it("registerDivorce dissolves a current marriage", async () => {
    const [row] = await sql`select m.spouse_a, m.spouse_b from person.marriages m
      join person.persons a on a.person_code = m.spouse_a and a.death_date is null
      join person.persons b on b.person_code = m.spouse_b and b.death_date is null
      where m.divorced_on is null and m.married_on < ${today}
        and m.spouse_a <> all(${used}::text[]) and m.spouse_b <> all(${used}::text[])
      order by m.id limit 1`;
    const [a, b] = [row!.spouse_a as string, row!.spouse_b as string];
    used.push(a, b);
    const before = await lastSeq();
    await platform.operator(
      `mutation ($a: String!, $b: String!, $on: Date!) { registerDivorce(personCodeA: $a, personCodeB: $b, on: $on) { personCode } }`,
      { a: b, b: a, on: today },
    );
    for (const code of [a, b]) {
      const after = await person(code, "civilStatus spouse { personCode } marriages { divorcedOn }");
      expect(after.civilStatus).toBe("DIVORCED");
      expect(after.spouse).toBeNull();
      expect(after.marriages[0]?.divorcedOn).toBe(today);
    }
    expect(await logAfter(before)).toEqual([
      { person_code: b, data_groups: ["FAMILY"], kind: "DIVORCE" },
      { person_code: a, data_groups: ["FAMILY"], kind: "DIVORCE" },
    ]);
  });

  it("registerDeath records the death, invalidates documents, ends declarations and widows the spouse", async () => {
    const [row] = await sql`select m.spouse_a, m.spouse_b from person.marriages m
      join person.persons a on a.person_code = m.spouse_a and a.death_date is null
      join person.persons b on b.person_code = m.spouse_b and b.death_date is null
      where m.divorced_on is null
        and exists (select 1 from person.identity_documents d where d.person_code = m.spouse_a and d.status = 'VALID')
        and exists (select 1 from person.declared_addresses d where d.person_code = m.spouse_a
                      and d.declared_to is null and d.declared_from <= ${today})
        and m.spouse_a <> all(${used}::text[]) and m.spouse_b <> all(${used}::text[])
      order by m.id limit 1`;
    const [deceased, spouse] = [row!.spouse_a as string, row!.spouse_b as string];
    used.push(deceased, spouse);
    const before = await lastSeq();
    await platform.operator(
      `mutation ($p: String!, $on: Date!) { registerDeath(personCode: $p, on: $on, place: "Jelgava") { personCode } }`,
      { p: deceased, on: today },
    );
    const after = await person(
      deceased,
      "deceased deathDate deathPlace declaredAddress { declaredFrom } identityDocuments(status: VALID) { number } addressHistory { declaredTo }",
    );
    expect(after).toMatchObject({
      deceased: true,
      deathDate: today,
      deathPlace: "Jelgava",
      declaredAddress: null,
    });
    expect(after.identityDocuments).toEqual([]);
    expect(after.addressHistory.every((d: { declaredTo: string | null }) => d.declaredTo !== null)).toBe(
      true,
    );
    const [{ n }] = (await sql`select count(*)::int as n from person.identity_documents
      where person_code = ${deceased} and status_reason = 'holder died' and status_changed_on = ${today}`) as never as [
      { n: number },
    ];
    expect(n).toBeGreaterThan(0);
    const widow = await person(spouse, "civilStatus spouse { personCode }");
    expect(widow).toEqual({ civilStatus: "WIDOWED", spouse: null });
    expect(await logAfter(before)).toEqual([
      { person_code: deceased, data_groups: ["ADDRESS", "DOCUMENTS", "DEATH"], kind: "DEATH" },
      { person_code: spouse, data_groups: ["FAMILY"], kind: "DEATH" },
    ]);
  });
});

describe("refusals write nothing", () => {
  async function counts() {
    const [row] = await sql`select
      (select count(*)::int from person.change_log) as log,
      (select count(*)::int from person.declared_addresses) as declarations,
      (select count(*)::int from person.marriages) as marriages,
      (select count(*)::int from person.name_history) as names`;
    return row;
  }

  it("a requester's key gets FORBIDDEN", async () => {
    const code = await livingAdult(used);
    const [flat] =
      await sql`select address_code from person.addresses where kind = 'FLAT' order by address_code desc limit 1`;
    const before = await counts();
    const result = await platform.query(DECLARE, { p: code, a: flat!.address_code, from: today });
    expect(codeOf(result)).toBe("FORBIDDEN");
    expect(await counts()).toEqual(before);
  });

  it("the person subgraph itself refuses a mutation to a signed non-operator (defence in depth)", async () => {
    const code = await livingAdult(used);
    const [flat] =
      await sql`select address_code from person.addresses where kind = 'FLAT' order by address_code desc limit 1`;
    const before = await counts();
    const body = JSON.stringify({
      query: DECLARE,
      variables: { p: code, a: flat!.address_code, from: today },
    });
    const identity = await signIdentity(
      {
        requestId: "mutation-defence-in-depth",
        requesterId: 1,
        keyId: 1,
        role: "REQUESTER_ADMIN",
        grant: null,
        issuedAt: Date.now(),
      },
      { keys: TEST_SIGNING_SECRET, audience: "person", body },
    );
    const response = await fetch(platform.subgraphUrls.person, {
      method: "POST",
      headers: { "content-type": "application/json", [IDENTITY_HEADER]: identity },
      body,
    });
    const result = (await response.json()) as GraphQLResponse;
    expect(codeOf(result)).toBe("FORBIDDEN");
    expect(result.errors?.[0]?.message).toMatch(
      /Mutation\.declareAddress needs an API key with role OPERATOR/,
    );
    expect(await counts()).toEqual(before);
  });

  it("an invalid personal code is BAD_USER_INPUT, an unknown one NOT_FOUND", async () => {
    const [flat] =
      await sql`select address_code from person.addresses where kind = 'FLAT' order by address_code desc limit 1`;
    const before = await counts();
    const invalid = await asOperator(DECLARE, { p: "161175-19998", a: flat!.address_code, from: today });
    expect(codeOf(invalid)).toBe("BAD_USER_INPUT");
    expect(invalid.errors?.[0]?.message).toMatch(/check digit/);
    const unknown = await asOperator(DECLARE, { p: UNKNOWN_CODE, a: flat!.address_code, from: today });
    expect(codeOf(unknown)).toBe("NOT_FOUND");
    const street = await sql`select address_code from person.addresses where kind = 'STREET' limit 1`;
    const notADwelling = await asOperator(DECLARE, {
      p: await livingAdult(used),
      a: street[0]!.address_code,
      from: today,
    });
    expect(codeOf(notADwelling)).toBe("BAD_USER_INPUT");
    expect(notADwelling.errors?.[0]?.message).toMatch(/building or a flat/);
    const future = await asOperator(DECLARE, {
      p: await livingAdult(used),
      a: flat!.address_code,
      from: "2999-01-01",
    });
    expect(codeOf(future)).toBe("BAD_USER_INPUT");
    expect(await counts()).toEqual(before);
  });

  it("marrying a married person is BAD_USER_INPUT", async () => {
    const [row] = await sql`select m.spouse_a, m.spouse_b, a.sex from person.marriages m
      join person.persons a on a.person_code = m.spouse_a and a.death_date is null
      join person.persons b on b.person_code = m.spouse_b and b.death_date is null
      where m.divorced_on is null and m.spouse_a <> all(${used}::text[]) and m.spouse_b <> all(${used}::text[])
      order by m.id desc limit 1`;
    const other = await livingAdult(
      [...used, row!.spouse_a, row!.spouse_b],
      sql`and p.sex <> ${row!.sex}::person.sex and not exists (select 1 from person.marriages m where p.person_code in (m.spouse_a, m.spouse_b))`,
    );
    const before = await counts();
    const result = await asOperator(
      `mutation ($a: String!, $b: String!, $on: Date!) {
        registerMarriage(personCodeA: $a, personCodeB: $b, on: $on, place: "Rīga", surnameOfA: true) { personCode }
      }`,
      { a: row!.spouse_a, b: other, on: today },
    );
    expect(codeOf(result)).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toMatch(/is married \(to .*\); register the divorce first/);
    expect(await counts()).toEqual(before);
  });

  it("selecting person data in a mutation's result is refused before anything is written", async () => {
    const code = await livingAdult(used);
    const [flat] =
      await sql`select address_code from person.addresses where kind = 'FLAT' order by address_code desc limit 1`;
    const before = await counts();
    const result = await asOperator(
      `mutation ($p: String!, $a: String!, $from: Date!) {
        declareAddress(personCode: $p, addressCode: $a, from: $from) { personCode ...named }
      }
      fragment named on Person { surname }`,
      { p: code, a: flat!.address_code, from: today },
    );
    expect(codeOf(result)).toBe("FORBIDDEN");
    expect(result.errors?.[0]?.message).toMatch(/Person\.surname belongs to data group NAME/);
    expect(await counts()).toEqual(before);
  });
});

describe("the change log is commit-ordered", () => {
  it("20 concurrent changes get contiguous seqs, and a reader never sees a gap", async () => {
    const before = await lastSeq();
    const codes = (
      await sql`select p.person_code from person.persons p
        join person.declared_addresses d on d.person_code = p.person_code
          and d.kind = 'DECLARED' and d.declared_to is null and d.declared_from < ${today}
        where p.death_date is null and p.birth_date < ${today}::date - interval '1 year'
          and p.person_code <> all(${used}::text[])
        order by p.person_code desc limit 20`
    ).map((row) => row.person_code as string);
    expect(codes).toHaveLength(20);
    used.push(...codes);
    const flats = (
      await sql`select a.address_code from person.addresses a where a.kind = 'FLAT'
        and not exists (select 1 from person.declared_addresses d where d.address_code = a.address_code and d.declared_to is null)
        order by a.address_code desc limit 20`
    ).map((row) => row.address_code as string);
    const notified: string[] = [];
    let allNotified: () => void = () => {};
    const twentyNotified = new Promise<void>((resolve) => {
      allNotified = resolve;
    });
    const listener = await sql.listen("register_changes", (payload) => {
      notified.push(payload);
      if (notified.length === 20) allNotified();
    });
    // A reader polling meanwhile: with seqs handed out in commit order, what it sees is always
    // 1..max with nothing missing.
    let polling = true;
    const observations: { count: number; max: number }[] = [];
    const reader = (async () => {
      while (polling) {
        const [row] =
          await sql`select count(*)::int as count, coalesce(max(seq), 0)::int as max from person.change_log`;
        observations.push(row as { count: number; max: number });
      }
    })();
    const results = await Promise.all(
      codes.map((code, i) => asOperator(DECLARE, { p: code, a: flats[i % flats.length], from: today })),
    );
    polling = false;
    await reader;
    expect(results.map(codeOf)).toEqual(codes.map(() => undefined));
    const seqs = (await sql`select seq::int from person.change_log order by seq`).map(
      (row) => row.seq as number,
    );
    expect(seqs).toEqual(Array.from({ length: before + 20 }, (_, i) => i + 1));
    expect(observations.length).toBeGreaterThan(0);
    for (const seen of observations) expect(seen.count).toBe(seen.max);
    const logged = await logAfter(before);
    expect(logged.map((row) => row.person_code).sort()).toEqual([...codes].sort());
    // NOTIFY register_changes carries the highest seq of each change, delivered on commit.
    await twentyNotified;
    await listener.unlisten();
    expect(notified.map(Number).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, i) => before + i + 1),
    );
  });
});

describe("renameMunicipality", () => {
  it("renames the biggest municipality and logs one ADDRESS row per current resident, set-based", async () => {
    const [biggest] =
      await sql`select a.municipality_code, m.name, count(distinct d.person_code)::int as residents
      from person.declared_addresses d
      join person.addresses a on a.address_code = d.address_code
      join person.addresses m on m.address_code = a.municipality_code
      where d.declared_to is null
      group by a.municipality_code, m.name order by residents desc limit 1`;
    const {
      municipality_code: municipalityCode,
      name,
      residents,
    } = biggest as {
      municipality_code: string;
      name: string;
      residents: number;
    };
    const [declared] =
      await sql`select count(distinct d.person_code)::int as n from person.declared_addresses d
      join person.addresses a on a.address_code = d.address_code
      where a.municipality_code = ${municipalityCode} and d.declared_to is null and d.kind = 'DECLARED'`;
    expect(residents).toBeGreaterThanOrEqual(declared!.n);
    const [resident] =
      await sql`select d.person_code, d.address_code, a.full_address from person.declared_addresses d
      join person.addresses a on a.address_code = d.address_code
      where a.municipality_code = ${municipalityCode} and d.declared_to is null and d.kind = 'DECLARED'
      order by d.person_code limit 1`;
    const newName = `Lielā ${name}`;
    const before = await lastSeq();
    platform.resetStatements();
    const data = await platform.operator<{
      renameMunicipality: {
        municipality: { addressCode: string; municipalityName: string };
        previousName: string;
        personsAffected: number;
        addressesUpdated: number;
      };
    }>(
      `mutation ($code: String!, $name: String!) {
        renameMunicipality(municipalityCode: $code, newName: $name) {
          municipality { addressCode municipalityName } previousName personsAffected addressesUpdated
        }
      }`,
      { code: municipalityCode, name: newName },
    );
    const statements = platform.statements.length;
    expect(data.renameMunicipality).toMatchObject({
      municipality: { addressCode: municipalityCode, municipalityName: newName },
      previousName: name,
      personsAffected: residents,
    });
    expect(data.renameMunicipality.addressesUpdated).toBeGreaterThan(residents / 10);
    // Set-based: a handful of statements, not one per person or address.
    expect(statements).toBeLessThan(15);
    const logged = await sql`select count(*)::int as rows, count(distinct person_code)::int as persons,
        min(seq)::int as first, max(seq)::int as last,
        bool_and(data_groups = '{ADDRESS}' and kind = 'MUNICIPALITY_RENAMED') as all_address
      from person.change_log where seq > ${before}`;
    expect(logged[0]).toEqual({
      rows: residents,
      persons: residents,
      first: before + 1,
      last: before + residents,
      all_address: true,
    });
    const after = await person(
      resident!.person_code,
      "declaredAddress { address { fullAddress municipalityName } }",
    );
    expect(after.declaredAddress?.address.municipalityName).toBe(newName);
    // The municipality part (the last before the postal code) changes, nothing else.
    const form = (n: string) => (n.endsWith(" novads") ? `${n.slice(0, -7)} nov.` : n);
    const parts = (resident!.full_address as string).split(", ");
    const at = parts.lastIndexOf(form(name));
    expect(at).toBeGreaterThan(-1);
    parts[at] = form(newName);
    expect(after.declaredAddress?.address.fullAddress).toBe(parts.join(", "));
  });
});
