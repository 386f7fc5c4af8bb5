import { readFileSync } from "node:fs";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { PlatformEnvironment } from "@rnp/common";
import type { DatabaseClient } from "@rnp/db";
import { schema } from "@rnp/db";
import type { PortalSettings } from "./config";
import { CALLBACK_PATH, relyingParty } from "./relyingParty";
import { portalSafelist } from "./safelist";
import { portalRequestOf, sessionCredential } from "./sessionCredential";
import { SessionStore } from "./sessions";
import { staticPortal } from "./staticFiles";
import { createTestProvider, TEST_CLIENT_ID, type TestProvider } from "./testProvider";

export type { PortalSettings } from "./config";
export { portalSettingsFromEnv } from "./config";

export interface PortalOptions {
  database: DatabaseClient;
  environment: PlatformEnvironment;
  settings: PortalSettings;
  /** The gateway's HTTP server: without a public URL the portal's origin is `http://localhost:<its port>`. */
  httpServer: Server;
  /** The public base URL (PUBLIC_BASE_URL), e.g. `https://register.example.lv`. */
  publicUrl?: string;
  /** The built app's folder (`@rnp/portal/build`'s `portalDist`). */
  dist: string;
  /** The portal's persisted documents (hash → text): the only documents a session runs. */
  persistedDocuments: Record<string, string>;
}

/** Where the embedded test provider is mounted on the gateway. */
export const TEST_PROVIDER_PATH = "/oidc";

/**
 * The portal's server side: the built app at `/portal/`, sign-in (`/portal/auth/…`), the
 * embedded test OpenID provider at `/oidc` (never on PRODUCTION, nor when a provider is
 * configured), and the session as a credential of the access pipeline.
 */
export function createPortal(options: PortalOptions) {
  const { settings } = options;
  const origin = () => {
    if (options.publicUrl) return new URL(options.publicUrl).origin;
    const address = options.httpServer.address() as AddressInfo | null;
    return `http://localhost:${address?.port ?? 0}`;
  };
  const secure = () => origin().startsWith("https:");
  const embedded = !settings.oidc && options.environment !== "PRODUCTION";
  let testProvider: Promise<TestProvider> | null = null;
  const provider = () => {
    testProvider ??= createTestProvider({
      issuer: `${origin()}${TEST_PROVIDER_PATH}`,
      redirectUris: [`${origin()}${CALLBACK_PATH}`],
      sql: options.database.sql,
    });
    return testProvider;
  };
  const sessions = new SessionStore(options.database.db, settings);
  let rp: ReturnType<typeof relyingParty> | null = null;
  const rpOf = () => {
    rp ??= relyingParty({
      origin: origin(),
      sessions,
      provider: async () =>
        settings.oidc ?? {
          issuer: `${origin()}${TEST_PROVIDER_PATH}`,
          clientId: TEST_CLIENT_ID,
          clientSecret: (await provider()).clientSecret,
        },
    });
    return rp;
  };
  const signInAvailable = Boolean(settings.oidc) || embedded;
  const files = staticPortal(options.dist);
  const credential = sessionCredential({
    db: options.database.db,
    sessions,
    safelist: portalSafelist(options.persistedDocuments),
    lookupsPerHour: settings.lookupsPerHour,
  });

  async function auth(request: IncomingMessage, response: ServerResponse, step: string) {
    const party = rpOf();
    if (step === "session") return party.session(request, response, signInAvailable);
    if (!signInAvailable) {
      response.writeHead(503, { "content-type": "text/plain; charset=utf-8" });
      response.end("Sign-in is not configured on this platform.");
      return;
    }
    if (step === "login") return party.login(request, response);
    if (step === "callback") return party.callback(request, response);
    if (step === "logout") return party.logout(request, response, false);
    if (step === "logout-everywhere") return party.logout(request, response, true);
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    response.end("Unknown sign-in step.");
  }

  const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => Promise<void> | void> =
    {
      "/portal/*": (request, response) => {
        const { pathname } = new URL(request.url ?? "/", "http://x");
        const step = /^\/portal\/auth\/([\w-]+)$/.exec(pathname)?.[1];
        return step ? auth(request, response, step) : files(request, response);
      },
    };
  if (embedded) {
    routes[`${TEST_PROVIDER_PATH}/*`] = async (request, response) =>
      (await provider()).handle(request, response);
  }

  return {
    routes,
    credential,
    /** The portal session a GraphQL request carries, if any (and no `Authorization`). */
    requestOf: (request: IncomingMessage) => portalRequestOf(request, rpOf().cookieName, secure()),
    /** Gives the configured personal codes the OPERATOR platform role (idempotent). */
    async appointOperators() {
      for (const personCode of settings.operators) {
        await options.database.db
          .insert(schema.people.platformRoles)
          .values({ personCode, role: "OPERATOR" })
          .onConflictDoNothing();
      }
    },
    embeddedProvider: embedded,
    origin,
  };
}

export type Portal = ReturnType<typeof createPortal>;

/** The portal's persisted documents as the client preset wrote them. */
export function readPersistedDocuments(file: string): Record<string, string> {
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
}
