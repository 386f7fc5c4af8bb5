import { createHash, type KeyObject } from "node:crypto";
import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { asc, eq } from "drizzle-orm";
import { keptActProblem } from "../acceptanceSignature";
import {
  findRequesterIdByRegistrationNumber,
  insertRequesterOfApplication,
  type Tx,
} from "./applicationRepository";

const { applications, applicationEvents, acceptanceActs } = schema.onboarding;

/** Why an application cannot be promoted: a sentence for the operator, and its code. */
export class PromotionRefused extends Error {
  constructor(
    message: string,
    readonly code:
      | "NOT_FOUND"
      | "ACCEPTANCE_REQUIRED"
      | "ACCEPTANCE_ACT_SIGNATURE_INVALID"
      | "APPLICATION_ALREADY_DECIDED",
  ) {
    super(message);
  }
}

export interface Promoted {
  number: string;
  /** The organisation the application belongs to on production; null while it awaits one's confirmation. */
  requesterId: number | null;
  /** The organisation registered on production under the application's number, which must confirm it first. */
  awaitingOrganisation: number | null;
}

/**
 * Copies an accepted application from the test platform's database to the production one:
 * the application (same number, same application token), its history and its signed
 * acceptance act. Nothing is written unless the act's signature holds, with `verifyingKey`
 * (the test platform's public key), over the act and the application as the test database
 * has them now. The organisation: registered on production if no organisation has the
 * registration number there; if one has, the application is tied to it and left unattached,
 * and that organisation confirms it on production before the PRODUCTION grant (whatever was
 * confirmed on the test platform: its organisations are not production's). Credentials and
 * grants are not copied: they belong to one environment. Both histories get a PROMOTED step.
 */
export async function promoteApplication(
  from: Database,
  to: Database,
  number: string,
  verifyingKey: KeyObject,
): Promise<Promoted> {
  const [source] = await from.select().from(applications).where(eq(applications.number, number));
  if (!source)
    throw new PromotionRefused(
      `No application has number ${number} in the test platform's database.`,
      "NOT_FOUND",
    );
  if (source.status !== "ACCEPTED") {
    throw new PromotionRefused(
      `Application ${number} is ${source.status.toLowerCase().replace("_", " ")}: only an application with its acceptance act recorded (ACCEPTED) is promoted.`,
      "ACCEPTANCE_REQUIRED",
    );
  }
  const [act] = await from.select().from(acceptanceActs).where(eq(acceptanceActs.applicationId, source.id));
  const problem = act
    ? keptActProblem(
        source,
        { ...act, documentDigest: createHash("sha256").update(act.document).digest("hex") },
        verifyingKey,
      )
    : `application ${number} has no acceptance act`;
  if (!act || problem) {
    throw new PromotionRefused(
      `Application ${number} is not promoted: ${problem}. Nothing was written to the production database.`,
      "ACCEPTANCE_ACT_SIGNATURE_INVALID",
    );
  }
  const events = await from
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, source.id))
    .orderBy(asc(applicationEvents.id));
  // The same words whichever way the organisation was found: the applicant reads this history.
  const note = "copied from the test platform by pnpm onboarding:promote";
  const promoted = await to.transaction(async (tx) => {
    const [already] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(eq(applications.number, number));
    if (already)
      throw new PromotionRefused(
        `Application ${number} is already on the production platform.`,
        "APPLICATION_ALREADY_DECIDED",
      );
    const db = tx as unknown as Tx;
    const existing = await findRequesterIdByRegistrationNumber(db, source.registrationNumber);
    // Never reached from here: a new organisation is registered, an existing one only tied.
    const requesterId =
      existing === undefined
        ? await insertRequesterOfApplication(db, {
            name: source.organisationName,
            registrationNumber: source.registrationNumber,
            contactEmail: source.contactEmail,
          })
        : null;
    const {
      id: _id,
      grantId: _grant,
      requesterId: _requester,
      existingRequesterId: _existing,
      organisationDecision: _decision,
      organisationDecidedAt: _decidedAt,
      organisationDecidedByKeyId: _decidedBy,
      organisationNote: _note,
      ...fields
    } = source;
    const [row] = await tx
      .insert(applications)
      .values({ ...fields, requesterId, existingRequesterId: existing ?? null, grantId: null })
      .returning({ id: applications.id });
    const applicationId = row!.id;
    for (const { id: _event, applicationId: _app, ...event } of events) {
      await tx.insert(applicationEvents).values({ ...event, applicationId });
    }
    await tx.insert(applicationEvents).values({
      applicationId,
      action: "PROMOTED",
      actor: "operator command",
      note,
      environment: "PRODUCTION",
    });
    await tx.insert(acceptanceActs).values({ ...act, applicationId });
    return { number, requesterId, awaitingOrganisation: existing ?? null };
  });
  await from.insert(applicationEvents).values({
    applicationId: source.id,
    action: "PROMOTED",
    actor: "operator command",
    note,
    environment: "TEST",
  });
  return promoted;
}
