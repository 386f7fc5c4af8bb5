import type { IncomingMessage } from "node:http";
import {
  type ErrorCode,
  type GrantCondition,
  graphQLError,
  type RequestIdentity,
  SELF_ACCESS_GRANT_NUMBER,
} from "@rnp/common";
import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import type { GrantRecord } from "@rnp/policy/credentials";
import { allDataGroupNames } from "@rnp/schema";
import { and, eq } from "drizzle-orm";
import { cookiesOf } from "./cookies";
import { canonicalDocumentHash, type PortalDocument } from "./safelist";
import type { SessionStore } from "./sessions";

const { grants, grantUsage } = schema.access;
const { memberships } = schema.people;

/** What a request says of a portal session: read from its headers by `portalRequestOf`. */
export interface PortalRequest {
  /** The session cookie's token. */
  token: string;
  /** `x-csrf-token`. */
  csrfToken: string | undefined;
  /** `Origin`, and the origin the request was sent to (`Host`). */
  origin: string | undefined;
  ownOrigin: string;
  /** `x-rnp-purpose`: the purpose or case reference of a look-up by hand (URI-encoded). */
  purpose: string | undefined;
}

/**
 * The session a request carries, when it carries one and no `Authorization`: a program with a
 * key or token is never a session, whatever cookies it sends.
 */
export function portalRequestOf(
  request: IncomingMessage,
  cookieName: string,
  secure: boolean,
): PortalRequest | undefined {
  if (request.headers.authorization) return undefined;
  const token = cookiesOf(request).get(cookieName);
  if (!token) return undefined;
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return {
    token,
    csrfToken: header("x-csrf-token"),
    origin: header("origin"),
    ownOrigin: `${secure ? "https" : "http"}://${request.headers.host ?? ""}`,
    purpose: header("x-rnp-purpose"),
  };
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_REFUSED: 403,
  SESSION_DOCUMENT_REQUIRED: 403,
  PURPOSE_REQUIRED: 400,
  LOOKUP_RATE_EXCEEDED: 429,
};

function refuse(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return graphQLError(code, message, { ...extensions, http: { status: STATUS[code] ?? 400 } });
}

/** The built-in grant of the data subject's own access: not an organisation's, every group. */
function selfAccessGrant(): NonNullable<RequestIdentity["grant"]> {
  return {
    id: 0,
    number: SELF_ACCESS_GRANT_NUMBER,
    dataGroups: allDataGroupNames(),
    conditions: [],
    purpose: "The data subject's right of access to their own data",
    monitoringAllowed: false,
  };
}

export interface SessionCredentialOptions {
  db: Database;
  sessions: SessionStore;
  /** The portal's own documents by canonical hash. */
  safelist: Map<string, PortalDocument>;
  /** Look-ups by hand an official may make in an hour. */
  lookupsPerHour: number;
}

async function grantByNumber(
  db: Database,
  number: string,
  day: string,
): Promise<(GrantRecord & { manualLookup: boolean }) | null> {
  const [row] = await db
    .select({ grant: grants, quotaUsed: grantUsage.persons })
    .from(grants)
    .leftJoin(grantUsage, and(eq(grantUsage.grantId, grants.id), eq(grantUsage.day, day)))
    .where(eq(grants.number, number));
  if (!row) return null;
  return {
    ...row.grant,
    conditions: row.grant.conditions as GrantCondition[],
    quotaUsed: row.quotaUsed ?? 0,
    quotaDay: day,
  };
}

/**
 * A person's portal session as a credential of the access pipeline, beside API keys and OAuth
 * tokens: the same role checks, grant decision (validity, environment, groups, conditions,
 * quota), limits and audit follow. What it adds: the request must be the session's own page
 * (Origin and the CSRF token), may run only the portal's own documents, and reaches person data
 * only as an official's look-up by hand (PDP) or the data subject's own access (SELF).
 */
export function sessionCredential(options: SessionCredentialOptions) {
  return {
    async authenticate(
      portal: PortalRequest,
      request: { requestId: string; source: string | undefined; grantNumber: string | undefined },
      disclosures: Map<string, Set<string>>,
    ): Promise<{ identity: RequestIdentity; namedGrant: GrantRecord | null }> {
      // A page of another site can make the browser send the cookie, never these two.
      if (!portal.origin || portal.origin !== portal.ownOrigin || !portal.csrfToken) {
        throw refuse(
          "CSRF_REFUSED",
          "A portal session is accepted only from the portal's own pages (same Origin, with the x-csrf-token header).",
        );
      }
      const session = await options.sessions.find(portal.token);
      if (!session) {
        throw refuse(
          "UNAUTHENTICATED",
          "Your portal session has ended (signed out or timed out): sign in again.",
        );
      }
      if (portal.csrfToken !== session.csrfToken) {
        throw refuse("CSRF_REFUSED", "The x-csrf-token header is not this session's: reload the portal.");
      }
      const hash = request.source ? canonicalDocumentHash(request.source) : null;
      const document = hash ? options.safelist.get(hash) : undefined;
      if (!document) {
        throw refuse(
          "SESSION_DOCUMENT_REQUIRED",
          "A portal session runs only the portal's own operations; a program uses an API key or OAuth client.",
        );
      }
      const base = { requestId: request.requestId, issuedAt: Date.now(), keyId: 0 };
      if (document.channel === "SELF") {
        // The read is audited like a disclosure, even when nothing of the register is in it.
        if (!disclosures.has(session.personCode)) disclosures.set(session.personCode, new Set());
        return {
          identity: {
            ...base,
            requesterId: 0,
            role: null,
            grant: selfAccessGrant(),
            actor: { personCode: session.personCode, channel: "SELF" },
          },
          namedGrant: null,
        };
      }
      if (document.channel === "PORTAL") {
        return {
          identity: {
            ...base,
            requesterId: 0,
            role: null,
            grant: null,
            actor: { personCode: session.personCode, channel: "PORTAL" },
          },
          namedGrant: null,
        };
      }
      return this.lookUp(session.personCode, portal, request, base);
    },

    /** An official's look-up by hand: their membership, the grant's flag, the purpose, the rate. */
    async lookUp(
      personCode: string,
      portal: PortalRequest,
      request: { grantNumber: string | undefined },
      base: Pick<RequestIdentity, "requestId" | "issuedAt" | "keyId">,
    ): Promise<{ identity: RequestIdentity; namedGrant: GrantRecord | null }> {
      let purpose = "";
      try {
        purpose = decodeURIComponent(portal.purpose ?? "").trim();
      } catch {
        purpose = "";
      }
      if (purpose.length < 3 || purpose.length > 200) {
        throw refuse(
          "PURPOSE_REQUIRED",
          "Give the purpose or case reference of this look-up (3–200 characters): it is kept in the audit.",
          { field: "purpose" },
        );
      }
      const number = request.grantNumber;
      const grant = number
        ? await grantByNumber(options.db, number, new Date().toISOString().slice(0, 10))
        : null;
      if (!number || !grant) {
        throw refuse("FORBIDDEN", "Choose one of your organisation's grants for look-ups by hand.");
      }
      const [membership] = await options.db
        .select({ roles: memberships.roles, status: memberships.status })
        .from(memberships)
        .where(and(eq(memberships.requesterId, grant.requesterId), eq(memberships.personCode, personCode)));
      if (!membership || membership.status === "REMOVED" || !membership.roles.includes("PDP_USER")) {
        throw refuse(
          "FORBIDDEN",
          `Grant ${number} is not a grant of an organisation where you are a PDP user: choose one of your own organisation's grants.`,
        );
      }
      if (membership.status === "SUSPENDED") {
        throw refuse(
          "FORBIDDEN",
          "Your membership of the organisation is suspended: its signatory contact person can reinstate it.",
        );
      }
      if (!grant.manualLookup) {
        throw refuse(
          "FORBIDDEN",
          `Grant ${number} does not allow look-ups by hand in the person data browser.`,
        );
      }
      const count = await options.sessions.countLookUp(personCode);
      if (count > options.lookupsPerHour) {
        throw refuse(
          "LOOKUP_RATE_EXCEEDED",
          `The person data browser is for look-ups by hand: at most ${options.lookupsPerHour} an hour. Try again next hour.`,
          { limit: options.lookupsPerHour },
        );
      }
      return {
        identity: {
          ...base,
          requesterId: grant.requesterId,
          role: "REQUESTER",
          grant: null,
          actor: { personCode, channel: "PDP", caseReference: purpose },
        },
        namedGrant: grant,
      };
    },
  };
}

export type SessionCredential = ReturnType<typeof sessionCredential>;
