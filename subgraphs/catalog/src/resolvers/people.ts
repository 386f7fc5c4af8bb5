import { badUserInput, checkPersonCode, formatPersonCode, idArgument } from "@rnp/common";
import { graphQLError } from "@rnp/policy/errors";
import type { MutationResolvers, QueryResolvers, Resolvers } from "../__generated__/resolvers-types";
import type { CatalogContext } from "../context";
import { findMyDisclosureOrganisations, findMyDisclosures } from "../repositories/myDisclosuresRepository";
import {
  findManualLookupGrants,
  findMembers,
  findMembership,
  findMembershipsOf,
  findPeopleEvents,
  findPlatformRoles,
  type MembershipRow,
  type OrganisationRole,
  type PeopleAction,
  saveMembership,
} from "../repositories/peopleRepository";

const id = idArgument;

/** The portal session's person, or UNAUTHENTICATED: these fields are for people signed in. */
function signedIn({ identity }: CatalogContext): string {
  const personCode = identity.actor?.personCode;
  if (!personCode) {
    throw graphQLError(
      "UNAUTHENTICATED",
      "Sign in to the portal: this is answered only for a person's session, never for an API key.",
    );
  }
  return personCode;
}

/** Who acts: the session's person, or an operator's API key. */
interface Actor {
  label: string;
  personCode: string | null;
  operator: boolean;
  portalAdmin: boolean;
}

async function actorOf(context: CatalogContext): Promise<Actor> {
  const { identity, db } = context;
  if (identity.role === "OPERATOR") {
    return { label: `API key ${identity.keyId}`, personCode: null, operator: true, portalAdmin: true };
  }
  const personCode = signedIn(context);
  const roles = await findPlatformRoles(db, personCode);
  return {
    label: personCode,
    personCode,
    operator: roles.includes("OPERATOR"),
    portalAdmin: roles.includes("OPERATOR") || roles.includes("PORTAL_ADMIN"),
  };
}

async function activeRolesIn(context: CatalogContext, actor: Actor, requesterId: number) {
  if (!actor.personCode) return [];
  const own = await findMembership(context.db, requesterId, actor.personCode);
  return own?.status === "ACTIVE" ? own.roles : [];
}

/** The organisation's signatory (or an operator) may change its people; FORBIDDEN for anyone else. */
async function assertManages(context: CatalogContext, requesterId: number): Promise<Actor> {
  const actor = await actorOf(context);
  if (actor.operator) return actor;
  if (!(await activeRolesIn(context, actor, requesterId)).includes("SIGNATORY")) {
    throw graphQLError(
      "FORBIDDEN",
      `Only organisation ${requesterId}'s signatory contact person manages its people; ask them, or the register's operator.`,
    );
  }
  return actor;
}

/** The signatory, the organisation's administrators, operators and portal administrators may see its people. */
async function assertSeesPeople(context: CatalogContext, requesterId: number): Promise<Actor> {
  const actor = await actorOf(context);
  if (actor.portalAdmin) return actor;
  const roles = await activeRolesIn(context, actor, requesterId);
  if (!roles.includes("SIGNATORY") && !roles.includes("ORG_ADMIN")) {
    throw graphQLError(
      "FORBIDDEN",
      `Organisation ${requesterId}'s people are shown to its signatory and administrators only.`,
    );
  }
  return actor;
}

function personCodeArgument(text: string): string {
  const check = checkPersonCode(text);
  if (!check.valid) throw badUserInput(`${check.reason}.`, { field: "personCode" });
  return check.code;
}

function rolesArgument(roles: readonly OrganisationRole[], actor: Actor): OrganisationRole[] {
  const unique = [...new Set(roles)];
  if (unique.length === 0) throw badUserInput("Give at least one role.", { field: "roles" });
  if (unique.includes("SIGNATORY") && !actor.operator) {
    throw graphQLError(
      "FORBIDDEN",
      "The signatory contact person is appointed by the register's operator (appointSignatory), not by the organisation.",
    );
  }
  return unique;
}

async function existingMember(context: CatalogContext, requesterId: number, personCode: string) {
  const row = await findMembership(context.db, requesterId, personCode);
  if (!row || row.status === "REMOVED") {
    throw graphQLError(
      "NOT_FOUND",
      `${formatPersonCode(personCode)} is not a member of organisation ${requesterId}.`,
    );
  }
  return row;
}

async function assertOrganisation(context: CatalogContext, requesterId: number) {
  if (!(await context.loaders.requester.load(requesterId))) {
    throw graphQLError("NOT_FOUND", `No organisation has id ${requesterId}.`);
  }
}

function statusChange(
  action: PeopleAction,
  from: MembershipRow["status"][],
  to: MembershipRow["status"],
): MutationResolvers["suspendMember"] {
  return async (_parent, args, context) => {
    const requesterId = id(args.requesterId, "requesterId");
    const actor = await assertManages(context, requesterId);
    const personCode = personCodeArgument(args.personCode);
    if (personCode === actor.personCode) {
      throw badUserInput("You cannot suspend or remove yourself; ask the register's operator.", {
        field: "personCode",
      });
    }
    const member = await existingMember(context, requesterId, personCode);
    if (!from.includes(member.status)) {
      throw badUserInput(
        `${formatPersonCode(personCode)} is ${member.status.toLowerCase()}; nothing to change.`,
      );
    }
    return saveMembership(context.db, {
      requesterId,
      personCode,
      actor: actor.label,
      action,
      roles: member.roles,
      status: to,
    });
  };
}

const cursorOf = (seq: number) => Buffer.from(`people:${seq}`).toString("base64url");
function seqOf(cursor: string | null | undefined): number | null {
  if (!cursor) return null;
  const [kind, value] = Buffer.from(cursor, "base64url").toString("utf8").split(":");
  const seq = Number(value);
  if (kind !== "people" && kind !== "mine") throw badUserInput("`after` is not a cursor of this list.");
  if (!Number.isSafeInteger(seq) || seq < 1) throw badUserInput("`after` is not a cursor of this list.");
  return seq;
}

function pageSize(first: number | null | undefined, max: number): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > max) throw badUserInput(`\`first\` must be 1–${max}.`);
  return size;
}

export const peopleQueries: QueryResolvers = {
  portalMe: async (_parent, _args, { identity, db }) => {
    const personCode = identity.actor?.personCode;
    if (!personCode) return null;
    const [platformRoles, memberships] = await Promise.all([
      findPlatformRoles(db, personCode),
      findMembershipsOf(db, personCode),
    ]);
    return { personCode: formatPersonCode(personCode), name: null, platformRoles, memberships };
  },
  organisationMembers: async (_parent, args, context) => {
    const requesterId = id(args.requesterId, "requesterId");
    await assertSeesPeople(context, requesterId);
    return findMembers(context.db, requesterId);
  },
  peopleEvents: async (_parent, args, context) => {
    const requesterId = id(args.requesterId, "requesterId");
    await assertSeesPeople(context, requesterId);
    return findPeopleEvents(context.db, requesterId, pageSize(args.first, 100), seqOf(args.after));
  },
  manualLookupGrants: async (_parent, args, context) => {
    const requesterId = id(args.requesterId, "requesterId");
    const actor = await actorOf(context);
    if (!(await activeRolesIn(context, actor, requesterId)).includes("PDP_USER")) {
      throw graphQLError(
        "FORBIDDEN",
        `You are not an active PDP user of organisation ${requesterId}: its signatory gives that role.`,
      );
    }
    return findManualLookupGrants(
      context.db,
      requesterId,
      context.environment,
      new Date().toISOString().slice(0, 10),
    );
  },
  myDisclosures: async (_parent, args, context) => {
    const personCode = signedIn(context);
    return findMyDisclosures(
      context.db,
      personCode,
      {
        ...(args.from ? { from: args.from } : {}),
        ...(args.to ? { to: args.to } : {}),
        ...(args.organisationId ? { organisationId: id(args.organisationId, "organisationId") } : {}),
      },
      pageSize(args.first, 100),
      seqOf(args.after),
    );
  },
  myDisclosureOrganisations: (_parent, _args, context) =>
    findMyDisclosureOrganisations(context.db, signedIn(context)),
};

export const peopleMutations: MutationResolvers = {
  addMember: async (_parent, args, context) => {
    const requesterId = id(args.requesterId, "requesterId");
    const actor = await assertManages(context, requesterId);
    await assertOrganisation(context, requesterId);
    const personCode = personCodeArgument(args.personCode);
    const roles = rolesArgument(args.roles, actor);
    const existing = await findMembership(context.db, requesterId, personCode);
    if (existing && existing.status !== "REMOVED") {
      throw badUserInput(`${formatPersonCode(personCode)} is already a member; change their roles instead.`, {
        field: "personCode",
      });
    }
    const displayName = args.displayName?.trim().slice(0, 200) || null;
    return saveMembership(context.db, {
      requesterId,
      personCode,
      actor: actor.label,
      action: "ADDED",
      roles,
      status: "ACTIVE",
      displayName,
    });
  },
  setMemberRoles: async (_parent, args, context) => {
    const requesterId = id(args.requesterId, "requesterId");
    const actor = await assertManages(context, requesterId);
    const personCode = personCodeArgument(args.personCode);
    const member = await existingMember(context, requesterId, personCode);
    const roles = rolesArgument(args.roles, actor);
    // The signatory keeps SIGNATORY unless an operator changes it (it is appointed, not given).
    const kept: OrganisationRole[] =
      member.roles.includes("SIGNATORY") && !actor.operator ? ["SIGNATORY", ...roles] : roles;
    return saveMembership(context.db, {
      requesterId,
      personCode,
      actor: actor.label,
      action: "ROLES_CHANGED",
      roles: [...new Set(kept)],
      status: member.status,
    });
  },
  suspendMember: statusChange("SUSPENDED", ["ACTIVE"], "SUSPENDED"),
  reinstateMember: statusChange("REINSTATED", ["SUSPENDED"], "ACTIVE"),
  removeMember: statusChange("REMOVED", ["ACTIVE", "SUSPENDED"], "REMOVED"),
  appointSignatory: async (_parent, args, context) => {
    const requesterId = id(args.requesterId, "requesterId");
    const actor = await actorOf(context);
    if (!actor.operator) {
      throw graphQLError("FORBIDDEN", "Signatories are appointed by the register's operators only.");
    }
    await assertOrganisation(context, requesterId);
    const personCode = personCodeArgument(args.personCode);
    const existing = await findMembership(context.db, requesterId, personCode);
    const roles = [...new Set<OrganisationRole>(["SIGNATORY", ...(existing?.roles ?? [])])];
    return saveMembership(context.db, {
      requesterId,
      personCode,
      actor: actor.label,
      action: "SIGNATORY_APPOINTED",
      roles,
      status: "ACTIVE",
    });
  },
};

export const peopleTypes: Resolvers = {
  Membership: {
    personCode: (row) => formatPersonCode(row.personCode),
    addedAt: (row) => row.addedAt.toISOString(),
    organisation: async (row, _args, { loaders }) => {
      const requester = await loaders.requester.load(row.requesterId);
      if (!requester) throw new Error(`Organisation ${row.requesterId} of a membership is missing`);
      return requester;
    },
  },
  PeopleEvent: {
    at: (row) => row.at.toISOString(),
    actor: (row) => (/^\d{11}$/.test(row.actor) ? formatPersonCode(row.actor) : row.actor),
    personCode: (row) => formatPersonCode(row.personCode),
    organisation: async (row, _args, { loaders }) => {
      const requester = await loaders.requester.load(row.requesterId);
      if (!requester) throw new Error(`Organisation ${row.requesterId} of a people event is missing`);
      return requester;
    },
  },
  PeopleEventConnection: {
    nodes: (page) => page.rows,
    endCursor: (page) => {
      const last = page.rows.at(-1);
      return last ? cursorOf(last.seq) : null;
    },
  },
  MyDisclosure: {
    at: (row) => new Date(row.at).toISOString(),
    channel: (row) => (row.channel ?? "API") as never,
    purpose: (row) => (row.caseReference ? `${row.purpose} — ${row.caseReference}` : row.purpose),
  },
  MyDisclosureConnection: {
    nodes: (page) => page.rows,
    endCursor: (page) => {
      const last = page.rows.at(-1);
      return last ? Buffer.from(`mine:${last.seq}`).toString("base64url") : null;
    },
  },
  DisclosureOrganisation: {
    id: (row) => String(row.id),
  },
};

export type PeopleEventConnectionParent = Awaited<ReturnType<typeof findPeopleEvents>>;
export type MyDisclosureConnectionParent = Awaited<ReturnType<typeof findMyDisclosures>>;
export type DisclosureOrganisationParent = { id: number; name: string };
export interface PortalUserParent {
  personCode: string;
  name: string | null;
  platformRoles: ("OPERATOR" | "PORTAL_ADMIN")[];
  memberships: MembershipRow[];
}
