import { randomBytes } from "node:crypto";
import { cpus } from "node:os";
import { seedCatalog } from "@rnp/catalog";
import { commandLine, IDENTITY_HEADER, signIdentity, UNRESTRICTED_IDENTITY } from "@rnp/common";
import { createDatabase, migrateDatabase } from "@rnp/db";
import { databaseFromEnv, projectDataDir } from "@rnp/db/embedded";
import { isRegisterSeeded, seedRegister } from "@rnp/generator";
import { provisionRequester, syntheticRegistrationNumber } from "@rnp/platform/provision";
import { allDataGroupNames } from "@rnp/schema";
import { type PartProcess, startPartProcess } from "../../tests/support/processes";
import { benchAnonymise } from "./anonymise";
import { measureCompositeSets } from "./compositeSets";
import { ALIASED_FLOOD, type FairnessReport, measureFairness } from "./fairness";
import { loadRunner, median, post } from "./load";
import { printNameSearch } from "./search";

// Parts run in this process (the raw-SQL capture, a search) would log every request at info.
process.env.LOG_LEVEL ??= "warn";

const usage = `Usage: pnpm bench [--duration S] [--connections N] [--persons N] [--search-persons N]

Measures, in one run and on one register:
  1. requests/s and p50/p99 latency of one person query sent straight to the person
     subgraph and through the gateway, each with access control (API key, grant, field
     checks, signed identity, audit trail) and without it (ACCESS_CONTROL=off, the
     baseline), plus the gateway with @apollo/gateway's stock HTTP client; with the CPU
     time each part spent per request (Linux /proc), which a busy machine disturbs less;
  2. the time to fetch 1 000 persons with one persons() call versus 1 000 person() calls,
     with and without access control;
  3. fairness: one requester's single-person p50/p99 alone, then while another requester
     floods the gateway with the heaviest operations its limits allow, then while it sends
     30 aliased persons(1000) (cost 30 000) on 4 connections; met / not met against 2× the idle p99;
  4. an approved composite data set executed by its documentId next to the same
     document sent in full (requests/s, p50, p99), with access control and audit.
  5. name search (given name, surname, birth date, typed without diacritics) through the
     gateway with access control and audit, p50/p99, on a register of --search-persons
     persons generated once into its own database (bench_register_1m), with the plan.
  6. pnpm anonymise over a generated register (--anonymise-persons, default 1 000 000;
     generated once into its own database and kept), persons/s and the total time.
Every part runs as its own process, as in production; the load comes from this process.

Options:
  --duration S      seconds of load per measurement (default 10)
  --connections N   concurrent connections of the load generator (default 16)
  --persons N       register size when the bench database is first seeded (default 10000)
  --search-persons N  register size of section 5 (default 1000000; its database is kept)
  --only LIST       run only these sections, e.g. --only 3 or --only 1,3 (default 1-5;
                    6 runs only when named: --only 6)
  --anonymise-persons N  register size of section 6 (default 1000000)
  --help            show this text
Database: DATABASE_URL, else an embedded PostgreSQL in .data/bench-postgres (kept between runs).`;

const cli = commandLine({
  usage,
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "16" },
    persons: { type: "string", default: "10000" },
    only: { type: "string", default: "1,2,3,4,5" },
    "search-persons": { type: "string", default: "1000000" },
    "anonymise-persons": { type: "string", default: "1000000" },
  },
});
const { values } = cli;
const duration = cli.wholeNumber("duration", values.duration, 10, { min: 1 });
const connections = cli.wholeNumber("connections", values.connections, 16, { min: 1 });
const registerSize = cli.wholeNumber("persons", values.persons, 10_000, { min: 1 });
const searchPersons = cli.wholeNumber("search-persons", values["search-persons"], 1_000_000, { min: 1 });
const sections = new Set(values.only.split(",").map((part) => Number(part.trim())));
if ([...sections].some((section) => ![1, 2, 3, 4, 5, 6].includes(section))) {
  cli.fail("--only takes section numbers 1 to 6, comma-separated.");
}
const anonymisePersons = cli.wholeNumber("anonymise-persons", values["anonymise-persons"], 1_000_000, {
  min: 1,
});

const PERSON_QUERY = `query Person($code: String!) { person(personCode: $code) {
  personCode givenName surname birthDate citizenshipStatus
  declaredAddress { address { fullAddress } }
  identityDocuments(status: VALID) { type number expiryDate }
} }`;
const BATCH_SELECTION = "personCode givenName surname declaredAddress { address { fullAddress } }";

const parts: PartProcess[] = [];
let stopDatabase: (() => Promise<void>) | undefined;

const load = loadRunner({ query: PERSON_QUERY, connections, duration });

async function main() {
  const server = await databaseFromEnv({ dataDir: projectDataDir("bench-postgres") });
  stopDatabase = server.stop;
  const databaseUrl = server.url;
  if (sections.has(6)) await benchAnonymise(databaseUrl, anonymisePersons);
  if (![1, 2, 3, 4, 5].some((section) => sections.has(section))) return;
  await migrateDatabase(databaseUrl);
  const admin = createDatabase(databaseUrl, { max: 2 });
  let code: string;
  let codes: string[];
  let registerCodes: string[];
  try {
    await seedCatalog(admin.db);
    if (!(await isRegisterSeeded(admin.sql))) {
      console.log(`seeding the bench register with ${registerSize} persons…`);
      await seedRegister(admin.sql, { persons: registerSize, seed: 1 });
    }
    const [one] = await admin.sql`
      select p.person_code from person.persons p
      join person.declared_addresses d on d.person_code = p.person_code and d.declared_to is null
      join person.identity_documents i on i.person_code = p.person_code and i.status = 'VALID'
      order by p.person_code limit 1`;
    code = one!.person_code as string;
    registerCodes = (
      await admin.sql`select person_code from person.persons order by md5(person_code) limit 30000`
    ).map((row) => row.person_code as string);
    codes = registerCodes.slice(0, 1000);
    const [count] = await admin.sql`select count(*)::int as n from person.persons`;
    console.log(
      `register: ${count!.n} persons; machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`,
    );
  } finally {
    await admin.close();
  }

  const secret = randomBytes(24).toString("base64url");
  const operatorKey = `rnp_op_${randomBytes(24).toString("base64url")}`;
  const common = { DATABASE_URL: databaseUrl, PORT: "0", INTERNAL_SIGNING_SECRET: secret };
  const off = { ...common, ACCESS_CONTROL: "off" };
  const start = async (entry: string, env: Record<string, string>) => {
    const part = await startPartProcess(entry, env);
    parts.push(part);
    return part;
  };
  const person = await start("subgraphs/person/src/index.ts", common);
  const catalog = await start("subgraphs/catalog/src/index.ts", common);
  const gateway = await start("gateway/src/index.ts", {
    ...common,
    // The load generator is one requester: its throughput, not the rate limit, is measured.
    RATE_LIMIT_PER_MINUTE: "1000000000",
    OPERATOR_API_KEY: operatorKey,
    PERSON_SUBGRAPH_URL: person.url,
    CATALOG_SUBGRAPH_URL: catalog.url,
  });
  const openPerson = await start("subgraphs/person/src/index.ts", off);
  const openCatalog = await start("subgraphs/catalog/src/index.ts", off);
  const openUrls = { PERSON_SUBGRAPH_URL: openPerson.url, CATALOG_SUBGRAPH_URL: openCatalog.url };
  const openGateway = await start("gateway/src/index.ts", { ...off, ...openUrls });
  const stockGateway = await start("gateway/src/index.ts", {
    ...off,
    ...openUrls,
    GATEWAY_FETCHER: "default",
  });

  const requester = await provisionRequester(gateway.url, operatorKey, {
    name: "Bench Banka AS",
    registrationNumber: syntheticRegistrationNumber(3),
    dataGroups: allDataGroupNames(),
    purpose: "Benchmark",
  });
  const requesterHeaders = { authorization: `Bearer ${requester.key}`, grant: requester.grantNumber };
  const [grant] = await sqlGrant(databaseUrl, requester.grantNumber);
  // A subgraph called directly needs what the gateway would forward: a token for this
  // subgraph and body, valid once. Signing is async and autocannon's hook is not, so a
  // pool is signed ahead (signing is part of the gateway's cost, not of the subgraph's).
  const tokenIdentity = {
    ...UNRESTRICTED_IDENTITY,
    requestId: "bench",
    role: "REQUESTER" as const,
    grant: { ...UNRESTRICTED_IDENTITY.grant!, id: grant!.id, dataGroups: allDataGroupNames() },
    issuedAt: Date.now(),
  };
  const personBody = JSON.stringify({ query: PERSON_QUERY, variables: { code } });
  const tokens: string[] = [];
  const signTokens = async (count: number) => {
    for (let i = 0; i < count; i++)
      tokens.push(
        await signIdentity(tokenIdentity, {
          keys: secret,
          audience: "person",
          body: personBody,
          ttlSeconds: 300,
        }),
      );
  };
  const signed = () => (_body: string) => ({ [IDENTITY_HEADER]: tokens.pop() ?? "" });
  await post(gateway.url, PERSON_QUERY, { code }, requesterHeaders);

  if (sections.has(1)) await throughput();
  if (sections.has(2)) await thousandPersons();
  if (sections.has(3)) await fairness();
  if (sections.has(4)) await compositeSets();
  if (sections.has(5)) await nameSearch();

  async function nameSearch() {
    await printNameSearch({
      serverUrl: databaseUrl,
      persons: searchPersons,
      duration,
      connections,
      start,
      secret,
      operatorKey,
      log: console.log,
    });
  }

  async function compositeSets() {
    console.log(
      `\n4. One person query by composite set id vs in full, ${connections} connections, ${duration} s each`,
    );
    const rows = await measureCompositeSets({
      gatewayUrl: gateway.url,
      operatorKey,
      requester,
      document: PERSON_QUERY,
      variables: { code },
      duration,
      connections,
    });
    for (const row of rows) {
      console.log(
        `   ${row.label.padEnd(44)} ${row.rps.toFixed(0).padStart(6)} req/s   p50 ${row.p50} ms   p99 ${row.p99} ms`,
      );
    }
  }

  async function throughput() {
    console.log(`\n1. One person query, ${connections} connections, ${duration} s each`);
    const rows: Awaited<ReturnType<typeof load>>[] = [];
    const runs: [
      string,
      string,
      () => Record<string, string> | ((body: string) => Record<string, string>),
      Record<string, PartProcess>,
    ][] = [
      ["person subgraph, direct, no access control", openPerson.url, () => ({}), { person: openPerson }],
      ["person subgraph, direct, access control", person.url, signed, { person }],
      [
        "gateway, no access control",
        openGateway.url,
        () => ({}),
        { gateway: openGateway, person: openPerson },
      ],
      ["gateway, access control + audit", gateway.url, () => requesterHeaders, { gateway, person }],
      [
        "gateway, stock fetcher, no access control",
        stockGateway.url,
        () => ({}),
        { gateway: stockGateway, person: openPerson },
      ],
    ];
    for (const [label, url, headers, measured] of runs) {
      // Enough for a subgraph at 5 000 req/s through the warm-up and the run.
      if (headers === signed) await signTokens(5_000 * (duration + 3));
      const row = await load(label, url, code, headers(), measured);
      rows.push(row);
      const cpu = row.cpuPerRequest.map(([name, ms]) => `${name} ${ms.toFixed(2)}`).join(", ");
      console.log(
        `   ${label.padEnd(44)} ${row.rps.toFixed(0).padStart(6)} req/s   p50 ${row.p50} ms   p99 ${row.p99} ms${cpu ? `   CPU ms/req: ${cpu}` : ""}`,
      );
    }
    const [openDirect, guardedDirect, openVia, guardedVia, stock] = rows;
    const percent = (a: number, b: number) => `${((100 * a) / b).toFixed(0)}%`;
    console.log(
      `   access control costs: subgraph ${percent(openDirect!.rps - guardedDirect!.rps, openDirect!.rps)} of throughput, whole path ${percent(openVia!.rps - guardedVia!.rps, openVia!.rps)}; p50 +${guardedVia!.p50 - openVia!.p50} ms`,
    );
    console.log(
      `   gateway/direct throughput without access control: ${percent(openVia!.rps, openDirect!.rps)}; undici vs stock fetcher: ${(openVia!.rps / stock!.rps).toFixed(2)}×`,
    );
    // CPU per request moves far less than req/s on a shared machine: the figure to compare runs by.
    const cpuOf = (row: (typeof rows)[number]) =>
      row.cpuPerRequest.length > 0 ? row.cpuPerRequest.reduce((sum, [, ms]) => sum + ms, 0) : null;
    const [directOff, directOn, viaOff, viaOn] = [openDirect, guardedDirect, openVia, guardedVia].map((row) =>
      cpuOf(row!),
    );
    if (directOff && directOn && viaOff && viaOn) {
      console.log(
        `   CPU ms per request (gateway + person subgraph): direct ${directOff.toFixed(2)} → ${directOn.toFixed(2)} with access control (+${percent(directOn - directOff, directOff)}), through the gateway ${viaOff.toFixed(2)} → ${viaOn.toFixed(2)} (+${percent(viaOn - viaOff, viaOff)})`,
      );
    }
  }

  async function thousandPersons() {
    console.log("\n2. 1 000 persons through the gateway (median of 3 runs)");
    const batchQuery = `query ($codes: [String!]!) { persons(personCodes: $codes) { ${BATCH_SELECTION} } }`;
    const single = `query ($code: String!) { person(personCode: $code) { ${BATCH_SELECTION} } }`;
    for (const [label, url, headers] of [
      ["no access control", openGateway.url, {}],
      ["access control + audit", gateway.url, requesterHeaders],
    ] as const) {
      const batch = await median(3, () => post(url, batchQuery, { codes }, headers));
      const sequential = await median(3, async () => {
        for (const c of codes) await post(url, single, { code: c }, headers);
      });
      const concurrent = await median(3, async () => {
        let next = 0;
        await Promise.all(
          Array.from({ length: connections }, async () => {
            while (next < codes.length) await post(url, single, { code: codes[next++]! }, headers);
          }),
        );
      });
      console.log(`   ${label}:`);
      console.log(`     one persons() call with 1 000 codes          ${batch.toFixed(0).padStart(6)} ms`);
      console.log(
        `     1 000 person() calls, one after another      ${sequential.toFixed(0).padStart(6)} ms`,
      );
      console.log(
        `     1 000 person() calls, ${String(connections).padEnd(2)} at a time          ${concurrent.toFixed(0).padStart(6)} ms`,
      );
    }
  }

  async function fairness() {
    const flooder = await provisionRequester(gateway.url, operatorKey, {
      name: "Bench Flood SIA",
      registrationNumber: syntheticRegistrationNumber(4),
      dataGroups: allDataGroupNames(),
      purpose: "Benchmark flood",
    });
    console.log(
      `\n3. Fairness: requester B's single-person queries (2 connections, ${duration} s) alone, then while requester A floods with ${connections} connections`,
    );
    const options = {
      gatewayUrl: gateway.url,
      flooder: { authorization: `Bearer ${flooder.key}`, grant: flooder.grantNumber },
      victim: requesterHeaders,
      codes,
      registerCodes,
      code,
      duration,
      connections,
    };
    const report = await measureFairness(options);
    const line = (label: string, row: { rps: number; p50: number; p99: number }) =>
      console.log(
        `   ${label.padEnd(44)} ${row.rps.toFixed(0).padStart(6)} req/s   p50 ${row.p50} ms   p99 ${row.p99} ms`,
      );
    const statusesOf = (flood: FairnessReport["flood"]) =>
      Object.entries(flood.statuses)
        .map(([status, count]) => `${count} × ${status}`)
        .join(", ") || "no answers";
    const verdict = (loaded: FairnessReport["loaded"], idle: FairnessReport["idle"]) => {
      const ratio = loaded.p99 / Math.max(idle.p99, 1);
      return `B's p99 ${loaded.p99} ms under the flood vs ${idle.p99} ms idle: ${ratio.toFixed(2)}× (goal ≤ 2×: ${ratio <= 2 && loaded.rps > 0 ? "met" : "not met"})${loaded.rps === 0 ? "; B got no answer at all during the flood" : ""}${loaded.non2xx ? `; B got ${loaded.non2xx} failed answers` : ""}`;
    };
    line("B alone", report.idle);
    line("B while A floods (batches + family trees)", report.loaded);
    console.log(
      `   A: ${report.flood.rps.toFixed(0)} req/s (${statusesOf(report.flood)}); ${verdict(report.loaded, report.idle)}`,
    );
    const { aliases, codesPerAlias, connections: floodConnections } = ALIASED_FLOOD;
    const aliased = await measureFairness(options, "aliased", report.idle);
    line(`B while A sends ${aliases} × persons(${codesPerAlias}) on ${floodConnections}`, aliased.loaded);
    console.log(
      `   A: ${aliased.flood.rps.toFixed(1)} req/s (${statusesOf(aliased.flood)}); ${verdict(aliased.loaded, report.idle)}`,
    );
  }
}

async function sqlGrant(url: string, number: string) {
  const client = createDatabase(url, { max: 1 });
  try {
    return await client.sql<{ id: number }[]>`select id from access.grants where number = ${number}`;
  } finally {
    await client.close();
  }
}

async function shutdown() {
  for (const part of parts.reverse()) await part.stop().catch(() => {});
  await stopDatabase?.();
}

main()
  .then(shutdown)
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await shutdown();
    process.exit(1);
  });
