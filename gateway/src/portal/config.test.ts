import { ConfigError } from "@rnp/common";
import { describe, expect, it } from "vitest";
import { portalSettingsFromEnv } from "./config";

describe("portalSettingsFromEnv", () => {
  it("stops a PRODUCTION start without the national provider, naming the three settings", () => {
    expect(() => portalSettingsFromEnv({}, "PRODUCTION")).toThrow(ConfigError);
    expect(() => portalSettingsFromEnv({}, "PRODUCTION")).toThrow(
      /PORTAL_OIDC_ISSUER, PORTAL_OIDC_CLIENT_ID, PORTAL_OIDC_CLIENT_SECRET/,
    );
  });

  it("uses the embedded test provider on TEST when no provider is configured", () => {
    const settings = portalSettingsFromEnv({}, "TEST");
    expect(settings.oidc).toBeUndefined();
    expect(settings).toMatchObject({ idleMinutes: 30, maxHours: 12, lookupsPerHour: 60, operators: [] });
  });

  it("refuses a provider configured in part, and hides the secret in the sentence", () => {
    const attempt = () =>
      portalSettingsFromEnv(
        { PORTAL_OIDC_ISSUER: "https://eid.example.lv", PORTAL_OIDC_CLIENT_ID: "x" },
        "TEST",
      );
    expect(attempt).toThrow(/PORTAL_OIDC_CLIENT_SECRET is unset/);
    expect(() => portalSettingsFromEnv({ PORTAL_OIDC_CLIENT_SECRET: "short" }, "TEST")).toThrow(
      /set \(hidden\)/,
    );
  });

  it("reads the national provider, the timeouts, the look-up rate and the operators", () => {
    const settings = portalSettingsFromEnv(
      {
        PORTAL_OIDC_ISSUER: "https://eid.example.lv",
        PORTAL_OIDC_CLIENT_ID: "register-portal",
        PORTAL_OIDC_CLIENT_SECRET: "0123456789abcdef0123",
        PORTAL_SESSION_IDLE_MINUTES: "15",
        PDP_LOOKUPS_PER_HOUR: "20",
        PORTAL_OPERATORS: "161175-19997, 32867300679",
      },
      "PRODUCTION",
    );
    expect(settings).toMatchObject({
      oidc: { issuer: "https://eid.example.lv", clientId: "register-portal" },
      idleMinutes: 15,
      lookupsPerHour: 20,
      operators: ["16117519997", "32867300679"],
    });
    expect(() => portalSettingsFromEnv({ PDP_LOOKUPS_PER_HOUR: "lots" }, "TEST")).toThrow(
      /PDP_LOOKUPS_PER_HOUR/,
    );
  });
});
