import { createHash } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import type { PlatformEnvironment, RequestIdentity } from "@rnp/common";
import type { Database } from "@rnp/db";
import { refusal as refuse, statusOf } from "@rnp/policy/errors";
import type postgres from "postgres";
import type { SessionCredential } from "../portal/sessionCredential";
import { AuditWriter, type AuditWriterOptions } from "./auditTrail";
import type { GatewayContext } from "./context";
import {
  countDisclosedPersons,
  findCredential,
  findGrantsOf,
  type GrantRecord,
  quotaUsed,
} from "./credentials";
import { anonymousIdentity } from "./dataSource";
import { type AccessTokens, looksLikeJwt } from "./oauth";
import { type AccessMarks, analyseOperation } from "./operationAnalysis";

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
}

function bearerKey(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1] ?? null;
}

/**
 * Authenticates the caller, checks every selected field against its role and grant before
 * anything runs, counts the grant's quota, and writes the audit trail before the response
 * leaves. Refusals are GraphQL errors with a stable code and a sentence saying what to do.
 */
export function accessControlPlugin(options: AccessControlOptions): ApolloServerPlugin<GatewayContext> {
  const { db, marks } = options;
  const auditWriter = new AuditWriter({ sql: options.sql, ...options.audit });

  async function authenticate(
    context: GatewayContext,
    needsKey: boolean,
  ): Promise<{ identity: RequestIdentity; namedGrant: GrantRecord | null }> {
    const key = bearerKey(context.authorization);
    if (!key) {
      if (context.authorization) {
        throw refuse("UNAUTHENTICATED", "The Authorization header must read `Bearer <API key>`.");
      }
      if (needsKey) {
        throw refuse(
          "UNAUTHENTICATED",
          "This operation needs an API key: send it as `Authorization: Bearer <key>`. Keys are issued by the platform operator.",
        );
      }
      return { identity: anonymousIdentity(context.requestId), namedGrant: null };
    }
    // An OAuth access token (a JWT) stands for its client's key; its refusals are its own.
    const credential =
      options.tokens && looksLikeJwt(key)
        ? await options.tokens.credentialOf(key, context.grantNumber?.trim())
        : await findCredential(db, key, context.grantNumber?.trim());
    if (!credential)
      throw refuse("UNAUTHENTICATED", "The API key is not known: check that it was copied whole.");
    if (credential.revokedAt) {
      throw refuse(
        "UNAUTHENTICATED",
        `The API key ${key.slice(0, 10)}… was revoked on ${credential.revokedAt.toISOString()}: ask your administrator for a new one.`,
      );
    }
    if (credential.expiresAt && credential.expiresAt.getTime() <= Date.now()) {
      throw refuse(
        "UNAUTHENTICATED",
        `The API key ${key.slice(0, 10)}… expired on ${credential.expiresAt.toISOString()}: ask your administrator for a new one.`,
      );
    }
    const identity: RequestIdentity = {
      requestId: context.requestId,
      requesterId: credential.requesterId,
      keyId: credential.keyId,
      role: credential.role,
      grant: null,
      issuedAt: Date.now(),
    };
    return { identity, namedGrant: credential.grant };
  }

  async function exerciseGrant(
    context: GatewayContext,
    identity: RequestIdentity,
    grant: GrantRecord | null,
    groups: Map<string, string>,
    readsPersons: boolean,
  ) {
    const number = context.grantNumber?.trim();
    if (!number) {
      const own = await findGrantsOf(db, identity.requesterId, identity.keyId);
      const list = own.map((g) => `${g.number} (${g.purpose}; ${g.environment.toLowerCase()})`).join(", ");
      throw refuse(
        "GRANT_REQUIRED",
        own.length > 0
          ? `Name the grant this request exercises in the \`Grant\` header. Your grants: ${list}.`
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
      // Persons disclosed, not requests: aliases and batches cannot multiply the quota. A
      // request is admitted while some of the day's quota is left and all it discloses is
      // counted, so a day can end above the quota by the persons of one request.
      // Read with the key and the grant, unless the day changed since (a request at midnight).
      const used = grant.quotaDay === today ? grant.quotaUsed : await quotaUsed(db, grant.id, today);
      if (used >= grant.dailyQuota) {
        throw refuse(
          "QUOTA_EXCEEDED",
          `Grant ${number} allows ${grant.dailyQuota} persons disclosed a day, and ${used} have been disclosed today; the quota resets at 00:00 UTC.`,
          { limit: grant.dailyQuota, found: used },
        );
      }
      context.quota = { grantId: grant.id, day: today };
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

  return {
    async serverWillStart() {
      return {
        // The last chain head is anchored before the process goes.
        serverWillStop: () => auditWriter.close(),
      };
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, schema, operation, source, request }) {
          const needs = analyseOperation(schema, document, marks, request.variables);
          const { identity, namedGrant } =
            contextValue.portal && options.sessions
              ? await options.sessions.authenticate(
                  contextValue.portal,
                  { requestId: contextValue.requestId, source, grantNumber: contextValue.grantNumber },
                  contextValue.disclosures,
                )
              : await authenticate(contextValue, needs.needsGrant || needs.roles.size > 0);
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
            );
          contextValue.identity = identity;
        },

        async willSendResponse({ contextValue, response, operationName, source }) {
          const { identity, disclosures } = contextValue;
          if (response.body.kind === "single") {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              requestId: contextValue.requestId,
              ...(contextValue.correlationId ? { correlationId: contextValue.correlationId } : {}),
            };
          }
          if (!identity?.grant || disclosures.size === 0) return;
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
            if (response.body.kind === "single") {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [
                {
                  message:
                    "The disclosure could not be recorded in the audit trail, so no data was sent. Try again.",
                  extensions: { code: "AUDIT_UNAVAILABLE", requestId: contextValue.requestId },
                },
              ];
            }
            response.http.status = statusOf("AUDIT_UNAVAILABLE");
            return;
          }
          if (contextValue.quota) {
            const { grantId, day } = contextValue.quota;
            // The data is out and audited: a failure to count it must not withhold it.
            await countDisclosedPersons(db, grantId, day, disclosures.size * recipients.length).catch(
              (error: unknown) => console.error("quota use could not be counted", error),
            );
          }
        },
      };
    },
  };
}
