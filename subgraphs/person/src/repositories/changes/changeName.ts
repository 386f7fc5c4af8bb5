/** Name change: the current name goes into the history, the new one is carried from `on`. */
import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { eq } from "drizzle-orm";
import type { PersonRow } from "../personRepository";
import { appendChanges } from "./changeLog";
import { notInFuture } from "./dates";
import { code, lockPersons, requireAlive, requirePerson } from "./lockedPersons";
import { recordEarlierName } from "./nameHistory";
import { invalid } from "./refusal";
import { requireName } from "./text";

const { persons } = schema.person;

export interface ChangeNameInput {
  personCode: string;
  givenName: string;
  surname: string;
  reason: "MARRIAGE" | "DIVORCE" | "APPLICATION";
  on: string;
}

/** Records the current name in the name history and registers the new one from `on`. */
export function changeName(db: Database, input: ChangeNameInput): Promise<PersonRow> {
  return db.transaction(async (tx) => {
    const givenName = requireName(input.givenName, "givenName");
    const surname = requireName(input.surname, "surname");
    const person = requirePerson(await lockPersons(tx, [input.personCode]), input.personCode);
    requireAlive(person);
    notInFuture(input.on, "on");
    if (person.givenName === givenName && person.surname === surname) {
      throw invalid(`${code(person.personCode)} is registered as ${givenName} ${surname} already.`);
    }
    await recordEarlierName(tx, person, input.on, input.reason);
    const [updated] = await tx
      .update(persons)
      .set({ givenName, surname })
      .where(eq(persons.personCode, person.personCode))
      .returning();
    await appendChanges(tx, [{ personCode: person.personCode, dataGroups: ["NAME"], kind: "NAME_CHANGED" }]);
    return updated ?? person;
  });
}
