/** Divorce of two persons married to each other. */
import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { eq } from "drizzle-orm";
import type { PersonRow } from "../personRepository";
import { appendChanges } from "./changeLog";
import { notInFuture } from "./dates";
import { code, lockPersons, requirePerson } from "./lockedPersons";
import { endOf, marriagesOf } from "./marriages";
import { invalid } from "./refusal";

const { marriages } = schema.person;

export interface RegisterDivorceInput {
  personCodeA: string;
  personCodeB: string;
  on: string;
}

/** Registers the divorce of two persons married to each other. Returns spouse A. */
export function registerDivorce(db: Database, input: RegisterDivorceInput): Promise<PersonRow> {
  return db.transaction(async (tx) => {
    if (input.personCodeA === input.personCodeB) {
      throw invalid("`personCodeA` and `personCodeB` are the same person; name the two spouses.");
    }
    const locked = await lockPersons(tx, [input.personCodeA, input.personCodeB]);
    const a = requirePerson(locked, input.personCodeA);
    const b = requirePerson(locked, input.personCodeB);
    notInFuture(input.on, "on");
    const marriage = (await marriagesOf(tx, [a.personCode])).find(
      (m) =>
        m.divorcedOn === null &&
        ((m.spouseA === a.personCode && m.spouseB === b.personCode) ||
          (m.spouseA === b.personCode && m.spouseB === a.personCode)),
    );
    if (!marriage) {
      throw invalid(`${code(a.personCode)} and ${code(b.personCode)} are not married to each other.`);
    }
    const ended = endOf(marriage);
    if (ended !== null) {
      throw invalid(
        `The marriage of ${code(a.personCode)} and ${code(b.personCode)} ended with a spouse's death on ${ended}; there is nothing to dissolve.`,
      );
    }
    if (input.on <= marriage.marriedOn) {
      throw invalid(
        `\`on\` is ${input.on}; the marriage was registered on ${marriage.marriedOn}, so divorce must be later.`,
      );
    }
    await tx.update(marriages).set({ divorcedOn: input.on }).where(eq(marriages.id, marriage.id));
    await appendChanges(tx, [
      { personCode: a.personCode, dataGroups: ["FAMILY"], kind: "DIVORCE" },
      { personCode: b.personCode, dataGroups: ["FAMILY"], kind: "DIVORCE" },
    ]);
    return a;
  });
}
