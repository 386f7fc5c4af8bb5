import { createServer } from "node:net";
import path from "node:path";
import { actKeysForStart } from "@rnp/catalog";
import {
  commandLine,
  identityTtlSecondsFromEnv,
  type PlatformEnvironment,
  signingKeysFromEnv,
  startTracing,
  stopOnSignals,
} from "@rnp/common";
import { dataDirFromEnv } from "@rnp/db/embedded";
import { runningPlatformFile, writeRunningPlatform } from "@rnp/db/running";
import { oauthOptionsFromEnv } from "@rnp/gateway/access/oauth";
import { portalSettingsFromEnv } from "@rnp/gateway/portal";
import { allDataGroupNames } from "@rnp/schema";
import { demoKeyFile, loadOrCreateOperatorKey, readKeyFile, writeKeyFile } from "../devKeys";
import { startPlatform } from "../platform";
import { provisionPortalDemo } from "../portalDemo";
import { provisionRequester, syntheticRegistrationNumber } from "../provision";

const usage = `Usage: pnpm start [--port N] [--persons N] [--seed N] [--data-dir DIR]

Starts the whole platform in one process: PostgreSQL (embedded in .data/postgres unless
DATABASE_URL is set), migrations, the synthetic register when the database is empty,
the person, catalog and monitoring subgraphs, and the gateway with the offline explorer
(/explorer) and Apollo Sandbox.

Options:
  --port N      gateway port (default: PORT or 4000); subgraphs use the three ports after it
  --persons N   persons to generate when the register is empty (default 10000)
  --seed N      generator seed (default 1); the same seed gives the same register
  --data-dir D  folder of the embedded PostgreSQL (default: REGISTER_DATA_DIR or .data/postgres)
  --help        show this text

Environment: DATABASE_URL, OPERATOR_API_KEY (default with the embedded database: kept in
.data/operator.key, as the demo requester's key in .data/demo-requester.key), PORT, HOST (default 127.0.0.1), NODE_ENV=production (no
introspection, no Sandbox), PERSONS_BATCH_LIMIT (default 1000), AUDIT_CHAIN_KEY (default
with the embedded database: generated into .data/audit-chain.key), AUDIT_ANCHOR_FILE
(default with the embedded database: .data/audit-anchors.jsonl); INTERNAL_SIGNING_KEYS
("k2:secret2,k1:secret1", the first signs) or INTERNAL_SIGNING_SECRET (default: random),
INTERNAL_TOKEN_TTL_SECONDS (lifetime of the gateway's identity tokens, default 30),
SUBGRAPH_TIMEOUT_MS (default 10000: a slower subgraph call ends with HTTP 504),
SUBGRAPH_CONNECT_TIMEOUT_MS (default 2000), REGISTER_DATA_DIR (the embedded PostgreSQL's
folder), PLATFORM_ENVIRONMENT=TEST|PRODUCTION (default TEST): the environment the platform serves;
grants of the other environment are refused, and the demo requester's grant is of this one;
OAUTH_SIGNING_KEYS ("k2:secret2,k1:secret1": OAuth access tokens, default a random key each
start) and OAUTH_TOKEN_TTL_SECONDS (default 300); ACCEPTANCE_ACT_SIGNING_KEY (TEST) and
ACCEPTANCE_ACT_PUBLIC_KEY (PRODUCTION), Ed25519 (default with the embedded database: a pair
generated into .data/acceptance-act-signing.key and .pub); operation limits: RATE_LIMIT_PER_MINUTE, GATEWAY_MAX_TOKENS, GATEWAY_MAX_DEPTH,
GATEWAY_MAX_ALIASES, GATEWAY_MAX_DIRECTIVES, GATEWAY_MAX_SELECTIONS, GATEWAY_MAX_COST,
GATEWAY_DEFAULT_LIST_SIZE, MAX_SUBSCRIPTIONS_PER_KEY, GATEWAY_IN_FLIGHT_COST, GATEWAY_MAX_QUEUED,
GATEWAY_MAX_QUEUE_WAIT_MS (docs/LIMITS.md).`;

const { values, wholeNumber } = commandLine({
  usage,
  options: {
    port: { type: "string" },
    persons: { type: "string" },
    seed: { type: "string" },
    "data-dir": { type: "string" },
  },
});

const environmentText = process.env.PLATFORM_ENVIRONMENT ?? "TEST";
if (environmentText !== "TEST" && environmentText !== "PRODUCTION") {
  console.error(
    `PLATFORM_ENVIRONMENT must be TEST or PRODUCTION; got "${environmentText}". Unset it for a test platform.`,
  );
  process.exit(2);
}
const environment: PlatformEnvironment = environmentText;
console.log(`• environment ${environment}: grants of the other environment are refused`);

// The keys matter only to parts started apart from this process; without them a random one serves.
const signingKeys = signingKeysFromEnv();
if (signingKeys && typeof signingKeys === "object" && "reason" in signingKeys) {
  console.error(`${signingKeys.reason}. Unset it, or give "id:secret" pairs with secrets of 16+ characters.`);
  process.exit(2);
}

// OAuth access tokens (POST /oauth/token): without OAUTH_SIGNING_KEYS a random key per start.
const oauth = oauthOptionsFromEnv();
if (oauth && "reason" in oauth) {
  console.error(`${oauth.reason}.`);
  process.exit(2);
}

try {
  identityTtlSecondsFromEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

// The portal's sign-in: on PRODUCTION the national provider's settings are required.
let portal: ReturnType<typeof portalSettingsFromEnv>;
try {
  portal = portalSettingsFromEnv(process.env, environment);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

// Acceptance acts (docs/ENVIRONMENTS.md): signed on a TEST platform, verified on a PRODUCTION
// one; with the embedded database a development key pair is kept in .data/ like the audit key.
// `.data/`: the folder above the embedded cluster; it also holds the running platform's facts
// (platform.json) for the tools started beside it, even when the database is external.
const dataRoot = path.dirname(path.resolve(values["data-dir"] ?? dataDirFromEnv()));
const embeddedRoot = process.env.DATABASE_URL ? null : dataRoot;
let acts: ReturnType<typeof actKeysForStart>;
try {
  acts = actKeysForStart(process.env, embeddedRoot);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
if (acts.keyFile) console.log(`• acceptance act key: ${acts.keyFile}`);

// The three subgraphs listen on the ports after the gateway's.
const port = wholeNumber("port", values.port ?? process.env.PORT, 4000, { max: 65_535 - 3 });
const persons = wholeNumber("persons", values.persons, 10_000);
const seed = wholeNumber("seed", values.seed, 1);
const host = process.env.HOST ?? "127.0.0.1";

/** Whether something already listens on `port` (EADDRINUSE); other listen errors are left to the start. */
async function inUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "EADDRINUSE"));
    probe.listen(port, host, () => probe.close(() => resolve(false)));
  });
}

const busyPort = (taken: number, role: string) =>
  `Port ${taken}${role} is in use (by another program or an earlier start): stop it or pass --port.`;
// Checked before the database starts, so a busy port costs no start-up and ends in a sentence
// (the listen error itself would surface deep in the gateway's WebSocket server).
if (port !== 0) {
  const roles = [
    [port, ""],
    [port + 1, " (the person subgraph's: --port + 1)"],
    [port + 2, " (the catalog subgraph's: --port + 2)"],
    [port + 3, " (the monitoring subgraph's: --port + 3)"],
  ] as const;
  for (const [candidate, role] of roles) {
    if (await inUse(candidate)) {
      console.error(busyPort(candidate, role));
      process.exit(2);
    }
  }
}

// With the embedded database the operator key is kept in .data/ and reused at the next start.
let operatorKey: string | undefined;
try {
  operatorKey =
    process.env.OPERATOR_API_KEY || (embeddedRoot ? loadOrCreateOperatorKey(embeddedRoot) : undefined);
} catch (error) {
  console.error(`The operator key could not be kept in ${embeddedRoot}: ${(error as Error).message}.`);
  process.exit(2);
}

const started = Date.now();
let lastReport = 0;
// One process, one service name: every part's spans (and the gateway's) land in one trace.
const stopTracing = await startTracing("rnp-platform");
const platform = await startPlatform({
  port,
  subgraphPorts: {
    person: port === 0 ? 0 : port + 1,
    catalog: port === 0 ? 0 : port + 2,
    monitoring: port === 0 ? 0 : port + 3,
  },
  host,
  seedPersons: persons,
  seed,
  environment,
  portal,
  ...(process.env.PUBLIC_BASE_URL ? { publicUrl: process.env.PUBLIC_BASE_URL } : {}),
  actKeys: acts.actKeys,
  ...(process.env.DATABASE_URL
    ? {
        databaseUrl: process.env.DATABASE_URL,
        ...(process.env.DATABASE_READ_URL ? { databaseReadUrl: process.env.DATABASE_READ_URL } : {}),
      }
    : { dataDir: values["data-dir"] ?? dataDirFromEnv() }),
  ...(operatorKey ? { operatorKey } : {}),
  ...(signingKeys ? { signingSecret: signingKeys } : {}),
  ...(oauth ? { oauthSigningKeys: oauth.keys, oauthTokenTtlSeconds: oauth.tokenTtlSeconds ?? 300 } : {}),
  log: (line) => console.log(`• ${line}`),
  onSeedProgress: (done, total) => {
    if (Date.now() - lastReport < 1000 && done < total) return;
    lastReport = Date.now();
    console.log(`  ${done}/${total} persons (${Math.round((100 * done) / total)}%)`);
  },
}).catch((error: unknown) => {
  // A port taken between the check above and the listen.
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const taken = (error as { port?: number } | undefined)?.port;
  if (code === "EADDRINUSE" && taken !== undefined) {
    console.error(busyPort(taken, ""));
    process.exit(2);
  }
  console.error(`The platform did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

// 127.0.0.1 and localhost are the same server here; localhost is what people type.
const shown = (url: string) => url.replace("//127.0.0.1:", "//localhost:");
const gatewayUrl = shown(platform.gatewayUrl);
// In development a demo requester gets a key and a broad grant of the platform's environment
// (a TEST grant would be refused on a PRODUCTION platform). With the embedded database its key
// is kept in .data/ and reused while it works; a new one revokes those of earlier starts.
const kept = embeddedRoot ? readKeyFile(demoKeyFile(embeddedRoot)) : null;
const demo =
  process.env.NODE_ENV === "production"
    ? null
    : await provisionRequester(platform.gatewayUrl, platform.operatorKey, {
        name: "Demo Banka AS",
        registrationNumber: syntheticRegistrationNumber(1),
        dataGroups: allDataGroupNames(),
        purpose: "Customer due diligence (demo)",
        environment,
        reuseKey: kept,
      });
if (demo && embeddedRoot && demo.key !== kept) writeKeyFile(demoKeyFile(embeddedRoot), demo.key);
const [signatory, official] = platform.samplePersonCodes;
if (demo && signatory && official) {
  await provisionPortalDemo(platform.gatewayUrl, platform.operatorKey, demo, { signatory, official });
}
const root = gatewayUrl.replace(/\/graphql$/, "");
// What the tools started beside this platform need (see @rnp/db/running), mode 0600.
const factsFile = runningPlatformFile(dataRoot);
const removeFacts = writeRunningPlatform(dataRoot, {
  pid: process.pid,
  databaseUrl: platform.databaseUrl,
  dataDir: platform.dataDir,
  gatewayUrl: platform.gatewayUrl,
  auditChainKeyFile: platform.auditChainKeyFile,
  auditAnchorFile: platform.auditAnchorFile,
  ...(demo ? { demo: { key: demo.key, grantNumber: demo.grantNumber } } : {}),
  startedAt: new Date().toISOString(),
});
console.log(`
Population register graph is up (${((Date.now() - started) / 1000).toFixed(1)} s)
  environment                            ${environment}
  gateway (Apollo Sandbox in a browser)  ${gatewayUrl}${
    demo
      ? `
  explorer (offline, headers prefilled)  ${root}/explorer#${new URLSearchParams({ authorization: `Bearer ${demo.key}`, grant: demo.grantNumber })}`
      : ""
  }
  portal (docs/PORTAL.md)                ${platform.portalUrl}${
    demo && signatory && official
      ? `
    sign in as a test person: ${signatory} (signatory of Demo Banka AS) or ${official} (its PDP user)`
      : ""
  }
  health                                 ${root}/health/live  ${root}/health/ready
  person subgraph                        ${shown(platform.subgraphUrls.person)}
  catalog subgraph                       ${shown(platform.subgraphUrls.catalog)}
  monitoring subgraph                    ${shown(platform.subgraphUrls.monitoring)}
  database (psql, DATABASE_URL)          ${
    // The embedded cluster's development password is no secret; an external one's is.
    platform.dataDir ? platform.databaseUrl : platform.databaseUrl.replace(/:[^:@/]+@/, ":***@")
  }
  operator API key                       ${platform.operatorKey}${
    demo
      ? `
  demo requester API key                 ${demo.key}
  demo grant (send as the Grant header)  ${demo.grantNumber}`
      : ""
  }
Try: curl -s ${gatewayUrl} -H 'content-type: application/json' \\
       -d '{"query":"{ dataGroups { name fields { coordinate } } }"}'${
         demo
           ? `
     curl -s ${gatewayUrl} -H 'content-type: application/json' \\
       -H 'authorization: Bearer ${demo.key}' -H 'grant: ${demo.grantNumber}' \\
       -d '{"query":"{ person(personCode: \\"${platform.samplePersonCodes[0] ?? ""}\\") { givenName surname declaredAddress { address { fullAddress } } } }"}'`
           : ""
       }
In Apollo Sandbox, put the two headers under "Headers".
pnpm simulate, pnpm audit:verify and pnpm monitoring:import find this platform by themselves
(${factsFile}, removed at stop). Stop with Ctrl+C (SIGTERM drains requests first).`);
stopOnSignals(async () => {
  removeFacts();
  await platform.stop();
  await stopTracing?.();
});
