/**
 * First steps as a new user takes them: `pnpm start` in one terminal, the project's own tools
 * in another. The tools find the running platform by its `.data/platform.json` (no database
 * of their own, no key to copy), and the keys printed at a start stay the same at the next.
 */
import { statSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Client, createClient } from "graphql-ws";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import {
  banner,
  gatewayOf,
  interrupt,
  runScript,
  runToEnd,
  type StartedCommand,
} from "./support/startCommand";

let folder: string;
let env: Record<string, string>;
const started: StartedCommand[] = [];

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "rnp-beside-"));
  // The defaults a user has: the chain key and anchors generated into the data folder.
  env = { REGISTER_DATA_DIR: path.join(folder, "postgres"), AUDIT_CHAIN_KEY: "", AUDIT_ANCHOR_FILE: "" };
});
afterAll(async () => {
  for (const command of started) await interrupt(command).catch(() => {});
  await rm(folder, { recursive: true, force: true });
});

async function start(): Promise<string> {
  const command = runScript("start", ["--port", "0", "--persons", "150"], env);
  started.push(command);
  const printed = await command.up;
  expect(printed, printed).toContain("Stop with Ctrl+C");
  return printed;
}

async function post(gateway: string, key: string, grant: string, query: string, variables = {}) {
  const response = await fetch(gateway, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${key}`,
      ...(grant ? { grant } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
}

let first: { operatorKey: string; demoKey: string; grant: string };

describe("the tools beside a running `pnpm start`", () => {
  it("simulate delivers a change to a subscriber, monitoring:import and audit:verify work, all without settings", async () => {
    const printed = await start();
    const gateway = gatewayOf(printed);
    const demoKey = banner(printed, "demo requester API key")!;
    const grant = banner(printed, "demo grant (send as the Grant header)")!;
    first = { operatorKey: banner(printed, "operator API key")!, demoKey, grant };
    // The facts file: the owner's only.
    const facts = path.join(folder, "platform.json");
    expect(statSync(facts).mode & 0o077).toBe(0);

    // The banner's connection string is pasteable: it has the password.
    const databaseUrl = banner(printed, "database (psql, DATABASE_URL)")!;
    expect(databaseUrl).not.toContain("***");
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    const codes = (await sql`select person_code from person.persons where death_date is null`).map(
      (row) => row.person_code as string,
    );
    await sql.end();

    const created = await post(
      gateway,
      demoKey,
      grant,
      'mutation { createMonitoringSet(input: { name: "beside", dataGroups: ["ADDRESS", "NAME", "DOCUMENTS"] }) { id } }',
    );
    expect(created.errors).toBeUndefined();
    const setId = (created.data!.createMonitoringSet as { id: string }).id;
    const codesFile = path.join(folder, "codes.txt");
    writeFileSync(codesFile, `${codes.join("\n")}\n`);
    const imported = await runToEnd("monitoring:import", ["--set", setId, "--file", codesFile], {
      ...env,
      RNP_API_KEY: "",
      RNP_GRANT: "",
    });
    expect(imported.output).toContain(`Done in`);
    expect(imported.output).toContain(`${codes.length} added`);
    expect(imported.code).toBe(0);

    const client: Client = createClient({
      url: gateway.replace("http://", "ws://"),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${demoKey}`, grant },
      retryAttempts: 0,
    });
    try {
      const received = new Promise<{ personCode: string; dataGroups: string[] }>((resolve, reject) => {
        client.subscribe<{ setChanges: { personCode: string; dataGroups: string[] } }>(
          {
            query: "subscription ($set: ID!) { setChanges(setId: $set) { cursor personCode dataGroups } }",
            variables: { set: setId },
          },
          {
            next: (message) =>
              message.data ? resolve(message.data.setChanges) : reject(new Error(JSON.stringify(message))),
            error: reject,
            complete: () => reject(new Error("completed without a change")),
          },
        );
      });
      const simulated = await runToEnd("simulate", ["--rate", "20", "--duration", "1"], env);
      expect(simulated.output).toContain("using the database of the platform running as process");
      expect(simulated.output).not.toContain("in use");
      expect(simulated.code, simulated.output).toBe(0);
      const change = await received;
      expect(codes).toContain(change.personCode.replace("-", ""));
    } finally {
      await client.dispose();
    }

    const verified = await runToEnd("audit:verify", [], env);
    expect(verified.output).toMatch(/The audit trail is whole: [1-9]\d* rows verified/);
    expect(verified.output).not.toMatch(/\n\s+at /);
    expect(verified.code).toBe(0);

    expect(await interrupt(started.pop()!)).toBe(0);
    // Removed at stop: a tool run now starts the embedded server itself.
    expect(() => statSync(facts)).toThrow();
  });

  it("audit:verify on a folder held by another process says so in one sentence, no stack trace", async () => {
    const holder = runScript("start", ["--port", "0", "--persons", "0"], {
      ...env,
      REGISTER_DATA_DIR: path.join(folder, "other", "postgres"),
    });
    started.push(holder);
    await holder.up;
    // The facts file gone (as after an older start), the folder still held: the one sentence.
    await rm(path.join(folder, "other", "platform.json"));
    const verified = await runToEnd("audit:verify", [], {
      ...env,
      REGISTER_DATA_DIR: path.join(folder, "other", "postgres"),
    });
    expect(verified.output).toContain("Could not open the database: The embedded PostgreSQL in");
    expect(verified.output).not.toMatch(/\n\s+at /);
    expect(verified.code).toBe(2);
    expect(await interrupt(started.pop()!)).toBe(0);
  });
});

describe("keys across restarts in development", () => {
  it("a second start on the same .data prints the same keys, which still work, and no page holds one", async () => {
    const printed = await start();
    const gateway = gatewayOf(printed);
    expect(banner(printed, "operator API key")).toBe(first.operatorKey);
    expect(banner(printed, "demo requester API key")).toBe(first.demoKey);
    expect(banner(printed, "demo grant (send as the Grant header)")).toBe(first.grant);
    const asDemo = await post(gateway, first.demoKey, first.grant, "{ me { role } }");
    expect(asDemo.errors).toBeUndefined();
    const asOperator = await post(
      gateway,
      first.operatorKey,
      "",
      "{ requesters(first: 1) { nodes { id } } }",
    );
    expect(asOperator.errors).toBeUndefined();
    // Only one demo key is valid: none of earlier starts is left behind.
    const listed = await post(
      gateway,
      first.operatorKey,
      "",
      "{ requesters(first: 100) { nodes { name apiKeys { revokedAt } } } }",
    );
    const demo = (
      listed.data!.requesters as { nodes: { name: string; apiKeys: { revokedAt: string | null }[] }[] }
    ).nodes.find((r) => r.name === "Demo Banka AS")!;
    expect(demo.apiKeys.filter((k) => !k.revokedAt)).toHaveLength(1);

    const page = await (await fetch(new URL("/explorer", gateway))).text();
    expect(page).not.toContain(first.demoKey);
    expect(page).not.toContain(first.operatorKey);
    expect(page).not.toContain(first.grant);
    expect(await interrupt(started.pop()!)).toBe(0);
  });

  it("a start without the kept demo key issues a new one and revokes the old", async () => {
    await rm(path.join(folder, "demo-requester.key"));
    const printed = await start();
    const gateway = gatewayOf(printed);
    const key = banner(printed, "demo requester API key")!;
    expect(key).not.toBe(first.demoKey);
    expect((await post(gateway, key, first.grant, "{ me { role } }")).errors).toBeUndefined();
    expect((await post(gateway, first.demoKey, first.grant, "{ me { role } }")).errors).toBeDefined();
    expect(await interrupt(started.pop()!)).toBe(0);
  });
});
