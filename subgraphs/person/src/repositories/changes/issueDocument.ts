/** Issuing an identity document (passport or eID card) with a new number. */
import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { and, desc, eq, sql } from "drizzle-orm";
import type { DocumentRow, PersonRow } from "../personRepository";
import { appendChanges } from "./changeLog";
import { addYears, ageOn, notInFuture } from "./dates";
import { code, lockPersons, notBeforeBirth, requireAlive, requirePerson } from "./lockedPersons";
import { invalid } from "./refusal";
import { requireText } from "./text";
import { rowsOf, type Transaction } from "./transaction";

const { identityDocuments } = schema.person;

export interface DocumentChangeResult {
  holder: PersonRow;
  document: DocumentRow;
}

export interface IssueDocumentInput {
  personCode: string;
  type: "PASSPORT" | "EID_CARD";
  issuer: string;
  on: string;
}

/**
 * The next free number of a series (`LV`, `LH`, `PA`): one above the highest issued, or the
 * lowest free one once the series has reached 9999999. Callers hold the series' lock.
 */
async function nextDocumentNumber(tx: Transaction, series: string): Promise<string> {
  const [highest] = await tx
    .select({ number: identityDocuments.number })
    .from(identityDocuments)
    .where(sql`${identityDocuments.number} between ${`${series}0000000`} and ${`${series}9999999`}`)
    .orderBy(desc(identityDocuments.number))
    .limit(1);
  const next = highest ? Number(highest.number.slice(2)) + 1 : 0;
  if (Number.isSafeInteger(next) && next <= 9_999_999) return `${series}${String(next).padStart(7, "0")}`;
  const [free] = await rowsOf<{ number: string }>(
    tx,
    sql`select ${series} || lpad(n::text, 7, '0') as number from generate_series(0, 9999999) as n
      where not exists (select 1 from person.identity_documents d where d.number = ${series} || lpad(n::text, 7, '0'))
      limit 1`,
  );
  if (!free) throw new Error(`Document series ${series} has no free number left.`);
  return free.number;
}

/** Issues a document with a new number; the holder's valid one of the same type is replaced. */
export function issueDocument(db: Database, input: IssueDocumentInput): Promise<DocumentChangeResult> {
  return db.transaction(async (tx) => {
    const issuer = requireText(input.issuer, "issuer", "PMLP Rīgas 1. nodaļa");
    const person = requirePerson(await lockPersons(tx, [input.personCode]), input.personCode);
    requireAlive(person);
    notInFuture(input.on, "on");
    notBeforeBirth(person, input.on, "on");
    if (person.citizenshipStatus !== "CITIZEN" && person.citizenshipStatus !== "NON_CITIZEN") {
      throw invalid(
        `${code(person.personCode)} is ${person.citizenshipStatus === "FOREIGNER" ? "a foreigner" : "a stateless person"}; Latvian passports and eID cards are issued to citizens and non-citizens of Latvia.`,
      );
    }
    const series =
      input.type === "EID_CARD" ? "PA" : person.citizenshipStatus === "NON_CITIZEN" ? "LH" : "LV";
    // One issuer of a series at a time, so two new documents never get the same number.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`rnp.document-number.${series}`}))`);
    const number = await nextDocumentNumber(tx, series);
    await tx
      .update(identityDocuments)
      .set({ status: "INVALID", statusReason: "replaced", statusChangedOn: input.on })
      .where(
        and(
          eq(identityDocuments.personCode, person.personCode),
          eq(identityDocuments.type, input.type),
          eq(identityDocuments.status, "VALID"),
        ),
      );
    const [document] = await tx
      .insert(identityDocuments)
      .values({
        personCode: person.personCode,
        type: input.type,
        number,
        issuer,
        issueDate: input.on,
        // Documents issued before the holder turns 20 are valid 5 years, as the seed has it.
        expiryDate: addYears(input.on, ageOn(person.birthDate, input.on) < 20 ? 5 : 10),
        status: "VALID",
      })
      .returning();
    if (!document) throw new Error("the new document was not inserted");
    await appendChanges(tx, [
      { personCode: person.personCode, dataGroups: ["DOCUMENTS"], kind: "DOCUMENT_ISSUED" },
    ]);
    return { holder: person, document };
  });
}
