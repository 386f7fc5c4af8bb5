import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createGraphQLServer, type GraphQLServer } from "@rnp/common";
import { createDatabase, schema } from "@rnp/db";
import { startEmbeddedPostgres } from "@rnp/db/embedded";
import { BOOTSTRAP_KEY_LABEL, ensureOperatorKey } from "@rnp/gateway/access/credentials";
import { provisionRequester, syntheticRegistrationNumber } from "@rnp/platform/provision";
import { buildSchema } from "graphql";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { ALL_GROUPS, startTestPlatform, type TestPlatform } from "./support/platform";
import { type PartProcess, startPartProcess } from "./support/processes";

const root = fileURLToPath(new URL("..", import.meta.url));

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
  };
}

async function post(url: string, query: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

const bearer = (key: string, grant?: string) => ({
  authorization: `Bearer ${key}`,
  ...(grant ? { grant } : {}),
});

describe("refusals and internal errors through the gateway", () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("answers an id over 2^31-1 with BAD_USER_INPUT and a sentence, not the SQL", async () => {
    const answer = await post(
      platform.gatewayUrl,
      'mutation { revokeApiKey(id: "99999999999") { id } }',
      bearer(platform.operatorKey),
    );
    const [error] = answer.body.errors ?? [];
    expect(error?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error?.message).toContain("is not an id: pass a whole number from 1 to 2147483647");
    expect(JSON.stringify(answer.body)).not.toMatch(/select|update|params|api_keys|out of range/i);
    // The same for an id inside a cursor.
    const cursor = Buffer.from("requester:99999999999").toString("base64url");
    const page = await post(
      platform.gatewayUrl,
      `{ requesters(first: 5, after: "${cursor}") { nodes { id } } }`,
      bearer(platform.operatorKey),
    );
    expect(page.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(page.body)).not.toMatch(/select |params:|out of range/i);
  });

  it("cuts echoed input short", async () => {
    const long = "7".repeat(5_000);
    const answer = await platform.query(`{ residents(addressCode: "${long}") { nodes { personCode } } }`);
    const [error] = answer.errors ?? [];
    expect(error?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error?.message).toContain(`"${"7".repeat(40)}…" is not an address code`);
    expect(error!.message.length).toBeLessThan(200);
  });

  it("gives HTTP 403 for a FORBIDDEN that comes from a subgraph", async () => {
    // A requester's administrator issuing a key for another organisation: the gateway lets
    // the role through, the catalog subgraph refuses the organisation.
    const { issueApiKey } = await platform.operator<{ issueApiKey: { key: string } }>(
      `mutation ($id: ID!) { issueApiKey(input: { requesterId: $id, role: REQUESTER_ADMIN, label: "faults test" }) { key } }`,
      { id: platform.requester.requesterId },
    );
    const other = await provisionRequester(platform.gatewayUrl, platform.operatorKey, {
      name: "Cita Banka AS",
      registrationNumber: syntheticRegistrationNumber(31),
      dataGroups: ALL_GROUPS,
      purpose: "Faults test",
    });
    const answer = await post(
      platform.gatewayUrl,
      `mutation { issueApiKey(input: { requesterId: "${other.requesterId}", role: REQUESTER, label: "x" }) { key } }`,
      bearer(issueApiKey.key),
    );
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(answer.body.errors?.[0]?.message).toContain("own organisation");
    expect(answer.status).toBe(403);
  });

  it("keeps at most one valid bootstrap operator key: a start with a new key revokes the previous", async () => {
    const me = "{ me { role } }";
    expect((await post(platform.gatewayUrl, me, bearer(platform.operatorKey))).body.errors).toBeUndefined();
    const database = createDatabase(platform.databaseUrl, { max: 1 });
    try {
      // What the next `pnpm start` does with its own random key.
      const nextKey = `rnp_op_next_${Date.now()}`;
      await ensureOperatorKey(database.db, nextKey);
      await ensureOperatorKey(database.db, nextKey); // the same key again: nothing changes
      const previous = await post(platform.gatewayUrl, me, bearer(platform.operatorKey));
      expect(previous.status).toBe(401);
      expect(previous.body.errors?.[0]?.message).toContain("was revoked");
      const next = await post(platform.gatewayUrl, me, bearer(nextKey));
      expect(next.body).toEqual({ data: { me: { role: "OPERATOR" } }, extensions: expect.anything() });
      const rows = await database.sql<{ valid: number }[]>`
        select count(*)::int as valid from access.api_keys
        where label = ${BOOTSTRAP_KEY_LABEL} and revoked_at is null`;
      expect(rows[0]?.valid).toBe(1);
    } finally {
      await database.close();
    }
  });
});

describe("an internal error", () => {
  let database: TestDatabase;
  let server: GraphQLServer<{ requestId: string }>;
  let url: string;
  beforeAll(async () => {
    database = await createTestDatabase("empty");
    const client = createDatabase(database.url, { max: 1 });
    server = await createGraphQLServer<{ requestId: string }>({
      apollo: {
        schema: buildSchema("type Query { keyByHash: Int }"),
        rootValue: {
          // A real SQL failure with a parameter, as drizzle reports it ("Failed query: … params: …").
          keyByHash: async () => {
            await client.db.insert(schema.access.apiKeys).values({
              requesterId: 99_999_999_999,
              role: "OPERATOR",
              label: "x",
              prefix: "x",
              keyHash: "secret-hash-0123",
            });
            return 1;
          },
        },
      },
      context: async () => ({ requestId: "req-faults-0001" }),
      onStop: client.close,
    });
    url = await server.listen(0);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it("reaches the client masked with the request id, and is logged in full", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const answer = await post(url, "{ keyByHash }");
      expect(answer.body.errors).toEqual([
        {
          message:
            "Internal error; quote request id req-faults-0001 to the platform operator, who can find the details in the log.",
          locations: [{ line: 1, column: 3 }],
          path: ["keyByHash"],
          extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "req-faults-0001" },
        },
      ]);
      const log = logged.mock.calls.map((call) => call.map(String).join(" ")).join("\n");
      expect(log).toContain("req-faults-0001");
      expect(log).toContain("secret-hash-0123");
    } finally {
      logged.mockRestore();
    }
  });
});

describe("a subgraph that stops answering or is down", () => {
  const SECRET = "a-secret-for-the-faults-tests";
  const TIMEOUT_MS = 1_500;
  let database: TestDatabase;
  const parts: PartProcess[] = [];
  let person: PartProcess;
  let gateway: PartProcess;
  let stockGateway: PartProcess;
  let headers: Record<string, string>;
  let personCode: string;

  beforeAll(async () => {
    database = await createTestDatabase("seeded");
    const env = { DATABASE_URL: database.url, INTERNAL_SIGNING_SECRET: SECRET, PORT: "0" };
    person = await startPartProcess("subgraphs/person/src/index.ts", env);
    parts.push(person);
    const catalog = await startPartProcess("subgraphs/catalog/src/index.ts", env);
    parts.push(catalog);
    const operatorKey = "rnp_op_faults_test_key_0123456789";
    gateway = await startPartProcess("gateway/src/index.ts", {
      ...env,
      OPERATOR_API_KEY: operatorKey,
      PERSON_SUBGRAPH_URL: person.url,
      CATALOG_SUBGRAPH_URL: catalog.url,
      SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS),
    });
    parts.push(gateway);
    // The same with the gateway's stock HTTP client (make-fetch-happen) instead of the pool.
    stockGateway = await startPartProcess("gateway/src/index.ts", {
      ...env,
      PERSON_SUBGRAPH_URL: person.url,
      CATALOG_SUBGRAPH_URL: catalog.url,
      SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS),
      GATEWAY_FETCHER: "default",
    });
    parts.push(stockGateway);
    const requester = await provisionRequester(gateway.url, operatorKey, {
      name: "Laika Banka AS",
      registrationNumber: syntheticRegistrationNumber(32),
      dataGroups: ALL_GROUPS,
      purpose: "Faults test",
    });
    headers = bearer(requester.key, requester.grantNumber);
    const sqlClient = postgres(database.url, { max: 1 });
    try {
      const [row] = await sqlClient`select person_code from person.persons order by person_code limit 1`;
      personCode = row!.person_code as string;
    } finally {
      await sqlClient.end();
    }
  });
  afterAll(async () => {
    for (const part of parts) {
      part.child.kill("SIGCONT");
      part.child.kill("SIGKILL");
    }
    await database?.drop();
  });

  const personQuery = () => `{ person(personCode: "${personCode}") { givenName } }`;

  it("answers HTTP 504 SUBGRAPH_TIMEOUT within the timeout when the subgraph is stopped (SIGSTOP)", async () => {
    expect((await post(gateway.url, personQuery(), headers)).status).toBe(200);
    person.child.kill("SIGSTOP");
    try {
      for (const url of [gateway.url, stockGateway.url]) {
        const started = Date.now();
        const answer = await post(url, personQuery(), headers);
        const elapsed = Date.now() - started;
        expect(answer.status).toBe(504);
        expect(answer.body.errors?.[0]?.extensions?.code).toBe("SUBGRAPH_TIMEOUT");
        expect(answer.body.errors?.[0]?.message).toContain(
          `person subgraph did not answer within ${TIMEOUT_MS} ms`,
        );
        expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
        expect(elapsed).toBeLessThan(TIMEOUT_MS + 2_000);
      }
    } finally {
      person.child.kill("SIGCONT");
    }
    // Once it runs again, so does the gateway.
    expect((await post(gateway.url, personQuery(), headers)).status).toBe(200);
  });

  it("cancels the subgraph call when the client goes away", async () => {
    // A "person subgraph" that never answers and reports when its caller hangs up.
    const hungUp: Promise<void>[] = [];
    const silent = createServer((_request, response) => {
      hungUp.push(new Promise((resolve) => response.once("close", () => resolve())));
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const port = (silent.address() as AddressInfo).port;
      const patient = await startPartProcess("gateway/src/index.ts", {
        DATABASE_URL: database.url,
        INTERNAL_SIGNING_SECRET: SECRET,
        PORT: "0",
        PERSON_SUBGRAPH_URL: `http://127.0.0.1:${port}/graphql`,
        SUBGRAPH_TIMEOUT_MS: "60000",
      });
      parts.push(patient);
      const client = new AbortController();
      const sent = fetch(patient.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query: personQuery() }),
        signal: client.signal,
      }).catch(() => null);
      while (hungUp.length === 0) await once(silent, "request");
      client.abort();
      await sent;
      const started = Date.now();
      await hungUp[0];
      // Well before the 60 s deadline: the gateway dropped the call when the client left.
      expect(Date.now() - started).toBeLessThan(5_000);
      await patient.stop();
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it("answers HTTP 502 SUBGRAPH_UNAVAILABLE naming the subgraph, not its URL, when it is down", async () => {
    const exited = once(person.child, "exit");
    person.child.kill("SIGKILL");
    await exited;
    for (const url of [gateway.url, stockGateway.url]) {
      const answer = await post(url, personQuery(), headers);
      expect(answer.status).toBe(502);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe("SUBGRAPH_UNAVAILABLE");
      expect(answer.body.errors?.[0]?.message).toContain("The person subgraph is unavailable");
      expect(JSON.stringify(answer.body)).not.toContain(new URL(person.url).port);
    }
  });
});

/** `pnpm start` as its own process; resolves with its gateway URL once it is up. */
async function startPlatformProcess(
  dataDir: string,
): Promise<{ child: ChildProcess; url: string; output(): string }> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "platform/src/cli/start.ts",
      "--port",
      "0",
      "--persons",
      "300",
      "--data-dir",
      dataDir,
    ],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "", NODE_ENV: "development" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /is up[\s\S]*?gateway \(Apollo Sandbox in a browser\)\s+(http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code, signal) =>
      reject(new Error(`pnpm start exited (${code ?? signal}) before it was up:\n${output}`)),
    );
  });
  return { child, url, output: () => output };
}

describe("a start after kill -9 of the whole platform", () => {
  let folder: string;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "rnp-faults-"));
  });
  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL");
    // A server this test left behind would hold the folder: stop it like a start would.
    await rm(folder, { recursive: true, force: true });
  });

  it("stops the orphaned PostgreSQL, comes up, serves a person and the audit verifies", async () => {
    const dataDir = path.join(folder, "postgres");
    const first = await startPlatformProcess(dataDir);
    children.push(first.child);
    const key = /demo requester API key\s+(\S+)/.exec(first.output())![1]!;
    const grant = /demo grant \(send as the Grant header\)\s+(\S+)/.exec(first.output())![1]!;
    const code = /personCode: \\"([\d-]+)\\"/.exec(first.output())![1]!;
    const query = `{ person(personCode: "${code}") { givenName } }`;
    expect((await post(first.url, query, bearer(key, grant))).body.errors).toBeUndefined();
    // Mid-load: requests in flight (and audit rows being written) when the process dies.
    const load = Array.from({ length: 30 }, () =>
      post(first.url, query, bearer(key, grant)).catch(() => null),
    );
    await new Promise((resolve) => setImmediate(resolve));
    const exited = once(first.child, "exit");
    first.child.kill("SIGKILL");
    await exited;
    await Promise.all(load);

    const second = await startPlatformProcess(dataDir);
    children.push(second.child);
    expect(second.output()).toContain("still running on");
    expect(second.output()).not.toMatch(/delete/i);
    const answer = await post(second.url, query, {
      ...bearer(/demo requester API key\s+(\S+)/.exec(second.output())![1]!, grant),
    });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const stopped = once(second.child, "exit");
    second.child.kill("SIGTERM");
    expect((await stopped)[0]).toBe(0);

    const verify = spawn(process.execPath, ["--import", "tsx", "gateway/src/cli/auditVerify.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "", REGISTER_DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let verifyOutput = "";
    verify.stdout.on("data", (chunk: Buffer) => {
      verifyOutput += chunk.toString();
    });
    verify.stderr.on("data", (chunk: Buffer) => {
      verifyOutput += chunk.toString();
    });
    const [verifyCode] = await once(verify, "exit");
    expect(verifyOutput).toContain("The audit trail is whole");
    expect(verifyCode).toBe(0);
  }, 240_000);
});

describe.runIf(process.getuid?.() === 0)("the embedded server as root", () => {
  it("starts in a folder other users cannot enter, granting only the traverse bit, and says so", async () => {
    // Like a project under /root (mode 0700): PostgreSQL runs as user postgres and must get in.
    const closed = await mkdtemp(path.join(tmpdir(), "rnp-closed-"));
    await chmod(closed, 0o700);
    const lines: string[] = [];
    try {
      const server = await startEmbeddedPostgres({
        dataDir: path.join(closed, "inner", "data"),
        ephemeral: true,
        onLog: (line) => lines.push(line),
      });
      try {
        const client = postgres(server.url, { max: 1 });
        expect(await client`select 1 as one`).toEqual([{ one: 1 }]);
        await client.end();
      } finally {
        await server.stop();
      }
      expect((await stat(closed)).mode & 0o777).toBe(0o701);
      expect(lines.join("\n")).toContain(`granted others traverse permission (o+x) on ${closed}`);
    } finally {
      await rm(closed, { recursive: true, force: true });
    }
  });
});

describe("the embedded server's lock file", () => {
  it("is replaced when its process id now belongs to another program, and the data is kept", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "rnp-lock-"));
    const dataDir = path.join(folder, "data");
    try {
      const first = await startEmbeddedPostgres({ dataDir, ephemeral: true });
      const client = postgres(first.url, { max: 1 });
      await client`create table kept (n int)`;
      await client`insert into kept values (42)`;
      await client.end();
      await first.stop();
      // As after a crash of the machine: the lock file stays, and its pid is taken by a live
      // process that is not PostgreSQL (here the test runner's parent). Run as a normal user,
      // postgres refuses such a lock file; as root (the server runs as user postgres) it
      // ignores another user's process, so there only the log line shows the check ran.
      const lock = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(
        () => `0\n${dataDir}\n`,
      );
      await writeFile(path.join(dataDir, "postmaster.pid"), lock.replace(/^\d+/, String(process.ppid)));
      const lines: string[] = [];
      const second = await startEmbeddedPostgres({
        dataDir,
        ephemeral: true,
        onLog: (line) => lines.push(line),
      });
      try {
        const again = postgres(second.url, { max: 1 });
        expect(await again`select n from kept`).toEqual([{ n: 42 }]);
        await again.end();
      } finally {
        await second.stop();
      }
      expect(lines.join("\n")).toContain("removing the stale lock file");
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
