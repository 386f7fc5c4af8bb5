/** Address declaration: a person declares residence at a building or a flat. */
import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { PersonRow } from "../personRepository";
import { appendChanges } from "./changeLog";
import { addDays, notInFuture } from "./dates";
import { code, lockPersons, notBeforeBirth, requireAlive, requirePerson } from "./lockedPersons";
import { invalid, notFound } from "./refusal";

const { addresses, declaredAddresses } = schema.person;

export interface DeclareAddressInput {
  personCode: string;
  addressCode: string;
  from: string;
}

/** Ends the current residence declaration the day before `from` and opens one at the address. */
export function declareAddress(db: Database, input: DeclareAddressInput): Promise<PersonRow> {
  return db.transaction(async (tx) => {
    const person = requirePerson(await lockPersons(tx, [input.personCode]), input.personCode);
    requireAlive(person);
    notInFuture(input.from, "from");
    notBeforeBirth(person, input.from, "from");
    const [address] = await tx.select().from(addresses).where(eq(addresses.addressCode, input.addressCode));
    if (!address) throw notFound(`No address has code ${input.addressCode} in the State Address Register.`);
    if (address.kind !== "BUILDING" && address.kind !== "FLAT") {
      throw invalid(
        `Address ${address.addressCode} is a ${address.kind.toLowerCase()} (${address.fullAddress}); a residence is declared at a building or a flat: pass the code of one.`,
      );
    }
    const current = await tx
      .select()
      .from(declaredAddresses)
      .where(
        and(
          eq(declaredAddresses.personCode, person.personCode),
          eq(declaredAddresses.kind, "DECLARED"),
          isNull(declaredAddresses.declaredTo),
        ),
      );
    for (const declaration of current) {
      if (declaration.addressCode === address.addressCode) {
        throw invalid(
          `${code(person.personCode)} has declared residence at ${address.fullAddress} since ${declaration.declaredFrom} already.`,
        );
      }
      if (input.from <= declaration.declaredFrom) {
        throw invalid(
          `The current residence of ${code(person.personCode)} was declared from ${declaration.declaredFrom}; \`from\` must be a later day.`,
        );
      }
    }
    if (current.length > 0) {
      await tx
        .update(declaredAddresses)
        .set({ declaredTo: addDays(input.from, -1) })
        .where(
          inArray(
            declaredAddresses.id,
            current.map((row) => row.id),
          ),
        );
    }
    await tx.insert(declaredAddresses).values({
      personCode: person.personCode,
      addressCode: address.addressCode,
      kind: "DECLARED",
      declaredFrom: input.from,
    });
    await appendChanges(tx, [
      { personCode: person.personCode, dataGroups: ["ADDRESS"], kind: "ADDRESS_DECLARED" },
    ]);
    return person;
  });
}
