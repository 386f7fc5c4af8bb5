import { randomBytes } from "node:crypto";
import {
  badUserInput,
  checkPersonCode,
  conditionProblem,
  echo,
  formatPersonCode,
  type GrantCondition,
  hashApiKey,
  idArgument,
  MAX_ID,
  registrationNumberProblem,
} from "@rnp/common";
import { graphQLError } from "@rnp/policy/errors";
import type {
  CreateGrantInput,
  GrantConditionInput,
  MutationResolvers,
  QueryResolvers,
  Resolvers,
  UpdateGrantInput,
} from "../__generated__/resolvers-types";
import type { CatalogContext } from "../context";
import {
  findApiKey,
  findGrantByNumber,
  findRequestersPage,
  insertApiKey,
  insertGrant,
  insertRequester,
  revokeApiKeyById,
  updateGrantByNumber,
} from "../repositories/accessRepository";
import {
  type AuditScope,
  findAuditEntries,
  findDataSubjectAccesses,
  findProviderDataGroups,
  findUsageStatistics,
} from "../repositories/auditRepository";
import {
  apiKeyApplicationField,
  safelistGrantFields,
  safelistOfNewGrant,
  safelistOfUpdate,
} from "./safelist";

/** Operators read the whole audit; a provider only disclosures of its own data, no confidential grant. */
async function auditScopeOf({ db, identity }: CatalogContext): Promise<AuditScope | undefined> {
  if (identity.role === "OPERATOR") return undefined;
  const dataGroups =
    identity.role === "PROVIDER" ? await findProviderDataGroups(db, identity.requesterId) : null;
  if (!dataGroups) {
    throw graphQLError(
      "FORBIDDEN",
      "Your organisation is not registered as a data provider, so it has no audit to read: ask the platform operator to register it with the datasets it provides.",
    );
  }
  return { dataGroups };
}

const id = idArgument;

const cursorOf = (kind: string, value: number) => Buffer.from(`${kind}:${value}`).toString("base64url");
function cursorValue(kind: string, cursor: string): number {
  const [prefix, value] = Buffer.from(cursor, "base64url").toString("utf8").split(":");
  // Requester ids are `integer`, audit sequence numbers `bigint`: a larger number would
  // reach PostgreSQL as an out-of-range value.
  const max = kind === "requester" ? MAX_ID : Number.MAX_SAFE_INTEGER;
  if (prefix !== kind || !value || !/^\d{1,16}$/.test(value) || Number(value) > max) {
    throw badUserInput(
      "`after` is not a cursor of this list: pass the `endCursor` of the previous page unchanged.",
    );
  }
  return Number(value);
}

function pageSize(first: number | null | undefined, fallback: number, max: number): number {
  const size = first ?? fallback;
  if (size < 1 || size > max) throw badUserInput(`\`first\` is ${size}; ask for 1 to ${max} a page.`);
  return size;
}

function parseConditions(inputs: readonly GrantConditionInput[]): GrantCondition[] {
  return inputs.map((input, index) => {
    let value: GrantCondition["value"];
    try {
      value = JSON.parse(input.value) as GrantCondition["value"];
    } catch {
      throw badUserInput(
        `conditions[${index}].value is not JSON: write strings in quotes (e.g. "\\"2008-11-23\\""), numbers and true/false bare, lists in [ ].`,
      );
    }
    const condition = { field: input.field, operator: input.operator, value } as GrantCondition;
    const problem = conditionProblem(condition);
    if (problem) throw badUserInput(`conditions[${index}]: ${problem}.`);
    return condition;
  });
}

function checkGrantFields(input: Partial<CreateGrantInput> | UpdateGrantInput) {
  if (input.dataGroups && input.dataGroups.length === 0)
    throw badUserInput("`dataGroups` is empty: grant at least one data group.");
  if (input.legalBasis !== undefined && !input.legalBasis?.trim())
    throw badUserInput("`legalBasis` is empty: name the law or contract.");
  if (input.purpose !== undefined && !input.purpose?.trim())
    throw badUserInput("`purpose` is empty: state what the data is for.");
  if (input.validFrom && input.validTo && input.validFrom > input.validTo) {
    throw badUserInput(`\`validFrom\` ${input.validFrom} is after \`validTo\` ${input.validTo}.`);
  }
  if (input.dailyQuota !== undefined && input.dailyQuota !== null && input.dailyQuota < 1) {
    throw badUserInput(
      `\`dailyQuota\` is ${input.dailyQuota}; give a positive number, or omit it for no limit.`,
    );
  }
}

/** A requester's administrator acts only on its own organisation. */
function assertOwnOrganisation(context: CatalogContext, requesterId: number) {
  if (context.identity.role !== "OPERATOR" && context.identity.requesterId !== requesterId) {
    throw graphQLError("FORBIDDEN", "Administrators manage the keys of their own organisation only.");
  }
}

export const accessQueries: QueryResolvers = {
  me: async (_parent, _args, { identity, loaders }) => {
    const requester = await loaders.requester.load(identity.requesterId);
    if (!requester || !identity.role)
      throw graphQLError("UNAUTHENTICATED", "Send an API key as `Authorization: Bearer <key>`.");
    return { requester, role: identity.role, keyId: String(identity.keyId) };
  },
  requesters: async (_parent, { first, after }, { db }) => {
    const size = pageSize(first, 50, 100);
    const page = await findRequestersPage(db, size, after ? cursorValue("requester", after) : null);
    const last = page.rows.at(-1);
    return {
      nodes: page.rows,
      hasNextPage: page.hasNextPage,
      endCursor: last ? cursorOf("requester", last.id) : null,
    };
  },
  auditEntries: async (_parent, { filter, first, after }, context) => {
    const { db } = context;
    const size = pageSize(first, 100, 500);
    let personCode: string | undefined;
    if (filter?.personCode) {
      const check = checkPersonCode(filter.personCode);
      if (!check.valid) throw badUserInput(`filter.personCode: ${check.reason}.`);
      personCode = check.code;
    }
    const page = await findAuditEntries(
      db,
      {
        ...(filter?.requesterId ? { requesterId: id(filter.requesterId, "filter.requesterId") } : {}),
        ...(personCode ? { personCode } : {}),
        ...(filter?.dataGroup ? { dataGroup: filter.dataGroup } : {}),
        ...(filter?.from ? { from: filter.from } : {}),
        ...(filter?.to ? { to: filter.to } : {}),
      },
      size,
      after ? cursorValue("audit", after) : null,
      await auditScopeOf(context),
    );
    const last = page.rows.at(-1);
    return {
      nodes: page.rows,
      hasNextPage: page.hasNextPage,
      endCursor: last ? cursorOf("audit", last.seq) : null,
    };
  },
  usageStatistics: async (_parent, { from, to, requesterId }, context) => {
    if (from > to) throw badUserInput(`\`from\` ${from} is after \`to\` ${to}.`);
    return findUsageStatistics(
      context.db,
      from,
      to,
      requesterId ? id(requesterId, "requesterId") : undefined,
      await auditScopeOf(context),
    );
  },
  dataSubjectAccessReport: (_parent, { personCode }, { db }) => {
    const check = checkPersonCode(personCode);
    if (!check.valid) throw badUserInput(`${check.reason}. Correct \`personCode\` and send it again.`);
    return findDataSubjectAccesses(db, check.code);
  },
};

export const accessMutations: MutationResolvers = {
  createRequester: async (_parent, { input }, { db }) => {
    const problem = registrationNumberProblem(input.registrationNumber);
    if (problem)
      throw badUserInput(`registrationNumber "${echo(input.registrationNumber)}" is invalid: ${problem}.`);
    if (!input.name.trim()) throw badUserInput("`name` is empty.");
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.contactEmail)) {
      throw badUserInput(`contactEmail "${echo(input.contactEmail)}" is not an e-mail address.`);
    }
    try {
      return await insertRequester(db, { ...input, name: input.name.trim() });
    } catch (error) {
      if ((error as { code?: string }).code === "23505") {
        throw badUserInput(
          `An organisation with registration number ${input.registrationNumber} is already registered.`,
        );
      }
      throw error;
    }
  },
  issueApiKey: async (_parent, { input }, context) => {
    const requesterId = id(input.requesterId, "requesterId");
    assertOwnOrganisation(context, requesterId);
    if (context.identity.role !== "OPERATOR" && (input.role === "OPERATOR" || input.role === "PROVIDER")) {
      throw graphQLError(
        "FORBIDDEN",
        `Only the operator issues ${input.role} keys; issue REQUESTER or REQUESTER_ADMIN keys.`,
      );
    }
    if (!(await context.loaders.requester.load(requesterId)))
      throw badUserInput(`No organisation has id ${requesterId}.`);
    if (input.expiresAt && Date.parse(input.expiresAt) <= Date.now()) {
      throw badUserInput(`\`expiresAt\` ${input.expiresAt} is in the past.`);
    }
    const key = `rnp_${randomBytes(24).toString("base64url")}`;
    const apiKey = await insertApiKey(context.db, {
      requesterId,
      role: input.role,
      label: input.label.trim() || "unnamed",
      prefix: key.slice(0, 10),
      keyHash: hashApiKey(key),
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    });
    return { apiKey, key };
  },
  revokeApiKey: async (_parent, args, context) => {
    const existing = await findApiKey(context.db, id(args.id, "id"));
    if (!existing) throw graphQLError("NOT_FOUND", `No API key has id ${args.id}.`);
    assertOwnOrganisation(context, existing.requesterId);
    return (await revokeApiKeyById(context.db, existing.id))!;
  },
  createGrant: async (_parent, { input }, context) => {
    const { db, loaders } = context;
    checkGrantFields(input);
    const requesterId = id(input.requesterId, "requesterId");
    if (!(await loaders.requester.load(requesterId)))
      throw badUserInput(`No organisation has id ${requesterId}.`);
    return insertGrant(db, {
      requesterId,
      dataGroups: [...new Set(input.dataGroups)],
      legalBasis: input.legalBasis.trim(),
      purpose: input.purpose.trim(),
      validFrom: input.validFrom,
      validTo: input.validTo,
      environment: input.environment,
      dailyQuota: input.dailyQuota ?? null,
      monitoringAllowed: input.monitoringAllowed ?? false,
      confidential: input.confidential ?? false,
      conditions: parseConditions(input.conditions ?? []),
      // A production grant is held to its approved composite data sets unless an operator waives it.
      ...safelistOfNewGrant(context, input.environment, input.approvedSetsOnly, input.safelistWaiver),
      // An operator's grant belongs to no application: every key of the organisation may name it.
      applicationId: null,
      manualLookup: input.manualLookup ?? false,
    });
  },
  updateGrant: async (_parent, { number, input }, context) => {
    const { db } = context;
    const existing = await findGrantByNumber(db, number);
    if (!existing) throw graphQLError("NOT_FOUND", `No grant has number ${number}.`);
    checkGrantFields({ validFrom: existing.validFrom, validTo: existing.validTo, ...stripNulls(input) });
    const { conditions, approvedSetsOnly, safelistWaiver, ...rest } = stripNulls(input);
    return (await updateGrantByNumber(db, number, {
      ...rest,
      ...safelistOfUpdate(context, existing, rest.environment, approvedSetsOnly, safelistWaiver),
      ...(rest.dataGroups ? { dataGroups: [...new Set(rest.dataGroups)] } : {}),
      ...(input.dailyQuota === null ? { dailyQuota: null } : {}),
      ...(conditions ? { conditions: parseConditions(conditions) } : {}),
    }))!;
  },
  revokeGrant: async (_parent, { number }, { db }) => {
    const existing = await findGrantByNumber(db, number);
    if (!existing) throw graphQLError("NOT_FOUND", `No grant has number ${number}.`);
    return (await updateGrantByNumber(db, number, { revokedAt: existing.revokedAt ?? new Date() }))!;
  },
};

type WithoutNulls<T> = { [K in keyof T]?: Exclude<T[K], null> };

function stripNulls<T extends object>(input: T): WithoutNulls<T> {
  // Object.fromEntries loses the key types; the filter is what makes the narrower type true.
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== null && value !== undefined),
  ) as WithoutNulls<T>;
}

export const accessTypes: Resolvers = {
  Requester: {
    id: (row) => String(row.id),
    apiKeys: (row, _args, { loaders }) => loaders.apiKeysByRequester.load(row.id),
    grants: (row, _args, { loaders }) => loaders.grantsByRequester.load(row.id),
  },
  ApiKey: { ...apiKeyApplicationField, id: (row) => String(row.id) },
  Grant: {
    ...safelistGrantFields,
    requester: async (row, _args, { loaders }) => (await loaders.requester.load(row.requesterId))!,
    conditions: (row) =>
      (row.conditions as GrantCondition[]).map((c) => ({
        field: c.field,
        operator: c.operator,
        value: JSON.stringify(c.value),
      })),
  },
  AuditEntry: {
    seq: (row) => String(row.seq),
    keyId: (row) => String(row.keyId),
    requester: async (row, _args, { loaders }) => (await loaders.requester.load(row.requesterId))!,
    personCode: (row) => formatPersonCode(row.personCode),
  },
  UsageStatistic: {
    requester: async (row, _args, { loaders }) => (await loaders.requester.load(row.requesterId))!,
  },
};
