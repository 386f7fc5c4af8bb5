/** Invalidating an identity document (lost, stolen, ...). */
import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { eq } from "drizzle-orm";
import { appendChanges } from "./changeLog";
import { notInFuture } from "./dates";
import type { DocumentChangeResult } from "./issueDocument";
import { lockPersons, requirePerson } from "./lockedPersons";
import { invalid, notFound } from "./refusal";
import { requireText } from "./text";

const { identityDocuments } = schema.person;

export interface InvalidateDocumentInput {
  number: string;
  reason: string;
  on: string;
}

/** Declares a valid document invalid from `on`. */
export function invalidateDocument(
  db: Database,
  input: InvalidateDocumentInput,
): Promise<DocumentChangeResult> {
  return db.transaction(async (tx) => {
    const number = input.number.trim().toUpperCase();
    const reason = requireText(input.reason, "reason", "lost");
    const [found] = await tx
      .select({ personCode: identityDocuments.personCode })
      .from(identityDocuments)
      .where(eq(identityDocuments.number, number));
    if (!found) throw notFound(`No identity document has number ${number}.`);
    // The holder first, as every change locks persons before anything else.
    const holder = requirePerson(await lockPersons(tx, [found.personCode]), found.personCode, "holder");
    const [document] = await tx
      .select()
      .from(identityDocuments)
      .where(eq(identityDocuments.number, number))
      .for("no key update");
    if (!document) throw notFound(`No identity document has number ${number}.`);
    if (document.status !== "VALID") {
      const why = document.statusReason ? ` (${document.statusReason}, ${document.statusChangedOn})` : "";
      throw invalid(
        `Document ${number} is ${document.status.toLowerCase()}${why} already; only a valid document can be invalidated.`,
      );
    }
    notInFuture(input.on, "on");
    if (input.on < document.issueDate) {
      throw invalid(`\`on\` is ${input.on}, before document ${number} was issued (${document.issueDate}).`);
    }
    const [updated] = await tx
      .update(identityDocuments)
      .set({ status: "INVALID", statusReason: reason, statusChangedOn: input.on })
      .where(eq(identityDocuments.id, document.id))
      .returning();
    await appendChanges(tx, [
      { personCode: holder.personCode, dataGroups: ["DOCUMENTS"], kind: "DOCUMENT_INVALIDATED" },
    ]);
    return { holder, document: updated ?? document };
  });
}
