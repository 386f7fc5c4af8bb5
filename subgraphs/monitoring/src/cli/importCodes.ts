import { createReadStream } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { commandLine } from "@rnp/common";
import { dataDirFromEnv } from "@rnp/db/embedded";
import { readRunningPlatform } from "@rnp/db/running";

const usage = `Usage: pnpm monitoring:import --set ID --file codes.txt [--remove] [--url URL]

Adds (or with --remove, removes) the personal codes in a file, one per line, to a monitoring
set through the gateway, 100 000 codes a call, printing progress. Blank lines are skipped.
Invalid codes are listed with their line number and reason; the valid ones are processed.
Environment: RNP_API_KEY (your API key) and RNP_GRANT (the grant that allows monitoring);
beside a development \`pnpm start\` they default to its demo requester's (.data/platform.json).
Options:
  --set ID      the monitoring set's id
  --file PATH   the file of codes (UTF-8, one per line, with or without the hyphen)
  --remove      remove the codes instead of adding them
  --url URL     the gateway (default: the running platform's, else http://localhost:4000/graphql)
  --help        show this text
Exit code 0 when every code was valid, 1 when some were rejected or a call failed, 2 on bad arguments.`;

const CHUNK = 100_000;

const { values } = commandLine({
  usage,
  options: {
    set: { type: "string" },
    file: { type: "string" },
    remove: { type: "boolean" },
    url: { type: "string" },
  },
});
// Beside `pnpm start` on this folder: its gateway, and in development its demo requester.
const running = readRunningPlatform(path.dirname(dataDirFromEnv()));
const gatewayUrl = values.url ?? running?.gatewayUrl ?? "http://localhost:4000/graphql";
const key = process.env.RNP_API_KEY || running?.demo?.key;
const grant = process.env.RNP_GRANT || running?.demo?.grantNumber;
if (!values.set || !values.file || !key || !grant) {
  console.error(`Give --set and --file, and set RNP_API_KEY and RNP_GRANT.\n\n${usage}`);
  process.exit(2);
}
if (running && !values.url) console.log(`• the platform running as process ${running.pid}: ${gatewayUrl}`);

const field = values.remove ? "removeMonitoredPersons" : "addMonitoredPersons";
const mutation = `mutation ($set: ID!, $codes: [String!]!) {
  change: ${field}(setId: $set, personCodes: $codes) { changed unchanged memberCount rejected { position personCode reason } }
}`;

interface Outcome {
  changed: number;
  unchanged: number;
  memberCount: number;
  rejected: { position: number; personCode: string; reason: string }[];
}

async function send(codes: string[]): Promise<Outcome> {
  const response = await fetch(gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}`, grant: grant! },
    body: JSON.stringify({ query: mutation, variables: { set: values.set, codes } }),
  });
  const body = (await response.json()) as { data?: { change: Outcome }; errors?: { message: string }[] };
  if (body.errors?.length || !body.data)
    throw new Error(body.errors?.map((e) => e.message).join("; ") ?? `HTTP ${response.status}`);
  return body.data.change;
}

const totals = { lines: 0, changed: 0, unchanged: 0, rejected: 0 };
const started = Date.now();
let chunk: string[] = [];
let chunkLines: number[] = [];

async function flush() {
  if (chunk.length === 0) return;
  const outcome = await send(chunk);
  totals.changed += outcome.changed;
  totals.unchanged += outcome.unchanged;
  for (const rejected of outcome.rejected) {
    totals.rejected++;
    console.error(`line ${chunkLines[rejected.position]}: ${rejected.reason}`);
  }
  const rate = Math.round(totals.lines / ((Date.now() - started) / 1000));
  console.log(`${totals.lines} codes sent (${rate}/s), set now holds ${outcome.memberCount}`);
  chunk = [];
  chunkLines = [];
}

try {
  const lines = createInterface({
    input: createReadStream(values.file),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    const code = line.trim();
    if (!code) continue;
    totals.lines++;
    chunk.push(code);
    chunkLines.push(lineNumber);
    if (chunk.length === CHUNK) await flush();
  }
  await flush();
} catch (error) {
  console.error(`Stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const verb = values.remove ? "removed" : "added";
console.log(
  `Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${totals.changed} ${verb}, ${totals.unchanged} unchanged, ${totals.rejected} rejected.`,
);
process.exit(totals.rejected > 0 ? 1 : 0);
