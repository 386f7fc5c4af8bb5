import { randomBytes } from "node:crypto";
import { badUserInput, hashApiKey } from "@rnp/common";
import { graphQLError } from "@rnp/policy/errors";
import type { MutationResolvers, QueryResolvers, Resolvers } from "../__generated__/resolvers-types";
import type { CatalogContext } from "../context";
import { insertGrant } from "../repositories/accessRepository";
import {
  type ApplicationRow,
  findApplicationByNumber,
  findApplicationsPage,
  findRequesterIdByRegistrationNumber,
  insertApplication,
  insertRequesterOfApplication,
  transition,
} from "../repositories/applicationRepository";
import {
  organisationFields,
  organisationInside,
  reachingOrganisation,
  tieAndRequireConfirmed,
} from "./applicationOrganisation";
import {
  APPLICANT,
  applicationCursorId,
  applicationCursorOf,
  applicationLoaders,
  applicationOfToken,
  checkApplication,
  operatorActor,
  outOfOrder,
  outside,
  requirePlatform,
} from "./applicationSupport";

export interface ApplicationConnectionParent {
  rows: ApplicationRow[];
  hasNextPage: boolean;
}

export async function applicationByNumber(context: CatalogContext, number: string): Promise<ApplicationRow> {
  const row = await findApplicationByNumber(context.db, number);
  if (!row)
    throw graphQLError("NOT_FOUND", `No application has number ${number.slice(0, 40)} on this platform.`);
  return row;
}

/** The operator's decisions are taken on a SUBMITTED application only. */
function requireUndecided(row: ApplicationRow) {
  if (row.status === "CHANGES_REQUESTED") {
    throw outOfOrder(
      "CHANGES_PENDING",
      `Changes to application ${row.number} were requested and the applicant has not amended it yet: wait for the amendment.`,
    );
  }
  if (row.status !== "SUBMITTED") {
    throw outOfOrder(
      "APPLICATION_ALREADY_DECIDED",
      `Application ${row.number} is already ${row.status.toLowerCase().replace("_", " ")}: it can no longer be approved, rejected or sent back.`,
    );
  }
}

const decidedMeanwhile = (number: string) =>
  outOfOrder(
    "APPLICATION_ALREADY_DECIDED",
    `Application ${number} changed meanwhile: read it again and decide on what it is now.`,
  );

function reasonOf(reason: string) {
  const text = reason.trim();
  if (!text) throw badUserInput("`reason` is empty: tell the applicant what to change or why.");
  return text.slice(0, 2000);
}

export const applicationQueries: QueryResolvers = {
  applications: async (_parent, { status, first, after }, { db }) => {
    const size = first ?? 50;
    if (size < 1 || size > 100) throw badUserInput(`\`first\` is ${size}; ask for 1 to 100 a page.`);
    const page = await findApplicationsPage(
      db,
      status ?? null,
      size,
      after ? applicationCursorId(after) : null,
    );
    return page;
  },
  application: (_parent, { number }, { db }) =>
    findApplicationByNumber(db, number).then((row) => row ?? null),
  myApplication: (_parent, { applicationToken }, context) => applicationOfToken(context, applicationToken),
};

export const applicationMutations: MutationResolvers = {
  submitApplication: async (_parent, { input }, context) => {
    requirePlatform(context, "TEST", "Applying");
    const fields = checkApplication(input);
    const applicationToken = `rnp_app_${randomBytes(24).toString("base64url")}`;
    // Tied to the organisation already registered under the number, if any; the answer is the
    // same either way (`existingOrganisation` is null for the applicant), so submitting tells
    // no one whether a number is registered.
    const existingRequesterId =
      (await findRequesterIdByRegistrationNumber(context.db, fields.registrationNumber)) ?? null;
    const application = await insertApplication(
      context.db,
      { ...fields, tokenHash: hashApiKey(applicationToken), existingRequesterId },
      { action: "SUBMITTED", actor: APPLICANT, environment: context.environment },
    );
    return { application, applicationToken };
  },
  amendApplication: async (_parent, { applicationToken, input }, context) => {
    const row = await applicationOfToken(context, applicationToken);
    if (row.status !== "CHANGES_REQUESTED" && row.status !== "SUBMITTED") {
      throw outOfOrder(
        "APPLICATION_NOT_AMENDABLE",
        `Application ${row.number} is ${row.status.toLowerCase().replace("_", " ")}: it can be amended only before the operator's decision.`,
      );
    }
    const fields = checkApplication(input);
    if (fields.registrationNumber !== row.registrationNumber)
      throw badUserInput(
        "The registration number of an application cannot change: submit a new application.",
      );
    const amended = await transition(
      context.db,
      row.id,
      ["CHANGES_REQUESTED", "SUBMITTED"],
      { action: "AMENDED", actor: APPLICANT, environment: context.environment },
      // The organisation's decision was on what the application said: it decides again.
      () => ({
        ...fields,
        status: "SUBMITTED",
        organisationDecision: null,
        organisationDecidedAt: null,
        organisationDecidedByKeyId: null,
        organisationNote: null,
      }),
    );
    if (!amended) throw decidedMeanwhile(row.number);
    return amended;
  },
  requestApplicationChanges: async (_parent, { number, reason }, context) => {
    const row = await applicationByNumber(context, number);
    requireUndecided(row);
    const note = reasonOf(reason);
    const changed = await transition(
      context.db,
      row.id,
      ["SUBMITTED"],
      { action: "CHANGES_REQUESTED", actor: operatorActor(context), note, environment: context.environment },
      () => ({ status: "CHANGES_REQUESTED", reviewNote: note }),
    );
    if (!changed) throw decidedMeanwhile(row.number);
    return changed;
  },
  rejectApplication: async (_parent, { number, reason }, context) => {
    const row = await applicationByNumber(context, number);
    requireUndecided(row);
    const note = reasonOf(reason);
    const rejected = await transition(
      context.db,
      row.id,
      ["SUBMITTED"],
      { action: "REJECTED", actor: operatorActor(context), note, environment: context.environment },
      () => ({ status: "REJECTED", reviewNote: note }),
    );
    if (!rejected) throw decidedMeanwhile(row.number);
    return rejected;
  },
  approveApplication: async (_parent, { number, input }, context) => {
    const row = await applicationByNumber(context, number);
    requireUndecided(row);
    requirePlatform(context, "TEST", "Approval (it opens the test environment)");
    const groups = [...new Set(input?.dataGroups ?? row.dataGroups)];
    const extra = outside(groups, row.dataGroups);
    if (groups.length === 0)
      throw badUserInput("`dataGroups` is empty: approve at least one requested group.");
    if (extra.length > 0)
      throw badUserInput(
        `${extra.join(", ")} were not requested: approve only groups the application asks for.`,
      );
    const requestsPerMinute = input?.requestsPerMinute ?? 60;
    const personsPerDay = input?.personsPerDay ?? 1000;
    if (requestsPerMinute < 1 || personsPerDay < 1)
      throw badUserInput("`requestsPerMinute` and `personsPerDay` are positive numbers.");
    const today = new Date().toISOString().slice(0, 10);
    const validTo = input?.validTo ?? new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    if (validTo < today) throw badUserInput(`\`validTo\` ${validTo} is in the past.`);
    await tieAndRequireConfirmed(context, row);
    const approved = await reachingOrganisation(context, row, () =>
      transition(
        context.db,
        row.id,
        ["SUBMITTED"],
        { action: "APPROVED", actor: operatorActor(context), environment: context.environment },
        async (tx) => {
          // The row as locked here: what is approved is what the application says now.
          const { row: current, organisationId } = await organisationInside(context, tx, row.id);
          if (outside(groups, current.dataGroups).length > 0) throw decidedMeanwhile(row.number);
          const requesterId =
            organisationId ??
            (await insertRequesterOfApplication(tx, {
              name: current.organisationName,
              registrationNumber: current.registrationNumber,
              contactEmail: current.contactEmail,
            }));
          const grant = await insertGrant(tx, {
            requesterId,
            dataGroups: groups,
            legalBasis: current.legalBasis,
            purpose: `${current.purpose} (testing ${current.systemName}, application ${row.number})`,
            validFrom: today,
            validTo,
            environment: "TEST",
            dailyQuota: personsPerDay,
            monitoringAllowed: current.needsMonitoring,
            // TEST grants run documents sent in full (the safelist is for PRODUCTION).
            approvedSetsOnly: false,
            // Only this application's key and tokens (or the organisation's own keys) may name it.
            applicationId: row.id,
          });
          return {
            status: "APPROVED",
            requesterId,
            grantId: grant.id,
            approvedDataGroups: groups,
            requestsPerMinute,
            personsPerDay,
            reviewNote: null,
          };
        },
      ),
    );
    if (!approved) throw decidedMeanwhile(row.number);
    return approved;
  },
};

export const applicationTypes: Resolvers = {
  Application: {
    ...organisationFields,
    tier: (row) =>
      row.requestsPerMinute !== null && row.personsPerDay !== null
        ? { requestsPerMinute: row.requestsPerMinute, personsPerDay: row.personsPerDay }
        : null,
    requester: async (row, _args, { loaders }) =>
      row.requesterId === null ? null : await loaders.requester.load(row.requesterId),
    acceptanceAct: (row, _args, context) => applicationLoaders(context).act.load(row.id),
    history: (row, _args, context) => applicationLoaders(context).history.load(row.id),
  },
  ApplicationEvent: {
    action: (row) => row.action as never,
  },
  ApplicationConnection: {
    nodes: (page) => page.rows,
    endCursor: (page) => {
      const last = page.rows.at(-1);
      return last ? applicationCursorOf(last.id) : null;
    },
  },
};
