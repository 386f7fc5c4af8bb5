import { ConfigError, integerSetting, readConfig, textSetting, urlSetting } from "@rnp/common";

/** The national OpenID provider the portal signs people in with (production). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export interface PortalSettings {
  /** An external OpenID provider; absent: the embedded test provider (never on PRODUCTION). */
  oidc?: OidcSettings;
  /** Minutes without a request after which a session ends (default 30). */
  idleMinutes: number;
  /** Hours after sign-in after which a session ends whatever happens (default 12). */
  maxHours: number;
  /** Look-ups by hand one official may make in an hour (default 60). */
  lookupsPerHour: number;
  /** Personal codes given the OPERATOR platform role at start. */
  operators: string[];
}

export const PORTAL_SETTINGS = {
  PORTAL_OIDC_ISSUER: urlSetting(["https:", "http:"]),
  PORTAL_OIDC_CLIENT_ID: textSetting(),
  PORTAL_OIDC_CLIENT_SECRET: textSetting({ minLength: 16 }),
  PORTAL_SESSION_IDLE_MINUTES: integerSetting(1, 24 * 60, 30),
  PORTAL_SESSION_MAX_HOURS: integerSetting(1, 7 * 24, 12),
  PDP_LOOKUPS_PER_HOUR: integerSetting(1, 10_000, 60),
  PORTAL_OPERATORS: textSetting(),
};

const OIDC_NAMES = ["PORTAL_OIDC_ISSUER", "PORTAL_OIDC_CLIENT_ID", "PORTAL_OIDC_CLIENT_SECRET"] as const;

/**
 * The portal's settings from the environment. On a PRODUCTION platform the embedded test
 * provider never runs, so the national provider's issuer, client id and secret are required:
 * without them this throws a `ConfigError` naming them. Given only in part, anywhere, likewise.
 */
export function portalSettingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  environment: "TEST" | "PRODUCTION",
): PortalSettings {
  const values = readConfig(PORTAL_SETTINGS, env, { secrets: ["PORTAL_OIDC_CLIENT_SECRET"] });
  const given = OIDC_NAMES.filter((name) => values[name] !== undefined);
  if (given.length > 0 && given.length < OIDC_NAMES.length) {
    const missing = OIDC_NAMES.filter((name) => values[name] === undefined);
    throw new ConfigError([
      `${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} unset; the portal's OpenID provider needs all of ${OIDC_NAMES.join(", ")}.`,
    ]);
  }
  if (given.length === 0 && environment === "PRODUCTION") {
    throw new ConfigError([
      `A PRODUCTION platform signs people in with the national OpenID provider only: set ${OIDC_NAMES.join(", ")} (the embedded test provider never runs on PRODUCTION).`,
    ]);
  }
  const operators = (values.PORTAL_OPERATORS ?? "")
    .split(",")
    .map((code) => code.trim().replace("-", ""))
    .filter(Boolean);
  return {
    ...(values.PORTAL_OIDC_ISSUER
      ? {
          oidc: {
            issuer: values.PORTAL_OIDC_ISSUER,
            clientId: values.PORTAL_OIDC_CLIENT_ID!,
            clientSecret: values.PORTAL_OIDC_CLIENT_SECRET!,
          },
        }
      : {}),
    idleMinutes: values.PORTAL_SESSION_IDLE_MINUTES,
    maxHours: values.PORTAL_SESSION_MAX_HOURS,
    lookupsPerHour: values.PDP_LOOKUPS_PER_HOUR,
    operators,
  };
}
