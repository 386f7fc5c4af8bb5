import {
  accessControlFromEnv,
  identityTtlSecondsFromEnv,
  signingSecretFromEnv,
  startTracing,
  stopOnSignals,
} from "@rnp/common";
import { createDatabase } from "@rnp/db";
import { subgraphs } from "@rnp/schema";
import { auditSettingsFromEnv, fileAnchorSink } from "./access/auditAnchors";
import { ensureOperatorKey } from "./access/credentials";
import { oauthOptionsFromEnv } from "./access/oauth";
import { createGatewayServer } from "./server";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error(
    "Set DATABASE_URL: the gateway reads API keys and grants from it and writes the audit trail to it.",
  );
  process.exit(1);
}
const environment = process.env.PLATFORM_ENVIRONMENT ?? "TEST";
if (environment !== "TEST" && environment !== "PRODUCTION") {
  console.error(`PLATFORM_ENVIRONMENT must be TEST or PRODUCTION; got "${environment}".`);
  process.exit(1);
}
let identityTtlSeconds: number;
try {
  identityTtlSeconds = identityTtlSecondsFromEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
// Each subgraph's URL comes from <NAME>_SUBGRAPH_URL, e.g. PERSON_SUBGRAPH_URL.
const subgraphUrls = Object.fromEntries(
  subgraphs.map((subgraph) => [
    subgraph.name,
    process.env[`${subgraph.name.toUpperCase()}_SUBGRAPH_URL`] ?? subgraph.defaultUrl,
  ]),
);
let audit: ReturnType<typeof auditSettingsFromEnv>;
try {
  audit = auditSettingsFromEnv(null);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const stopTracing = await startTracing("rnp-gateway");
const oauth = oauthOptionsFromEnv();
if (oauth && "reason" in oauth) {
  console.error(`${oauth.reason}.`);
  process.exit(1);
}
if (!oauth) console.log("no OAUTH_SIGNING_KEYS: OAuth client credentials (POST /oauth/token) are off");
const database = createDatabase(databaseUrl, { applicationName: "rnp-gateway" });
if (process.env.OPERATOR_API_KEY) await ensureOperatorKey(database.db, process.env.OPERATOR_API_KEY);
// GATEWAY_FETCHER=default selects the gateway's own HTTP client (the benchmark's baseline).
const fetcher = process.env.GATEWAY_FETCHER === "default" ? "default" : "undici";
const server = await createGatewayServer({
  subgraphUrls,
  database,
  signingSecret: signingSecretFromEnv(),
  identityTtlSeconds,
  accessControl: accessControlFromEnv(),
  environment,
  fetcher,
  ...(oauth ? { oauth } : {}),
  audit: {
    key: audit.key,
    // AUDIT_ANCHOR_FILE: one file per replica, or one shared file; every line is checked.
    ...(audit.anchorFile ? { anchors: fileAnchorSink(audit.anchorFile, audit.key) } : {}),
    onAnchorError: (error) => console.error("audit anchor not written", error),
  },
});
const url = await server.listen(Number(process.env.PORT ?? 4000), process.env.HOST ?? "127.0.0.1");
console.log(`gateway ready at ${url}`);
stopOnSignals(async () => {
  await server.stop();
  await database.close();
  await stopTracing?.();
});
