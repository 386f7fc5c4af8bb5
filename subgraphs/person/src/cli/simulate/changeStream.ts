/**
 * The stream of changes: which kind comes next (by weight) and one random change of that
 * kind, made through the person subgraph's own change functions.
 */
import { genderedSurname } from "@rnp/common";
import type { Database } from "@rnp/db";
import { sql } from "drizzle-orm";
import {
  changeName,
  declareAddress,
  invalidateDocument,
  issueDocument,
  registerBirth,
  registerDeath,
  registerDivorce,
  registerMarriage,
  todayIso,
} from "../../repositories/changes/index";
import { nameNotChangedLately, pickPerson, unmarried } from "./pickPerson";
import type { Random } from "./random";
import { rows } from "./rows";
import type { Vocabulary } from "./vocabulary";

export type Kind = "address" | "document" | "name" | "marriage" | "divorce" | "birth" | "death";
export const WEIGHTS: [Kind, number][] = [
  ["address", 50],
  ["document", 25],
  ["name", 5],
  ["marriage", 5],
  ["divorce", 3],
  ["birth", 7],
  ["death", 5],
];

export function pickKind(random: Random): Kind {
  let roll = random.next() * 100;
  for (const [kind, weight] of WEIGHTS) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return "address";
}

/** One random change of the given kind; returns a short description of what it did. */
export async function simulateOne(
  db: Database,
  random: Random,
  words: Vocabulary,
  kind: Kind,
): Promise<string | null> {
  const today = todayIso();
  switch (kind) {
    case "address": {
      const person = await pickPerson(
        db,
        random,
        sql`not exists (select 1 from person.declared_addresses d where d.person_code = p.person_code
          and d.kind = 'DECLARED' and d.declared_to is null and d.declared_from >= ${today})`,
      );
      if (!person) return null;
      const [low, high] = words.addressRange;
      const key = String(low + random.int(Math.max(1, high - low + 1))).padStart(9, "0");
      const [address] = await rows<{ address_code: string }>(
        db,
        sql`select address_code from person.addresses where address_code >= ${key} and kind in ('BUILDING', 'FLAT')
          order by address_code limit 1`,
      );
      if (!address) return null;
      await declareAddress(db, {
        personCode: person.person_code,
        addressCode: address.address_code,
        from: today,
      });
      return `address ${person.person_code} → ${address.address_code}`;
    }
    case "document": {
      if (random.chance(0.5)) {
        const person = await pickPerson(db, random, sql`p.citizenship_status in ('CITIZEN', 'NON_CITIZEN')`);
        if (!person) return null;
        const type = random.chance(0.6) ? "EID_CARD" : "PASSPORT";
        const result = await issueDocument(db, {
          personCode: person.person_code,
          type,
          issuer: random.pick(words.issuers),
          on: today,
        });
        return `issued ${result.document.number} to ${person.person_code}`;
      }
      const series = random.pick(["LV", "PA"]);
      const key = `${series}${String(random.int(10_000_000)).padStart(7, "0")}`;
      const [document] = await rows<{ number: string }>(
        db,
        sql`select d.number from person.identity_documents d
          join person.persons p on p.person_code = d.person_code and p.death_date is null
          where d.number >= ${key} and d.number <= ${`${series}9999999`} and d.status = 'VALID'
          order by d.number limit 1`,
      );
      if (!document) return null;
      await invalidateDocument(db, {
        number: document.number,
        reason: random.chance(0.8) ? "lost" : "stolen",
        on: today,
      });
      return `invalidated ${document.number}`;
    }
    case "name": {
      const person = await pickPerson(
        db,
        random,
        sql`p.birth_date < current_date - interval '18 years' and ${nameNotChangedLately}`,
      );
      if (!person) return null;
      const surname = genderedSurname(random.pick(words.maleSurnames), person.sex);
      const [current] = await rows<{ given_name: string }>(
        db,
        sql`select given_name from person.persons where person_code = ${person.person_code}`,
      );
      await changeName(db, {
        personCode: person.person_code,
        givenName: current?.given_name ?? random.pick(words.givenNames[person.sex]),
        surname,
        reason: "APPLICATION",
        on: today,
      });
      return `renamed ${person.person_code} → ${surname}`;
    }
    case "marriage": {
      const man = await pickPerson(
        db,
        random,
        sql`p.sex = 'MALE' and p.birth_date between current_date - interval '60 years' and current_date - interval '20 years'
          and ${unmarried}`,
      );
      if (!man) return null;
      const woman = await pickPerson(
        db,
        random,
        sql`p.sex = 'FEMALE' and p.birth_date between ${man.birth_date}::date - interval '8 years'
            and least(${man.birth_date}::date + interval '8 years', current_date - interval '18 years')
          and ${unmarried} and ${nameNotChangedLately}`,
      );
      if (!woman) return null;
      await registerMarriage(db, {
        personCodeA: man.person_code,
        personCodeB: woman.person_code,
        on: today,
        place: random.pick(words.places),
        surnameOfA: random.chance(0.75),
      });
      return `married ${man.person_code} and ${woman.person_code}`;
    }
    case "divorce": {
      const key = random.int(2_000_000_000);
      for (const from of [key, 0]) {
        const [marriage] = await rows<{ spouse_a: string; spouse_b: string }>(
          db,
          sql`select m.spouse_a, m.spouse_b from person.marriages m
            join person.persons a on a.person_code = m.spouse_a and a.death_date is null
            join person.persons b on b.person_code = m.spouse_b and b.death_date is null
            where m.id >= (select min(id) + ${from} % greatest(max(id) - min(id) + 1, 1) from person.marriages)
              and m.divorced_on is null and m.married_on < current_date
            order by m.id limit 1`,
        );
        if (!marriage) continue;
        await registerDivorce(db, {
          personCodeA: marriage.spouse_a,
          personCodeB: marriage.spouse_b,
          on: today,
        });
        return `divorced ${marriage.spouse_a} and ${marriage.spouse_b}`;
      }
      return null;
    }
    case "birth": {
      const mother = await pickPerson(
        db,
        random,
        sql`p.sex = 'FEMALE' and p.birth_date between current_date - interval '44 years' and current_date - interval '18 years'
          and exists (select 1 from person.declared_addresses d where d.person_code = p.person_code
            and d.kind = 'DECLARED' and d.declared_to is null)`,
      );
      if (!mother) return null;
      const [husband] = await rows<{ code: string }>(
        db,
        sql`select case when m.spouse_a = ${mother.person_code} then m.spouse_b else m.spouse_a end as code
          from person.marriages m
          where ${mother.person_code} in (m.spouse_a, m.spouse_b) and m.divorced_on is null
          order by m.married_on desc limit 1`,
      );
      const sex = random.chance(0.51) ? "MALE" : "FEMALE";
      const child = await registerBirth(db, {
        motherCode: mother.person_code,
        fatherCode: husband?.code ?? null,
        givenName: random.pick(words.givenNames[sex]),
        sex,
        birthDate: today,
        birthPlace: random.pick(words.places),
      });
      return `born ${child.personCode} to ${mother.person_code}`;
    }
    case "death": {
      const old = random.chance(0.8);
      const person = await pickPerson(
        db,
        random,
        old
          ? sql`p.birth_date < current_date - interval '70 years'`
          : sql`p.birth_date < current_date - interval '18 years'`,
      );
      if (!person) return null;
      await registerDeath(db, {
        personCode: person.person_code,
        on: today,
        place: random.pick(words.places),
      });
      return `died ${person.person_code}`;
    }
  }
}
