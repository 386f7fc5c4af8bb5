/** A person's earlier names: what a name change (by application, marriage or divorce) records. */
import { schema } from "@rnp/db";
import { desc, eq } from "drizzle-orm";
import type { PersonRow } from "../personRepository";
import { addDays } from "./dates";
import { code } from "./lockedPersons";
import { invalid } from "./refusal";
import type { Transaction } from "./transaction";

const { nameHistory } = schema.person;

/** The day the person's current name has been carried since: after the last earlier name, else birth. */
async function nameSince(tx: Transaction, person: PersonRow): Promise<string> {
  const [last] = await tx
    .select({ validTo: nameHistory.validTo })
    .from(nameHistory)
    .where(eq(nameHistory.personCode, person.personCode))
    .orderBy(desc(nameHistory.validTo))
    .limit(1);
  return last ? addDays(last.validTo, 1) : person.birthDate;
}

/** Moves the person's current name into the history, carried until the day before `on`. */
export async function recordEarlierName(
  tx: Transaction,
  person: PersonRow,
  on: string,
  reason: "MARRIAGE" | "DIVORCE" | "APPLICATION",
): Promise<void> {
  const since = await nameSince(tx, person);
  if (on <= since) {
    throw invalid(
      `${code(person.personCode)} has carried the name ${person.givenName} ${person.surname} since ${since}; a name change must be dated after that day.`,
    );
  }
  await tx.insert(nameHistory).values({
    personCode: person.personCode,
    givenName: person.givenName,
    surname: person.surname,
    validFrom: since,
    validTo: addDays(on, -1),
    changeReason: reason,
  });
}
