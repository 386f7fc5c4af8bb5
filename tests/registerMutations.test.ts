import { genderedSurname } from "@rnp/common";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "./support/platform";
import {
  asOperator,
  codeOf,
  DECLARE,
  hyphenated,
  lastSeq,
  livingAdult,
  logAfter,
  person,
  startRegisterStack,
  stopRegisterStack,
  today,
  yesterday,
} from "./support/register";

// Each register mutation, run by the operator, changes the person as the gateway shows it
// and writes change-log rows naming exactly the data groups it touched.

let platform: TestPlatform;
let sql: postgres.Sql;

beforeAll(async () => {
  ({ platform, sql } = await startRegisterStack());
});
afterAll(stopRegisterStack);

const used: string[] = [];

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
