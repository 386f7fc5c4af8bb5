import { badUserInput } from "@rnp/common";
import type { MutationResolvers } from "../__generated__/resolvers-types";
import { keptActProblem } from "../acceptanceSignature";
import type { CatalogContext } from "../context";
import { type GrantRow, insertGrant } from "../repositories/accessRepository";
import {
  type ApplicationRow,
  findSignedAct,
  insertRequesterOfApplication,
  type Tx,
  transition,
} from "../repositories/applicationRepository";
import { organisationInside, reachingOrganisation, tieAndRequireConfirmed } from "./applicationOrganisation";
import { isApproved, operatorActor, outOfOrder, outside, requirePlatform } from "./applicationSupport";
import { applicationByNumber } from "./applications";
import { safelistOfNewGrant } from "./safelist";

/**
 * The act as kept, verified against its signature with the production platform's public key:
 * ACCEPTANCE_ACT_SIGNATURE_INVALID when the act, its document or the application was changed
 * after the test platform signed it (in the test database before promotion, or here after).
 */
export async function verifiedAct(context: CatalogContext, db: Tx, row: ApplicationRow) {
  const publicKey = context.actKeys.verifying;
  if (!publicKey) {
    throw outOfOrder(
      "ACCEPTANCE_ACT_KEY_MISSING",
      "This production platform has no public key to verify acceptance acts with (ACCEPTANCE_ACT_PUBLIC_KEY), so it opens no application to production: the platform's administrator sets it (docs/ENVIRONMENTS.md).",
    );
  }
  const act = await findSignedAct(db, row.id);
  const problem = act
    ? keptActProblem(row, act, publicKey)
    : `application ${row.number} has no acceptance act on this platform`;
  if (!act || problem) {
    throw outOfOrder(
      "ACCEPTANCE_ACT_SIGNATURE_INVALID",
      `No PRODUCTION grant for application ${row.number}: ${problem}. Nothing was issued; record the act again on the test platform and promote it again.`,
    );
  }
  return act;
}

export const productionGrantMutations: MutationResolvers = {
  issueProductionGrant: async (_parent, { number, input }, context) => {
    const row = await applicationByNumber(context, number);
    if (!isApproved(row) || row.status === "APPROVED" || row.status === "ACCEPTANCE_REPORTED") {
      throw outOfOrder(
        "ACCEPTANCE_REQUIRED",
        `Application ${row.number} is ${row.status.toLowerCase().replace("_", " ")}: a PRODUCTION grant needs its signed acceptance act recorded first.`,
      );
    }
    if (row.status === "IN_PRODUCTION")
      throw outOfOrder(
        "APPLICATION_ALREADY_DECIDED",
        `Application ${row.number} already has its PRODUCTION grant.`,
      );
    requirePlatform(context, "PRODUCTION", "Issuing the PRODUCTION grant (after `pnpm onboarding:promote`)");
    const act = await verifiedAct(context, context.db, row);
    const accepted = act.acceptedDataGroups;
    const groups = [...new Set(input.dataGroups ?? accepted)];
    const extra = outside(groups, accepted);
    if (groups.length === 0 || extra.length > 0) {
      throw outOfOrder(
        "GROUPS_NOT_ACCEPTED",
        `${extra.join(", ") || "No group"} ${extra.length === 1 ? "is" : "are"} not in acceptance act ${act.number}: a PRODUCTION grant covers only ${accepted.join(", ")}.`,
      );
    }
    const validFrom = input.validFrom ?? new Date().toISOString().slice(0, 10);
    if (input.validTo < validFrom)
      throw badUserInput(`\`validTo\` ${input.validTo} is before \`validFrom\` ${validFrom}.`);
    const safelist = safelistOfNewGrant(context, "PRODUCTION", undefined, input.safelistWaiver);
    // Promotion leaves an application that names an organisation registered here unattached:
    // that organisation confirms it here, on production, before the grant makes it its own.
    if (row.requesterId === null) await tieAndRequireConfirmed(context, row);
    let grant: GrantRow | undefined;
    const granted = await reachingOrganisation(context, row, () =>
      transition(
        context.db,
        row.id,
        ["ACCEPTED"],
        { action: "PRODUCTION_GRANTED", actor: operatorActor(context), environment: context.environment },
        async (tx) => {
          // Verified again on the row as locked: what the grant is issued from is what was signed.
          const { row: current, organisationId } = await organisationInside(context, tx, row.id);
          await verifiedAct(context, tx, current);
          const requesterId =
            organisationId ??
            (await insertRequesterOfApplication(tx, {
              name: current.organisationName,
              registrationNumber: current.registrationNumber,
              contactEmail: current.contactEmail,
            }));
          grant = await insertGrant(tx, {
            requesterId,
            dataGroups: groups,
            legalBasis: current.legalBasis,
            purpose: `${current.purpose} (${current.systemName}, application ${current.number})`,
            validFrom,
            validTo: input.validTo,
            environment: "PRODUCTION",
            dailyQuota: current.personsPerDay,
            monitoringAllowed: current.needsMonitoring,
            ...safelist,
            applicationId: current.id,
          });
          return { status: "IN_PRODUCTION", requesterId, grantId: grant.id };
        },
      ),
    );
    if (!granted || !grant)
      throw outOfOrder("APPLICATION_ALREADY_DECIDED", `Application ${row.number} changed meanwhile.`);
    return grant;
  },
};
