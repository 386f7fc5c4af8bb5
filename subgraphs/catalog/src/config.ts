import type { KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import { enumSetting, type PlatformEnvironment, readConfig, type Setting } from "@rnp/common";
import {
  type ActKeys,
  loadOrCreateActKeyFiles,
  parseActPrivateKey,
  parseActPublicKey,
} from "./acceptanceSignature";

/** An Ed25519 key setting: PEM (newlines as `\n` allowed) or base64 DER; undefined when unset. */
function actKeySetting(kind: "private" | "public"): Setting<KeyObject | undefined> {
  return {
    allowed:
      kind === "private"
        ? "an Ed25519 private key: PKCS#8 PEM, or its DER in base64 (`openssl genpkey -algorithm ed25519`)"
        : "an Ed25519 public key: SPKI PEM, or its DER in base64 (`openssl pkey -in key.pem -pubout`), never the private key",
    read(text) {
      if (text === undefined || text === "") return undefined;
      return kind === "private" ? parseActPrivateKey(text) : parseActPublicKey(text);
    },
  };
}

/** The settings the catalog subgraph reads (README, docs/ENVIRONMENTS.md). */
export const catalogSettings = {
  PLATFORM_ENVIRONMENT: enumSetting(["TEST", "PRODUCTION"], "TEST"),
  /** Test platform: signs acceptance acts as they are recorded. */
  ACCEPTANCE_ACT_SIGNING_KEY: actKeySetting("private"),
  /** Production platform and `pnpm onboarding:promote`: verifies them. */
  ACCEPTANCE_ACT_PUBLIC_KEY: actKeySetting("public"),
};

/** The setting `pnpm onboarding:promote` reads. */
export const promotionSettings = { ACCEPTANCE_ACT_PUBLIC_KEY: catalogSettings.ACCEPTANCE_ACT_PUBLIC_KEY };

export interface CatalogConfig {
  environment: PlatformEnvironment;
  actKeys: ActKeys;
}

/**
 * The catalog's configuration from `env`; throws `ConfigError` naming every wrong variable
 * (the signing key's value is never repeated).
 */
export function readCatalogConfig(env: Readonly<Record<string, string | undefined>>): CatalogConfig {
  const values = readConfig(catalogSettings, env, { secrets: ["ACCEPTANCE_ACT_SIGNING_KEY"] });
  return {
    environment: values.PLATFORM_ENVIRONMENT,
    actKeys: {
      ...(values.ACCEPTANCE_ACT_SIGNING_KEY ? { signing: values.ACCEPTANCE_ACT_SIGNING_KEY } : {}),
      ...(values.ACCEPTANCE_ACT_PUBLIC_KEY ? { verifying: values.ACCEPTANCE_ACT_PUBLIC_KEY } : {}),
    },
  };
}

/**
 * The acceptance act keys for `pnpm start`: from the environment when set; else, with the
 * embedded database (`embeddedRoot`, the folder holding its data folder), a development pair
 * kept there (made once), of which a TEST platform takes only the private key and a PRODUCTION
 * platform only the public key, so two platforms started side by side (`--data-dir
 * .data/test`, `--data-dir .data/production`) sign and verify with the same pair. Throws
 * `ConfigError` for a wrong variable.
 */
export function actKeysForStart(
  env: Readonly<Record<string, string | undefined>>,
  embeddedRoot: string | null,
): { actKeys: ActKeys; keyFile: string | null } {
  const config = readCatalogConfig(env);
  if (config.actKeys.signing || config.actKeys.verifying || !embeddedRoot)
    return { actKeys: config.actKeys, keyFile: null };
  const files = loadOrCreateActKeyFiles(embeddedRoot);
  return config.environment === "TEST"
    ? {
        actKeys: { signing: parseActPrivateKey(readFileSync(files.privateKeyFile, "utf8")) },
        keyFile: files.privateKeyFile,
      }
    : {
        actKeys: { verifying: parseActPublicKey(readFileSync(files.publicKeyFile, "utf8")) },
        keyFile: files.publicKeyFile,
      };
}
