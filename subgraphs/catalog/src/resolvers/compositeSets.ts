import { badUserInput, echo, idArgument } from "@rnp/common";
import { graphQLError } from "@rnp/policy/errors";
import DataLoader from "dataloader";
import type { MutationResolvers, QueryResolvers, Resolvers } from "../__generated__/resolvers-types";
import type { CatalogContext } from "../context";
import { findGrantByNumber } from "../repositories/accessRepository";
import {
  type CompositeSetRow,
  type CompositeSetStatus,
  type CompositeSetVersionRow,
  decideVersion,
  findLiveVersionByHash,
  findPendingPage,
  findSet,
  findSetsPage,
  findVersion,
  findVersionsOfSets,
  insertCompositeSet,
  insertVersion,
} from "../repositories/compositeSetRepository";

export interface CompositeSetConnectionParent {
  rows: CompositeSetRow[];
  hasNextPage: boolean;
}

export interface CompositeSetVersionConnectionParent {
  rows: CompositeSetVersionRow[];
  hasNextPage: boolean;
}

const NOT_A_CURSOR =
  "`after` is not a cursor of this list: pass the `endCursor` of the previous page unchanged.";

function pageSize(first: number | null | undefined): number {
  const size = first ?? 50;
  if (size < 1 || size > 100) throw badUserInput(`\`first\` is ${size}; ask for 1 to 100 a page.`);
  return size;
}

const setCursor = (id: number) => Buffer.from(`compositeSet:${id}`).toString("base64url");
const versionCursor = (row: CompositeSetVersionRow) =>
  Buffer.from(`compositeSetVersion:${row.setId}:${row.version}`).toString("base64url");

function cursorParts(cursor: string, kind: string, count: number): number[] {
  const [prefix, ...values] = Buffer.from(cursor, "base64url").toString("utf8").split(":");
  if (prefix !== kind || values.length !== count || values.some((v) => !/^\d{1,9}$/.test(v))) {
    throw badUserInput(NOT_A_CURSOR);
  }
  return values.map(Number);
}

/** Per-request loader of a set's versions (one statement for every set of a page). */
const versionLoaders = new WeakMap<CatalogContext, DataLoader<number, CompositeSetVersionRow[]>>();
function versionsOf(context: CatalogContext, setId: number) {
  let loader = versionLoaders.get(context);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const rows = await findVersionsOfSets(context.db, ids);
      return ids.map((id) => rows.filter((row) => row.setId === id));
    });
    versionLoaders.set(context, loader);
  }
  return loader.load(setId);
}

/** The set, when it is the caller's own (operators reach every set); unknown otherwise. */
async function ownSet(context: CatalogContext, id: string): Promise<CompositeSetRow> {
  const setId = idArgument(id, "id");
  const set = await findSet(context.db, setId);
  if (!set || (context.identity.role !== "OPERATOR" && set.requesterId !== context.identity.requesterId)) {
    throw graphQLError("NOT_FOUND", `Your organisation has no composite data set with id ${setId}.`);
  }
  return set;
}

async function versionOf(context: CatalogContext, id: string, version: number) {
  const set = await ownSet(context, id);
  const row = await findVersion(context.db, set.id, version);
  if (!row) throw graphQLError("NOT_FOUND", `Composite data set ${set.id} has no version ${version}.`);
  return row;
}

/** Reviews the document and refuses one already live in another of the requester's sets. */
async function reviewed(context: CatalogContext, document: string) {
  if (!document.trim()) throw badUserInput("`document` is empty: send the GraphQL operation.");
  const review = context.reviewDocument(document);
  const live = await findLiveVersionByHash(context.db, context.identity.requesterId, review.documentHash);
  if (live) {
    throw badUserInput(
      `This document is already version ${live.version} of composite data set ${live.setId}; change the document or use that version.`,
    );
  }
  return {
    ...review,
    submittedBy: context.identity.keyId,
  };
}

async function decide(
  context: CatalogContext,
  row: CompositeSetVersionRow,
  from: CompositeSetStatus[],
  to: CompositeSetStatus,
  reason: string | null,
) {
  const decided = await decideVersion(context.db, row.setId, row.version, from, to, {
    decidedBy: context.identity.keyId,
    reason,
  });
  if (!decided) {
    throw badUserInput(
      `Version ${row.version} of composite data set ${row.setId} is ${row.status}; only a ${from.join(" or ")} version can become ${to}.`,
      { status: row.status },
    );
  }
  return decided;
}

const uncovered = (row: CompositeSetVersionRow) =>
  row.dataGroups.filter((group) => !row.compositeSet.grant.dataGroups.includes(group));

export const compositeSetQueries: QueryResolvers = {
  compositeSets: async (_parent, { first, after }, context) =>
    findSetsPage(
      context.db,
      context.identity.requesterId,
      pageSize(first),
      after ? cursorParts(after, "compositeSet", 1)[0]! : null,
    ),
  pendingCompositeSets: async (_parent, { first, after }, context) => {
    const [setId, version] = after ? cursorParts(after, "compositeSetVersion", 2) : [];
    return findPendingPage(
      context.db,
      pageSize(first),
      setId !== undefined && version !== undefined ? { setId, version } : null,
    );
  },
};

export const compositeSetMutations: MutationResolvers = {
  submitCompositeSet: async (_parent, { input }, context) => {
    const title = input.title.trim();
    if (!title) throw badUserInput("`title` is empty: name the set, e.g. `Customer due diligence`.");
    const grant = await findGrantByNumber(context.db, input.grantNumber.trim());
    if (!grant || grant.requesterId !== context.identity.requesterId) {
      throw badUserInput(
        `Grant ${echo(input.grantNumber)} is not a grant of your organisation: name one of your own grants (see \`me\`).`,
      );
    }
    if (grant.revokedAt) throw badUserInput(`Grant ${grant.number} is revoked: name a grant in force.`);
    const version = await reviewed(context, input.document);
    return insertCompositeSet(
      context.db,
      { requesterId: grant.requesterId, grantId: grant.id, title },
      version,
    );
  },
  reviseCompositeSet: async (_parent, { id, document }, context) => {
    const set = await ownSet(context, id);
    return insertVersion(context.db, set.id, await reviewed(context, document));
  },
  approveCompositeSet: async (_parent, { id, version }, context) => {
    const row = await versionOf(context, id, version);
    const missing = uncovered(row);
    if (missing.length > 0) {
      throw graphQLError(
        "COMPOSITE_SET_NOT_COVERED",
        `Version ${version} of composite data set ${row.setId} touches ${missing.join(", ")}, which grant ${row.compositeSet.grant.number} does not cover: reject it, or extend the grant first.`,
        { dataGroups: missing },
      );
    }
    return decide(context, row, ["SUBMITTED"], "APPROVED", null);
  },
  rejectCompositeSet: async (_parent, { id, version, reason }, context) => {
    if (!reason.trim()) throw badUserInput("`reason` is empty: tell the requester what to change.");
    const row = await versionOf(context, id, version);
    return decide(context, row, ["SUBMITTED"], "REJECTED", reason.trim());
  },
  retireCompositeSet: async (_parent, { id, version, reason }, context) => {
    const row = await versionOf(context, id, version);
    return decide(context, row, ["SUBMITTED", "APPROVED"], "RETIRED", reason?.trim() || null);
  },
};

export const compositeSetTypes: Resolvers = {
  CompositeSet: {
    id: (row) => String(row.id),
    requester: async (row, _args, { loaders }) => (await loaders.requester.load(row.requesterId))!,
    grant: (row) => row.grant,
    createdAt: (row) => row.createdAt.toISOString(),
    versions: (row, _args, context) => versionsOf(context, row.id),
  },
  CompositeSetVersion: {
    documentId: (row) => `sha256:${row.documentHash}`,
    dataGroups: (row) =>
      row.dataGroups.map((dataGroup) => ({
        dataGroup: dataGroup as never,
        covered: row.compositeSet.grant.dataGroups.includes(dataGroup),
      })),
    covered: (row) => uncovered(row).length === 0,
    submittedAt: (row) => row.submittedAt.toISOString(),
    decidedAt: (row) => row.decidedAt?.toISOString() ?? null,
  },
  CompositeSetConnection: {
    nodes: (page) => page.rows,
    endCursor: (page) => {
      const last = page.rows.at(-1);
      return last ? setCursor(last.id) : null;
    },
  },
  CompositeSetVersionConnection: {
    nodes: (page) => page.rows,
    endCursor: (page) => {
      const last = page.rows.at(-1);
      return last ? versionCursor(last) : null;
    },
  },
};
