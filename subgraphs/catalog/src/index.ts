import { ConfigError } from "@rnp/common";
import { runSubgraphProcess } from "@rnp/db/process";
import { readCatalogConfig } from "./config";
import { createCatalogSubgraph } from "./server";

// The onboarding steps depend on the platform's environment, as the gateway's grants do; the
// acceptance act is signed (test) or verified (production) with the keys of docs/ENVIRONMENTS.md.
let config: ReturnType<typeof readCatalogConfig>;
try {
  config = readCatalogConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
if (config.environment === "TEST" && !config.actKeys.signing)
  console.warn(
    "ACCEPTANCE_ACT_SIGNING_KEY is not set: this test platform cannot record acceptance acts (ACCEPTANCE_ACT_KEY_MISSING).",
  );
if (config.environment === "PRODUCTION" && !config.actKeys.verifying)
  console.warn(
    "ACCEPTANCE_ACT_PUBLIC_KEY is not set: this production platform cannot issue PRODUCTION grants (ACCEPTANCE_ACT_KEY_MISSING).",
  );
await runSubgraphProcess("catalog", 4002, (options) =>
  createCatalogSubgraph({ ...options, environment: config.environment, actKeys: config.actKeys }),
);
