import {
  badUserInput,
  checkPersonCode,
  DateTimeScalar,
  echo,
  formatPersonCode,
  type GrantCondition,
  idArgument,
  recordDisclosure,
} from "@rnp/common";
import { graphQLError } from "@rnp/policy/errors";
import type { Resolvers } from "../__generated__/resolvers-types";
import type { MonitoringContext } from "../context";
import { covers, sameConditions } from "../coverage";
import { findNotifications } from "../repositories/notificationRepository";
import {
  addMembers,
  countMonitoredPersons,
  deleteSet,
  findMembersPage,
  findSet,
  findSetsOfGrant,
  insertSet,
  refreshSetConditions,
  removeMembers,
  type SetRow,
} from "../repositories/setRepository";
import { checkSetGrant } from "../setGrant";

/** Most personal codes one add or remove call takes. */
export const MEMBERSHIP_BATCH_LIMIT = 100_000;

const cursorOf = (setId: number, eventNo: number) =>
  Buffer.from(`set:${setId}:${eventNo}`).toString("base64url");
/** The event number a cursor points at; it must belong to the same set. */
function eventNoOf(cursor: string, setId: number): number {
  const match = /^set:(\d{1,10}):(\d{1,15})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match || Number(match[1]) !== setId) {
    throw badUserInput(
      "`after` is not a cursor of this set's changes: pass a notification's `cursor` unchanged.",
    );
  }
  return Number(match[2]);
}

const id = idArgument;

async function ownSet(context: MonitoringContext, setId: string): Promise<SetRow> {
  const set = await findSet(context.db, id(setId, "setId"), context.identity.requesterId);
  if (!set) throw graphQLError("NOT_FOUND", `You have no monitoring set with id ${echo(setId)}.`);
  return set;
}

/**
 * Checks the set against its grant as it stands now and, when the grant's conditions changed
 * since the set last saw them, brings the set's copy (the one the notifier judges by) up to date.
 */
async function underItsGrant(context: MonitoringContext, set: SetRow): Promise<SetRow> {
  const grant = context.identity.grant!;
  checkSetGrant(set, grant);
  if (!sameConditions(set.conditions as GrantCondition[], grant.conditions)) {
    await refreshSetConditions(context.db, set.id, grant.conditions);
    return { ...set, conditions: grant.conditions };
  }
  return set;
}

/** The caller's set, refused unless the request runs under the set's own grant as it stands now. */
async function setUnderItsGrant(context: MonitoringContext, setId: string): Promise<SetRow> {
  return underItsGrant(context, await ownSet(context, setId));
}

/** Splits codes into the canonical valid ones and the refused ones with position and reason. */
function checkCodes(personCodes: readonly string[]) {
  if (personCodes.length > MEMBERSHIP_BATCH_LIMIT) {
    throw badUserInput(
      `${personCodes.length} codes in one call; send at most ${MEMBERSHIP_BATCH_LIMIT} and split the rest into further calls.`,
    );
  }
  const valid: string[] = [];
  const rejected: { position: number; personCode: string; reason: string }[] = [];
  personCodes.forEach((personCode, position) => {
    const check = checkPersonCode(personCode);
    if (check.valid) valid.push(check.code);
    else rejected.push({ position, personCode, reason: check.reason });
  });
  return { valid: [...new Set(valid)], rejected };
}

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: {
    monitoringSets: (_parent, _args, { db, identity }) =>
      findSetsOfGrant(db, identity.requesterId, identity.grant!.id),
    monitoringSet: async (_parent, args, context) => {
      const set = await findSet(context.db, id(args.id, "id"), context.identity.requesterId);
      if (!set) return null;
      return underItsGrant(context, set);
    },
    monitoredPersonCount: (_parent, _args, { db, identity }) =>
      countMonitoredPersons(db, identity.requesterId),
    changes: async (_parent, { setId, after, first }, context) => {
      const set = await setUnderItsGrant(context, setId);
      const size = first ?? 100;
      if (size < 1 || size > 1000)
        throw badUserInput(`\`first\` is ${size}; ask for 1 to 1000 changes a page.`);
      const afterEventNo = after ? eventNoOf(after, set.id) : 0;
      const { conditions } = context.identity.grant!;
      const page = await findNotifications(context.db, set.id, afterEventNo, size, conditions.length > 0);
      // A notification is a disclosure: only of persons inside the grant's conditions today.
      // The notifier numbered only members covered when the change was registered, so the
      // counters tell nothing of anyone else; one who has left the conditions since is skipped
      // here, and the page still ends after it (`endCursor` is the last notification scanned),
      // so a client moves past it and never loops.
      const today = new Date().toISOString().slice(0, 10);
      const delivered = page.rows
        .filter(({ subject }) => covers(conditions, subject, today))
        .map((row) => row.notification);
      for (const notification of delivered)
        recordDisclosure(context.disclosures, notification.personCode, notification.dataGroups);
      const last = page.rows.at(-1)?.notification;
      return {
        nodes: delivered,
        hasNextPage: page.hasNextPage,
        endCursor: last ? cursorOf(set.id, last.eventNo) : (after ?? null),
      };
    },
  },
  Mutation: {
    createMonitoringSet: async (_parent, { input }, { db, identity }) => {
      const grant = identity.grant!;
      if (!grant.monitoringAllowed) {
        throw graphQLError(
          "FORBIDDEN",
          `Grant ${grant.number} does not allow monitoring: ask the operator for a grant that does.`,
        );
      }
      if (input.dataGroups.length === 0)
        throw badUserInput("`dataGroups` is empty: name the groups to monitor.");
      const ungranted = input.dataGroups.filter((group) => !grant.dataGroups.includes(group));
      if (ungranted.length > 0) {
        throw graphQLError(
          "FORBIDDEN",
          `Grant ${grant.number} does not cover ${ungranted.join(", ")}; it covers ${grant.dataGroups.join(", ")}. Monitor only granted groups.`,
        );
      }
      if (!input.name.trim()) throw badUserInput("`name` is empty.");
      return insertSet(db, {
        requesterId: identity.requesterId,
        grantId: grant.id,
        grantNumber: grant.number,
        name: input.name.trim(),
        dataGroups: [...new Set(input.dataGroups)].sort(),
        conditions: grant.conditions,
      });
    },
    addMonitoredPersons: async (_parent, { setId, personCodes }, context) => {
      const set = await setUnderItsGrant(context, setId);
      const { valid, rejected } = checkCodes(personCodes);
      const changed = await addMembers(context.db, set.id, valid);
      return { setId: set.id, changed, unchanged: valid.length - changed, rejected };
    },
    // Removing and deleting only reduce monitoring and disclose nothing: they stay possible
    // under any of the requester's grants, so a set whose grant was revoked can still be
    // emptied or deleted (and stop counting towards the fee).
    removeMonitoredPersons: async (_parent, { setId, personCodes }, context) => {
      const set = await ownSet(context, setId);
      const { valid, rejected } = checkCodes(personCodes);
      const changed = await removeMembers(context.db, set.id, valid);
      return { setId: set.id, changed, unchanged: valid.length - changed, rejected };
    },
    deleteMonitoringSet: async (_parent, args, context) => {
      const set = await ownSet(context, args.id);
      await deleteSet(context.db, set.id);
      return true;
    },
  },
  Subscription: {
    setChanges: {
      // The gateway serves this subscription from `changes`; nothing subscribes here.
      subscribe: () => {
        throw graphQLError("BAD_USER_INPUT", "Subscribe through the gateway's /graphql URL over graphql-ws.");
      },
    },
  },
  MonitoringSet: {
    id: (set) => String(set.id),
    grantNumber: (set) => set.grantNumber ?? null,
    memberCount: (set, _args, { loaders }) => loaders.memberCount.load(set.id),
    members: async (set, { first, after }, { db }) => {
      const size = first ?? 100;
      if (size < 1 || size > 1000)
        throw badUserInput(`\`first\` is ${size}; ask for 1 to 1000 members a page.`);
      const afterCode = after ? Buffer.from(after, "base64url").toString("utf8") : null;
      if (afterCode !== null && !/^\d{11}$/.test(afterCode)) {
        throw badUserInput(
          "`after` is not a cursor of this list: pass the `endCursor` of the previous page unchanged.",
        );
      }
      const page = await findMembersPage(db, set.id, size, afterCode);
      const last = page.codes.at(-1);
      return {
        personCodes: page.codes.map(formatPersonCode),
        hasNextPage: page.hasNextPage,
        endCursor: last ? Buffer.from(last).toString("base64url") : null,
      };
    },
  },
  MembershipChange: {
    memberCount: (change, _args, { loaders }) => loaders.memberCount.load(change.setId),
  },
  ChangeNotification: {
    cursor: (row) => cursorOf(row.setId, row.eventNo),
    personCode: (row) => formatPersonCode(row.personCode),
    person: (row) => ({ personCode: row.personCode }),
  },
  Person: {
    __resolveReference: (reference) => reference,
    // Hyphenated like every personCode. The gateway takes a key field from the subgraph that
    // holds the reference, so `ChangeNotification.person { personCode }` is answered here, and
    // the value becomes the representation the person subgraph resolves. References arrive
    // with the stored 11 digits (from a notification) or hyphenated (from the person subgraph).
    personCode: (person) => formatPersonCode(person.personCode.replace("-", "")),
    monitoringSets: (person, _args, { loaders }) => {
      const check = checkPersonCode(person.personCode);
      return check.valid ? loaders.setsOfPerson.load(check.code) : [];
    },
  },
};
