/** Birth: a new person with a new-format code, linked to the parents. */
import { genderedSurname } from "@rnp/common";
import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { PersonRow } from "../personRepository";
import { appendChanges, type DataGroup } from "./changeLog";
import { addDays, ageOn, notInFuture } from "./dates";
import { code, lockPersons, requireAlive, requirePerson } from "./lockedPersons";
import { nextNewPersonCode } from "./personCodes";
import { invalid } from "./refusal";
import { surnameFor } from "./surnames";
import { requireName, requireText } from "./text";

const { persons, declaredAddresses, parentChild } = schema.person;

export interface RegisterBirthInput {
  motherCode: string;
  fatherCode: string | null;
  givenName: string;
  sex: "MALE" | "FEMALE";
  birthDate: string;
  birthPlace: string;
}

/**
 * Registers a birth: the child gets a new-format code, the father's surname (the mother's
 * without a father) in the child's form, the mother's citizenship and declared residence,
 * and links to the parents. Returns the child.
 */
export function registerBirth(db: Database, input: RegisterBirthInput): Promise<PersonRow> {
  return db.transaction(async (tx) => {
    const givenName = requireName(input.givenName, "givenName");
    const birthPlace = requireText(input.birthPlace, "birthPlace", "Rīga");
    if (input.fatherCode === input.motherCode) {
      throw invalid("`motherCode` and `fatherCode` are the same person; name two parents.");
    }
    const locked = await lockPersons(
      tx,
      input.fatherCode ? [input.motherCode, input.fatherCode] : [input.motherCode],
    );
    const mother = requirePerson(locked, input.motherCode, "mother");
    const father = input.fatherCode ? requirePerson(locked, input.fatherCode, "father") : null;
    notInFuture(input.birthDate, "birthDate");
    if (mother.sex !== "FEMALE")
      throw invalid(`The mother ${code(mother.personCode)} is registered as male.`);
    requireAlive(mother);
    if (father) {
      if (father.sex !== "MALE")
        throw invalid(`The father ${code(father.personCode)} is registered as female.`);
      // A child may be born up to ten months after the father's death.
      if (father.deathDate && father.deathDate < addDays(input.birthDate, -300)) {
        throw invalid(
          `The father ${code(father.personCode)} died on ${father.deathDate}, more than ten months before the birth; check \`fatherCode\`.`,
        );
      }
    }
    for (const parent of father ? [mother, father] : [mother]) {
      if (ageOn(parent.birthDate, input.birthDate) < 12) {
        throw invalid(
          `${code(parent.personCode)} (born ${parent.birthDate}) cannot be a parent of a child born on ${input.birthDate}; check the personal code and the date.`,
        );
      }
    }
    const surname = father
      ? genderedSurname(father.surname, input.sex)
      : await surnameFor(tx, mother, input.sex);
    const [residence] = await tx
      .select({ addressCode: declaredAddresses.addressCode })
      .from(declaredAddresses)
      .where(
        and(
          eq(declaredAddresses.personCode, mother.personCode),
          eq(declaredAddresses.kind, "DECLARED"),
          isNull(declaredAddresses.declaredTo),
        ),
      )
      .orderBy(desc(declaredAddresses.declaredFrom))
      .limit(1);
    // One birth at a time takes a code, so two births never get the same one.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('rnp.person-code.new'))`);
    const personCode = await nextNewPersonCode(tx);
    const [child] = await tx
      .insert(persons)
      .values({
        personCode,
        givenName,
        surname,
        surnameAtBirth: surname,
        sex: input.sex,
        birthDate: input.birthDate,
        birthPlace,
        birthCountry: "LVA",
        citizenshipStatus: mother.citizenshipStatus,
        citizenshipCountry: mother.citizenshipCountry,
        nationality: mother.nationality,
      })
      .returning();
    if (!child) throw new Error("the child was not inserted");
    if (residence) {
      await tx.insert(declaredAddresses).values({
        personCode,
        addressCode: residence.addressCode,
        kind: "DECLARED",
        declaredFrom: input.birthDate,
      });
    }
    await tx
      .insert(parentChild)
      .values([
        { parentCode: mother.personCode, childCode: personCode, role: "MOTHER" as const },
        ...(father
          ? [{ parentCode: father.personCode, childCode: personCode, role: "FATHER" as const }]
          : []),
      ]);
    const childGroups: DataGroup[] = ["PERSON_CODES", "NAME", "BIRTH", "CITIZENSHIP", "FAMILY"];
    if (residence) childGroups.push("ADDRESS");
    await appendChanges(tx, [
      { personCode, dataGroups: childGroups, kind: "BIRTH" },
      { personCode: mother.personCode, dataGroups: ["FAMILY"], kind: "BIRTH" },
      ...(father
        ? [{ personCode: father.personCode, dataGroups: ["FAMILY"] as DataGroup[], kind: "BIRTH" as const }]
        : []),
    ]);
    return child;
  });
}
