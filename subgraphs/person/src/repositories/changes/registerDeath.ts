/** Death: documents become invalid, address declarations end, a living spouse is widowed. */
import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { PersonRow } from "../personRepository";
import { appendChanges, type ChangeRow, type DataGroup } from "./changeLog";
import { notInFuture } from "./dates";
import { code, lockPersons, notBeforeBirth, requireAlive, requirePerson } from "./lockedPersons";
import { marriagesOf } from "./marriages";
import { invalid } from "./refusal";
import { requireText } from "./text";

const { persons, declaredAddresses, identityDocuments } = schema.person;

export interface RegisterDeathInput {
  personCode: string;
  on: string;
  place: string;
}

/**
 * Registers a death: valid documents become invalid ("holder died") and current address
 * declarations end that day. A living spouse's family data changes too (now widowed).
 */
export function registerDeath(db: Database, input: RegisterDeathInput): Promise<PersonRow> {
  return db.transaction(async (tx) => {
    const place = requireText(input.place, "place", "Rīga");
    const person = requirePerson(await lockPersons(tx, [input.personCode]), input.personCode);
    requireAlive(person);
    notInFuture(input.on, "on");
    notBeforeBirth(person, input.on, "on");
    const current = await tx
      .select()
      .from(declaredAddresses)
      .where(and(eq(declaredAddresses.personCode, person.personCode), isNull(declaredAddresses.declaredTo)));
    const later = current.find((declaration) => declaration.declaredFrom > input.on);
    if (later) {
      throw invalid(
        `${code(person.personCode)} declared an address from ${later.declaredFrom}, after \`on\` (${input.on}); check the date of death.`,
      );
    }
    const documents = await tx
      .update(identityDocuments)
      .set({ status: "INVALID", statusReason: "holder died", statusChangedOn: input.on })
      .where(and(eq(identityDocuments.personCode, person.personCode), eq(identityDocuments.status, "VALID")))
      .returning({ id: identityDocuments.id });
    if (current.length > 0) {
      await tx
        .update(declaredAddresses)
        .set({ declaredTo: input.on })
        .where(
          inArray(
            declaredAddresses.id,
            current.map((row) => row.id),
          ),
        );
    }
    const [updated] = await tx
      .update(persons)
      .set({ deathDate: input.on, deathPlace: place })
      .where(eq(persons.personCode, person.personCode))
      .returning();
    const [latest] = await marriagesOf(tx, [person.personCode]);
    const groups: DataGroup[] = ["DEATH"];
    if (documents.length > 0) groups.push("DOCUMENTS");
    if (current.length > 0) groups.push("ADDRESS");
    const changes: ChangeRow[] = [{ personCode: person.personCode, dataGroups: groups, kind: "DEATH" }];
    if (latest && latest.divorcedOn === null) {
      const spouseIsA = latest.spouseA !== person.personCode;
      const spouseDeath = spouseIsA ? latest.spouseADeath : latest.spouseBDeath;
      if (spouseDeath === null) {
        changes.push({
          personCode: spouseIsA ? latest.spouseA : latest.spouseB,
          dataGroups: ["FAMILY"],
          kind: "DEATH",
        });
      }
    }
    await appendChanges(tx, changes);
    return updated ?? person;
  });
}
