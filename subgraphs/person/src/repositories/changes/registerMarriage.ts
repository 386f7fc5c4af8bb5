/** Marriage: two living, unmarried adults of opposite sex; spouse B may take A's surname. */
import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { eq } from "drizzle-orm";
import type { PersonRow } from "../personRepository";
import { appendChanges, type ChangeRow } from "./changeLog";
import { ageOn, notInFuture } from "./dates";
import { code, lockPersons, requireAlive, requirePerson } from "./lockedPersons";
import { endOf, marriagesOf } from "./marriages";
import { recordEarlierName } from "./nameHistory";
import { invalid } from "./refusal";
import { surnameFor } from "./surnames";
import { requireText } from "./text";

const { persons, marriages } = schema.person;

export interface RegisterMarriageInput {
  personCodeA: string;
  personCodeB: string;
  on: string;
  place: string;
  /** B takes A's surname in the form of B's sex. */
  surnameOfA: boolean;
}

/** Registers a marriage of two living, unmarried adults of opposite sex. Returns spouse A. */
export function registerMarriage(db: Database, input: RegisterMarriageInput): Promise<PersonRow> {
  return db.transaction(async (tx) => {
    if (input.personCodeA === input.personCodeB) {
      throw invalid("`personCodeA` and `personCodeB` are the same person; name two persons.");
    }
    const place = requireText(input.place, "place", "Rīgas pilsētas dzimtsarakstu nodaļa");
    const locked = await lockPersons(tx, [input.personCodeA, input.personCodeB]);
    const a = requirePerson(locked, input.personCodeA);
    const b = requirePerson(locked, input.personCodeB);
    notInFuture(input.on, "on");
    for (const person of [a, b]) {
      requireAlive(person);
      if (ageOn(person.birthDate, input.on) < 18) {
        throw invalid(
          `${code(person.personCode)} (born ${person.birthDate}) is under 18 on ${input.on}; only adults can marry.`,
        );
      }
    }
    if (a.sex === b.sex) {
      throw invalid(
        `${code(a.personCode)} and ${code(b.personCode)} are both ${a.sex.toLowerCase()}; the register records marriages of a man and a woman.`,
      );
    }
    const earlier = await marriagesOf(tx, [a.personCode, b.personCode]);
    for (const person of [a, b]) {
      for (const marriage of earlier.filter(
        (m) => m.spouseA === person.personCode || m.spouseB === person.personCode,
      )) {
        const other = marriage.spouseA === person.personCode ? marriage.spouseB : marriage.spouseA;
        const ended = endOf(marriage);
        if (ended === null) {
          throw invalid(
            `${code(person.personCode)} is married (to ${code(other)} since ${marriage.marriedOn}); register the divorce first.`,
          );
        }
        if (input.on <= ended) {
          throw invalid(
            `The earlier marriage of ${code(person.personCode)} ended on ${ended}; a new marriage must be dated after it.`,
          );
        }
      }
    }
    const changes: ChangeRow[] = [{ personCode: a.personCode, dataGroups: ["FAMILY"], kind: "MARRIAGE" }];
    let renamed = false;
    if (input.surnameOfA) {
      const surname = await surnameFor(tx, a, b.sex);
      if (surname !== b.surname) {
        await recordEarlierName(tx, b, input.on, "MARRIAGE");
        await tx.update(persons).set({ surname }).where(eq(persons.personCode, b.personCode));
        renamed = true;
      }
    }
    changes.push({
      personCode: b.personCode,
      dataGroups: renamed ? ["FAMILY", "NAME"] : ["FAMILY"],
      kind: "MARRIAGE",
    });
    await tx
      .insert(marriages)
      .values({ spouseA: a.personCode, spouseB: b.personCode, marriedOn: input.on, place });
    await appendChanges(tx, changes);
    return a;
  });
}
