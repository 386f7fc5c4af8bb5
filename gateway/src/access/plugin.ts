import { createHash } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import { type ErrorCode, graphQLError, type PlatformEnvironment, type RequestIdentity } from "@rnp/common";
import type { Database } from "@rnp/db";
import { type AccessMarks, analyseDocument } from "@rnp/policy/analysis";
import {
  authenticate as authenticateCredential,
  credentialRequired,
  findNameableGrants,
  type GrantRecord,
  identityOf,
  PLACES,
} from "@rnp/policy/credentials";
import type postgres from "postgres";
import { operationCost } from "../limits/cost";
import type { SessionCredential } from "../portal/sessionCredential";
import { AuditWriter, type AuditWriterOptions } from "./auditTrail";
import type { GatewayContext } from "./context";
import { credentialSources, type PresentedSession, quotaUsed } from "./credentials";
import { anonymousIdentity } from "./dataSource";
import type { AccessTokens } from "./oauth";
import { reservePersons, reserveQuota, settleQuota } from "./quota";

export interface AccessControlOptions {
  db: Database;
  sql: postgres.Sql;
  marks: AccessMarks;
  /** The environment this platform serves; a grant is valid only in its own. */
  environment: PlatformEnvironment;
  /** The audit chain's key and where its head is anchored. */
  audit: Omit<AuditWriterOptions, "sql">;
  /** OAuth access tokens accepted beside API keys (`./oauth.ts`); without it a JWT is an unknown key. */
  tokens?: AccessTokens;
  /** People's portal sessions (`../portal/sessionCredential.ts`); without it a session cookie is ignored. */
  sessions?: SessionCredential;
  /**
   * What a list without a size argument counts in the bound of persons a request can
   * disclose, reserved from a daily quota before it runs (the cost limit's, default 10).
   */
  defaultListSize?: number;
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  GRANT_REQUIRED: 403,
  COMPOSITE_SET_REQUIRED: 403,
  QUOTA_EXCEEDED: 429,
};

function refuse(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return graphQLError(code, message, { ...extensions, http: { status: HTTP_STATUS[code] ?? 400 } });
}

/**
 * Authenticates the caller, checks every selected field against its role and grant before
 * anything runs, counts the grant's quota, and writes the audit trail before the response
 * leaves. Refusals are GraphQL errors with a stable code and a sentence saying what to do.
 */
export function accessControlPlugin(options: AccessControlOptions): ApolloServerPlugin<GatewayContext> {
  const { db, marks } = options;
  const sources = credentialSources(options);
  const auditWriter = new AuditWriter({ sql: options.sql, ...options.audit });

  async function authenticate(
    context: GatewayContext,
    needsKey: boolean,
    session: () => PresentedSession | undefined,
  ): Promise<{ identity: RequestIdentity; namedGrant: GrantRecord | null }> {
    const transport = context.transport ?? "http";
    const credential = await authenticateCredential(
      {
        authorization: context.authorization,
        grantNumber: context.grantNumber,
        session: session(),
        transport,
      },
      sources,
    );
    if (!credential) {
      if (needsKey) throw credentialRequired(transport);
      return { identity: anonymousIdentity(context.requestId), namedGrant: null };
    }
    return { identity: identityOf(credential, context.requestId), namedGrant: credential.grant };
  }

  async function exerciseGrant(
    context: GatewayContext,
    identity: RequestIdentity,
    grant: GrantRecord | null,
    groups: Map<string, string>,
    readsPersons: boolean,
    personsBound: () => number,
  ) {
    const number = context.grantNumber;
    if (!number) {
      const own = await findNameableGrants(db, identity.requesterId, identity.keyId);
      const list = own.map((g) => `${g.number} (${g.purpose}; ${g.environment.toLowerCase()})`).join(", ");
      throw refuse(
        "GRANT_REQUIRED",
        own.length > 0
          ? `Name the grant this request exercises in ${PLACES[context.transport ?? "http"].grant}. Your grants: ${list}.`
          : "Person data is disclosed only under a grant, and your organisation has none: ask the platform operator for one.",
        { grants: own.map((g) => g.number) },
      );
    }
    if (!grant || grant.requesterId !== identity.requesterId) {
      throw refuse(
        "FORBIDDEN",
        `Grant ${number} is not a grant of your organisation: name one of your own grants.`,
      );
    }
    const today = new Date().toISOString().slice(0, 10);
    if (grant.revokedAt)
      throw refuse("FORBIDDEN", `Grant ${number} was revoked on ${grant.revokedAt.toISOString()}.`);
    if (today < grant.validFrom)
      throw refuse("FORBIDDEN", `Grant ${number} is valid from ${grant.validFrom}, not yet today.`);
    if (today > grant.validTo)
      throw refuse("FORBIDDEN", `Grant ${number} expired on ${grant.validTo}: ask the operator to renew it.`);
    if (grant.environment !== options.environment) {
      throw refuse(
        "FORBIDDEN",
        `Grant ${number} is for the ${grant.environment.toLowerCase()} environment; this is the ${options.environment.toLowerCase()} environment.`,
      );
    }
    const set = context.compositeSet;
    if (set && set.grantId !== grant.id) {
      throw refuse(
        "FORBIDDEN",
        `Composite data set ${set.id} is approved for grant ${set.grantNumber}: send \`Grant: ${set.grantNumber}\`, or leave the header out.`,
      );
    }
    // Managing monitoring sets (mutations that disclose no data group) stays open.
    if (grant.approvedSetsOnly && !set && readsPersons) {
      throw refuse(
        "COMPOSITE_SET_REQUIRED",
        `Grant ${number} executes approved composite data sets only: submit this operation with the \`submitCompositeSet\` mutation (a REQUESTER_ADMIN key), and once the operator has approved it send its \`documentId\` instead of the document.`,
      );
    }
    for (const [group, coordinate] of groups) {
      if (!grant.dataGroups.includes(group)) {
        throw refuse(
          "FORBIDDEN",
          `${coordinate} belongs to data group ${group}, which grant ${number} does not cover (it covers ${grant.dataGroups.join(", ")}). Remove the field or use a grant that covers ${group}.`,
          { field: coordinate, dataGroup: group },
        );
      }
    }
    if (grant.dailyQuota !== null) {
      // Persons disclosed, not requests: aliases and batches cannot multiply the quota. The
      // most persons the operation can disclose is reserved before it runs and settled to
      // those it disclosed after (`willSendResponse`), so concurrent requests cannot overrun
      // the quota together and a request that could pass it does not run. A subscription's
      // batch runs on what is left instead, and is withheld if it discloses more.
      const bound = personsBound();
      const partial = context.recipients !== undefined;
      const reserved = await reserveQuota(db, grant.id, today, grant.dailyQuota, bound, partial);
      if (reserved === null) {
        const used = await quotaUsed(db, grant.id, today);
        const left = grant.dailyQuota - used;
        throw refuse(
          "QUOTA_EXCEEDED",
          left <= 0 || partial
            ? `Grant ${number} allows ${grant.dailyQuota} persons disclosed a day, and ${used} have been disclosed today; the quota resets at 00:00 UTC.`
            : `Grant ${number} allows ${grant.dailyQuota} persons disclosed a day, and ${used} have been disclosed today; this request could disclose up to ${bound} persons, more than the ${left} left, so it was not run: ask for fewer persons at once (fewer codes or aliases, a smaller \`first\`), or wait until the quota resets at 00:00 UTC.`,
          { limit: grant.dailyQuota, found: used, requested: bound },
        );
      }
      context.quota = { grantId: grant.id, day: today, limit: grant.dailyQuota, reserved };
    }
    return {
      id: grant.id,
      number: grant.number,
      dataGroups: grant.dataGroups,
      conditions: grant.conditions,
      purpose: grant.purpose,
      monitoringAllowed: grant.monitoringAllowed,
    };
  }

  const listSize = options.defaultListSize ?? 10;

  /**
   * Makes the request's reservation cover `persons` disclosed, reserving what it lacks
   * within the quota; false when the quota cannot take them.
   */
  async function coverDisclosed(context: GatewayContext, persons: number): Promise<boolean> {
    const quota = context.quota;
    if (!quota || persons <= quota.reserved) return true;
    const extra = persons - quota.reserved;
    const covered = await reservePersons(db, quota.grantId, quota.day, extra, quota.limit).catch(
      (error: unknown) => {
        console.error("quota could not be reserved", error);
        return false;
      },
    );
    if (covered) quota.reserved += extra;
    return covered;
  }

  /** Settles the request's reservation once (to 0 when nothing left the gateway). */
  async function settle(context: GatewayContext, disclosed: number): Promise<void> {
    const quota = context.quota;
    if (!quota) return;
    context.quota = undefined;
    // The data is out and audited (or withheld): a failure to settle must not change that;
    // the use then stays at the reservation, never below what was disclosed.
    await settleQuota(db, quota, disclosed).catch((error: unknown) =>
      console.error("quota use could not be settled", error),
    );
  }

  return {
    async serverWillStart() {
      return {
        // The last chain head is anchored before the process goes.
        serverWillStop: () => auditWriter.close(),
      };
    },
    async requestDidStart() {
      // Another plugin's refusal can send the response while this one is still reserving.
      let answered = false;
      return {
        async didResolveOperation({
          contextValue,
          document,
          schema,
          operation,
          operationName,
          source,
          request,
        }) {
          const needs = analyseDocument(schema, document, marks, request.variables);
          const { identity, namedGrant } = await authenticate(
            contextValue,
            needs.needsGrant || needs.roles.size > 0,
            () =>
              contextValue.portal && {
                portal: contextValue.portal,
                request: { requestId: contextValue.requestId, source, grantNumber: contextValue.grantNumber },
                disclosures: contextValue.disclosures,
              },
          );
          for (const [coordinate, roles] of needs.roles) {
            if (identity.role !== "OPERATOR" && (!identity.role || !roles.includes(identity.role))) {
              throw refuse(
                "FORBIDDEN",
                `${coordinate} needs an API key with role ${roles.join(" or ")}; yours is ${identity.role}.`,
                {
                  field: coordinate,
                },
              );
            }
          }
          // The data subject's own access (a portal session) comes with its built-in grant.
          if (needs.needsGrant && !identity.grant)
            identity.grant = await exerciseGrant(
              contextValue,
              identity,
              namedGrant,
              needs.groups,
              operation?.operation !== "mutation" || needs.groups.size > 0,
              () => operationCost(schema, document, operationName, request.variables ?? {}, listSize).persons,
            );
          contextValue.identity = identity;
          if (answered) await settle(contextValue, 0);
        },

        async willSendResponse({ contextValue, response, operationName, source }) {
          answered = true;
          const { identity, disclosures } = contextValue;
          if (response.body.kind === "single") {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              requestId: contextValue.requestId,
              ...(contextValue.correlationId ? { correlationId: contextValue.correlationId } : {}),
            };
          }
          if (!identity?.grant || disclosures.size === 0) return settle(contextValue, 0);
          const at = new Date().toISOString();
          const operationHash = createHash("sha256")
            .update(source ?? "")
            .digest("hex");
          const recipients = contextValue.recipients?.() ?? [
            {
              requestId: contextValue.requestId,
              correlationId: contextValue.correlationId ?? null,
              clientAddress: contextValue.clientAddress,
            },
          ];
          const persons = disclosures.size * recipients.length;
          if (!(await coverDisclosed(contextValue, persons))) {
            // More persons than were reserved (a shared batch's later subscribers) and the
            // quota cannot take them: nothing leaves, nothing is audited or counted.
            await settle(contextValue, 0);
            const refusal = refuse(
              "QUOTA_EXCEEDED",
              `Grant ${identity.grant.number}'s daily quota cannot take the ${persons} persons this answer discloses, so it was not sent; the quota resets at 00:00 UTC.`,
            );
            if (response.body.kind === "single") {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [
                {
                  message: refusal.message,
                  extensions: { code: "QUOTA_EXCEEDED", requestId: contextValue.requestId },
                },
              ];
            }
            response.http.status = 429;
            return;
          }
          try {
            await auditWriter.append(
              recipients.flatMap((recipient) =>
                [...disclosures].map(([personCode, groups]) => ({
                  at,
                  requesterId: identity.requesterId,
                  keyId: identity.keyId,
                  grantId: identity.grant!.id,
                  grantNumber: identity.grant!.number,
                  purpose: identity.grant!.purpose,
                  personCode,
                  dataGroups: [...groups].sort(),
                  operationName: operationName ?? null,
                  operationHash,
                  requestId: recipient.requestId,
                  correlationId: recipient.correlationId,
                  clientAddress: recipient.clientAddress,
                  compositeSetId: contextValue.compositeSet?.id ?? null,
                  compositeSetVersion: contextValue.compositeSet?.version ?? null,
                  actorPersonCode: identity.actor?.personCode ?? null,
                  // null is a request with a key or token (API), as on the rows written before channels.
                  channel: identity.actor?.channel ?? (contextValue.recipients ? "SUBSCRIPTION" : null),
                  caseReference: identity.actor?.caseReference ?? null,
                })),
              ),
            );
          } catch (error) {
            // No disclosure without its audit record: the data does not leave.
            console.error("audit write failed", error);
            await settle(contextValue, 0);
            if (response.body.kind === "single") {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [
                {
                  message:
                    "The disclosure could not be recorded in the audit trail, so no data was sent. Try again.",
                  extensions: { code: "INTERNAL_SERVER_ERROR", requestId: contextValue.requestId },
                },
              ];
            }
            response.http.status = 503;
            return;
          }
          await settle(contextValue, persons);
        },
      };
    },
  };
}
