import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { asc, eq } from "drizzle-orm";
import { findOrCreateRequester, type Tx } from "./applicationRepository";

const { applications, applicationEvents, acceptanceActs } = schema.onboarding;

/** Why an application cannot be promoted: a sentence for the operator. */
export class PromotionRefused extends Error {}

/**
 * Copies an accepted application from the test platform's database to the production one:
 * the application (same number, same application token), its history and its acceptance act,
 * and registers the organisation there if it is new. Credentials and grants are not copied:
 * they belong to one environment, and production's are made on production
 * (`issueProductionGrant`, then `claimApplicationCredentials`). Both histories get a PROMOTED step.
 */
export async function promoteApplication(
  from: Database,
  to: Database,
  number: string,
): Promise<{ number: string; requesterId: number }> {
  const [source] = await from.select().from(applications).where(eq(applications.number, number));
  if (!source)
    throw new PromotionRefused(`No application has number ${number} in the test platform's database.`);
  if (source.status !== "ACCEPTED") {
    throw new PromotionRefused(
      `Application ${number} is ${source.status.toLowerCase().replace("_", " ")}: only an application with its acceptance act recorded (ACCEPTED) is promoted (ACCEPTANCE_REQUIRED).`,
    );
  }
  const [act] = await from.select().from(acceptanceActs).where(eq(acceptanceActs.applicationId, source.id));
  const events = await from
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, source.id))
    .orderBy(asc(applicationEvents.id));
  const note = "copied from the test platform by pnpm onboarding:promote";
  const promoted = await to.transaction(async (tx) => {
    const [already] = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(eq(applications.number, number));
    if (already) throw new PromotionRefused(`Application ${number} is already on the production platform.`);
    const requesterId = await findOrCreateRequester(tx as unknown as Tx, {
      name: source.organisationName,
      registrationNumber: source.registrationNumber,
      contactEmail: source.contactEmail,
    });
    const { id: _id, grantId: _grant, requesterId: _requester, ...fields } = source;
    const [row] = await tx
      .insert(applications)
      .values({ ...fields, requesterId, grantId: null })
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
    if (act) await tx.insert(acceptanceActs).values({ ...act, applicationId });
    return { number, requesterId };
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
