import { badUserInput } from "@rnp/common";
import { graphQLError } from "@rnp/policy/errors";
import type { MutationResolvers, QueryResolvers, Resolvers } from "../__generated__/resolvers-types";
import type { CatalogContext } from "../context";
import {
  type ApplicationRow,
  findApplicationById,
  findApplicationByNumber,
  findApplicationsPage,
  findRequesterIdByRegistrationNumber,
  isUniqueViolation,
  type Tx,
  tieToOrganisation,
  transition,
} from "../repositories/applicationRepository";
import { applicationCursorId, outOfOrder } from "./applicationSupport";

/**
 * An application that names the registration number of an organisation already registered
 * is tied to it, and reaches it (gets it as its requester, and so its credentials belong to
 * it) only once that organisation's administrator confirmed it; the operator sees the
 * organisation beside what the applicant typed; the applicant is never told whether the number
 * is registered. docs/ENVIRONMENTS.md, "An existing organisation".
 */

/** Whether the caller may see which organisation an application names: the operator and that organisation's administrators. */
export function seesExistingOrganisation(context: CatalogContext, row: ApplicationRow): boolean {
  const { role, requesterId } = context.identity;
  return (
    row.existingRequesterId !== null &&
    (role === "OPERATOR" || (role === "REQUESTER_ADMIN" && requesterId === row.existingRequesterId))
  );
}

/** Refuses a step that would reach an existing organisation before it confirmed. */
function requireConfirmed(context: CatalogContext, row: ApplicationRow, organisationId: number) {
  if (row.existingRequesterId === organisationId && row.organisationDecision === "CONFIRMED") return;
  if (row.existingRequesterId === organisationId && row.organisationDecision === "DECLINED") {
    throw outOfOrder(
      "ORGANISATION_DECLINED",
      `Organisation ${organisationId}, registered under ${row.registrationNumber}, declined application ${row.number} as not its own: reject it (\`rejectApplication\`).`,
    );
  }
  throw outOfOrder(
    "ORGANISATION_CONFIRMATION_REQUIRED",
    `Application ${row.number} names registration number ${row.registrationNumber}, under which organisation ${organisationId} is already registered on this ${context.environment.toLowerCase()} platform: it is approved only as a change that organisation confirms. Ask its administrator (a REQUESTER_ADMIN key of that organisation) to call \`confirmOrganisationApplication\`, or reject the application.`,
  );
}

/**
 * Before a step that gives the application an organisation (approval, the PRODUCTION grant):
 * ties it to an organisation registered under its number since it was submitted (or
 * promoted), and refuses unless that organisation confirmed it. Outside the step's
 * transaction, so the tie survives the refusal.
 */
export async function tieAndRequireConfirmed(
  context: CatalogContext,
  row: ApplicationRow,
): Promise<ApplicationRow> {
  const existing = await findRequesterIdByRegistrationNumber(context.db, row.registrationNumber);
  if (existing === undefined) return row;
  if (row.existingRequesterId === null) {
    await tieToOrganisation(context.db, row.id, existing);
    // Untied until now, so undecided: a decision ties the application (confirmOrganisationApplication).
    row = { ...row, existingRequesterId: existing, organisationDecision: null };
  }
  requireConfirmed(context, row, existing);
  return row;
}

/**
 * Inside the step's transaction, on the application row as locked there (a confirmation an
 * amendment cleared meanwhile is seen): the organisation to give it, or null when none is
 * registered under its number and the step registers one.
 */
export async function organisationInside(
  context: CatalogContext,
  tx: Tx,
  applicationId: number,
): Promise<{ row: ApplicationRow; organisationId: number | null }> {
  const row = (await findApplicationById(tx, applicationId))!;
  // Attached to an organisation it registered (promotion to a platform that had none) it stays.
  if (row.requesterId !== null) return { row, organisationId: row.requesterId };
  const existing = await findRequesterIdByRegistrationNumber(tx, row.registrationNumber);
  if (existing !== undefined) requireConfirmed(context, row, existing);
  return { row, organisationId: existing ?? null };
}

/**
 * Runs a step that may register the application's organisation: a registration number taken
 * by a concurrent registration fails on the unique index, and is answered as an existing
 * organisation's (the application tied to it, the step refused), never by reaching it.
 */
export async function reachingOrganisation<T>(
  context: CatalogContext,
  row: ApplicationRow,
  step: () => Promise<T>,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await tieAndRequireConfirmed(context, row);
    throw error;
  }
}

function callerOrganisation(context: CatalogContext) {
  return context.loaders.requester.load(context.identity.requesterId);
}

export const organisationQueries: QueryResolvers = {
  applicationsToConfirm: async (_parent, { first, after }, context) => {
    const size = first ?? 50;
    if (size < 1 || size > 100) throw badUserInput(`\`first\` is ${size}; ask for 1 to 100 a page.`);
    const organisation = await callerOrganisation(context);
    if (!organisation) return { rows: [], hasNextPage: false };
    return findApplicationsPage(
      context.db,
      null,
      size,
      after ? applicationCursorId(after) : null,
      organisation.registrationNumber,
    );
  },
};

export const organisationMutations: MutationResolvers = {
  confirmOrganisationApplication: async (_parent, { number, decision, note }, context) => {
    const { identity } = context;
    const row = await findApplicationByNumber(context.db, number);
    const organisation = await callerOrganisation(context);
    // Only the organisation the application names decides; to anyone else it does not exist,
    // the operator included (its key speaks for the platform, not for the organisation).
    if (
      !row ||
      !organisation ||
      identity.role !== "REQUESTER_ADMIN" ||
      row.registrationNumber !== organisation.registrationNumber
    ) {
      throw graphQLError(
        "NOT_FOUND",
        `No application numbered ${number.slice(0, 40)} names your organisation's registration number: only that organisation's REQUESTER_ADMIN keys confirm an application.`,
      );
    }
    if (row.requesterId !== null || row.status === "REJECTED" || row.organisationDecision !== null) {
      throw outOfOrder(
        "APPLICATION_ALREADY_DECIDED",
        row.organisationDecision
          ? `Your organisation already ${row.organisationDecision === "CONFIRMED" ? "confirmed" : "declined"} application ${row.number}.`
          : `Application ${row.number} is already ${row.status === "REJECTED" ? "rejected" : "decided"}.`,
      );
    }
    const text = note?.trim().slice(0, 2000) || null;
    const decided = await transition(
      context.db,
      row.id,
      [row.status],
      // A decline is not written in the history the applicant reads: the operator tells it,
      // in the words of the rejection, without saying that the number is registered.
      decision === "CONFIRMED"
        ? {
            action: "ORGANISATION_CONFIRMED",
            actor: `organisation (key ${identity.keyId})`,
            note: text,
            environment: context.environment,
          }
        : null,
      () => ({
        existingRequesterId: organisation.id,
        organisationDecision: decision,
        organisationDecidedAt: new Date(),
        organisationDecidedByKeyId: identity.keyId,
        organisationNote: text,
      }),
    );
    if (!decided)
      throw outOfOrder(
        "APPLICATION_ALREADY_DECIDED",
        `Application ${row.number} changed meanwhile: read it again (\`applicationsToConfirm\`).`,
      );
    return decided;
  },
};

/** The fields of `Application` that show the existing organisation (merged into its resolvers). */
export const organisationFields: NonNullable<Resolvers["Application"]> = {
  existingOrganisation: async (row, _args, context) =>
    seesExistingOrganisation(context, row)
      ? ((await context.loaders.requester.load(row.existingRequesterId!)) ?? null)
      : null,
  organisationConfirmation: (row, _args, context) =>
    seesExistingOrganisation(context, row) &&
    row.organisationDecision &&
    row.organisationDecidedAt &&
    row.organisationDecidedByKeyId !== null
      ? {
          decision: row.organisationDecision,
          decidedAt: row.organisationDecidedAt.toISOString(),
          keyId: String(row.organisationDecidedByKeyId),
          note: row.organisationNote,
        }
      : null,
};
