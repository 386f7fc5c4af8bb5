import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres } from "@rnp/db/embedded";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, post } from "./support/post";

// Starting again after a fault: after kill -9 of the whole platform, in a folder other users
// cannot enter, and over a lock file whose process id now belongs to another program.

const root = fileURLToPath(new URL("..", import.meta.url));

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
