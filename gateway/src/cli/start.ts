import { parseArgs } from "node:util";
import { stopOnSignals } from "@rnp/common";
import { dataDirFromEnv } from "@rnp/db/embedded";
import { allDataGroupNames } from "@rnp/schema";
import { startPlatform } from "../platform";
import { provisionRequester, syntheticRegistrationNumber } from "../provision";

const usage = `Usage: pnpm start [--port N] [--persons N] [--seed N] [--data-dir DIR]

Starts the whole platform in one process: PostgreSQL (embedded in .data/postgres unless
DATABASE_URL is set), migrations, the synthetic register when the database is empty,
the person and catalog subgraphs, and the gateway with Apollo Sandbox.

Options:
  --port N      gateway port (default: PORT or 4000); subgraphs use the three ports after it
  --persons N   persons to generate when the register is empty (default 10000)
  --seed N      generator seed (default 1); the same seed gives the same register
  --data-dir D  folder of the embedded PostgreSQL (default: REGISTER_DATA_DIR or .data/postgres)
  --help        show this text

Environment: DATABASE_URL, PORT, HOST (default 127.0.0.1), NODE_ENV=production (no
introspection, no Sandbox), PERSONS_BATCH_LIMIT (default 1000), SUBGRAPH_TIMEOUT_MS (default
10000: a slower subgraph call ends with HTTP 504), SUBGRAPH_CONNECT_TIMEOUT_MS (default 2000),
REGISTER_DATA_DIR (the embedded PostgreSQL's folder).`;

let values: { port?: string; persons?: string; seed?: string; "data-dir"?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      port: { type: "string" },
      persons: { type: "string" },
      seed: { type: "string" },
      "data-dir": { type: "string" },
      help: { type: "boolean" },
    },
  }));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}

function integer(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a whole number ≥ 0; got "${text}".`);
    process.exit(2);
  }
  return value;
}

const port = integer("port", values.port ?? process.env.PORT, 4000);
const persons = integer("persons", values.persons, 10_000);
const seed = integer("seed", values.seed, 1);
const started = Date.now();
let lastReport = 0;
const platform = await startPlatform({
  port,
  subgraphPorts: {
    person: port === 0 ? 0 : port + 1,
    catalog: port === 0 ? 0 : port + 2,
    monitoring: port === 0 ? 0 : port + 3,
  },
  host: process.env.HOST ?? "127.0.0.1",
  seedPersons: persons,
  seed,
  ...(process.env.DATABASE_URL
    ? { databaseUrl: process.env.DATABASE_URL }
    : { dataDir: values["data-dir"] ?? dataDirFromEnv() }),
  ...(process.env.OPERATOR_API_KEY ? { operatorKey: process.env.OPERATOR_API_KEY } : {}),
  ...(process.env.INTERNAL_SIGNING_SECRET ? { signingSecret: process.env.INTERNAL_SIGNING_SECRET } : {}),
  log: (line) => console.log(`• ${line}`),
  onSeedProgress: (done, total) => {
    if (Date.now() - lastReport < 1000 && done < total) return;
    lastReport = Date.now();
    console.log(`  ${done}/${total} persons (${Math.round((100 * done) / total)}%)`);
  },
}).catch((error: unknown) => {
  console.error(`The platform did not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

// 127.0.0.1 and localhost are the same server here; localhost is what people type.
const shown = (url: string) => url.replace("//127.0.0.1:", "//localhost:");
const gatewayUrl = shown(platform.gatewayUrl);
// In development a demo requester gets a fresh key and a broad test grant at every start.
const demo =
  process.env.NODE_ENV === "production"
    ? null
    : await provisionRequester(platform.gatewayUrl, platform.operatorKey, {
        name: "Demo Banka AS",
        registrationNumber: syntheticRegistrationNumber(1),
        dataGroups: allDataGroupNames(),
        purpose: "Customer due diligence (demo)",
      });
const root = gatewayUrl.replace(/\/graphql$/, "");
console.log(`
Population register graph is up (${((Date.now() - started) / 1000).toFixed(1)} s)
  gateway (Apollo Sandbox in a browser)  ${gatewayUrl}
  health                                 ${root}/health/live  ${root}/health/ready
  person subgraph                        ${shown(platform.subgraphUrls.person)}
  catalog subgraph                       ${shown(platform.subgraphUrls.catalog)}
  monitoring subgraph                    ${shown(platform.subgraphUrls.monitoring)}
  database                               ${platform.databaseUrl.replace(/:[^:@/]+@/, ":***@")}
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
In Apollo Sandbox, put the two headers under "Headers". Stop with Ctrl+C (SIGTERM drains requests first).`);
stopOnSignals(platform.stop);
