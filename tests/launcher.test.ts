/**
 * `pnpm start` as a user runs it in a terminal: its own process group (as a shell gives it),
 * stopped with Ctrl+C, which the terminal sends to the whole group.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_AUDIT_CHAIN_KEY } from "./support/platform";

const root = fileURLToPath(new URL("..", import.meta.url));
let folder: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "rnp-launcher-"));
});
afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await rm(folder, { recursive: true, force: true });
});

/** The start command in a process group of its own; `up` resolves with its output once it is up or has exited. */
function startCommand(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", "platform/src/cli/start.ts", ...args], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: "",
      NODE_ENV: "development",
      AUDIT_CHAIN_KEY: TEST_AUDIT_CHAIN_KEY,
      AUDIT_ANCHOR_FILE: path.join(folder, "anchors.jsonl"),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  children.push(child);
  let output = "";
  const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  const up = new Promise<string>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Stop with Ctrl+C")) resolve(output);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then(() => resolve(output));
  });
  return { child, up, exited, output: () => output };
}

describe("pnpm start in a terminal", () => {
  it("stops cleanly on Ctrl+C: drains, stops its embedded PostgreSQL last, exits 0 without a stack trace", async () => {
    const dataDir = path.join(folder, "postgres");
    const { child, up, exited, output } = startCommand([
      "--port",
      "0",
      "--persons",
      "0",
      "--data-dir",
      dataDir,
    ]);
    const printed = await up;
    const gateway = /gateway \(Apollo Sandbox in a browser\)\s+(http:\/\/\S+)/.exec(printed)?.[1];
    expect(gateway, printed).toBeDefined();
    // An answer proves the start has got past its last line (the signal handlers are set).
    const live = await fetch(new URL("/health/live", gateway!.replace("//localhost:", "//127.0.0.1:")));
    expect(live.status).toBe(200);
    expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(true);
    // The development acceptance act key pair beside the data folder, the private half 0600.
    expect(printed).toContain("acceptance act key");
    expect(statSync(path.join(folder, "acceptance-act-signing.key")).mode & 0o077).toBe(0);
    expect(existsSync(path.join(folder, "acceptance-act-signing.pub"))).toBe(true);

    // What the terminal does on Ctrl+C: SIGINT to every process of the foreground group.
    process.kill(-child.pid!, "SIGINT");
    const [code, signal] = await exited;
    expect(output()).toContain("SIGINT received: draining requests and shutting down");
    expect(output()).not.toContain("CONNECTION_CLOSED");
    expect(output()).not.toMatch(/\n\s+at /);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    // The embedded server was stopped by the platform, not left behind.
    expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
  });
});

/** A socket listening on a free port whose predecessor is free too (the gateway's port, below it). */
async function listeningAfterFreePort(): Promise<{ server: Server; port: number }> {
  const listenOn = (port: number) =>
    new Promise<Server | null>((resolve) => {
      const server = createServer();
      server.once("error", () => resolve(null));
      server.listen(port, "127.0.0.1", () => resolve(server));
    });
  for (;;) {
    const server = (await listenOn(0))!;
    const port = (server.address() as { port: number }).port;
    const below = await listenOn(port - 1);
    if (below) {
      await new Promise((resolve) => below.close(resolve));
      return { server, port };
    }
    server.close();
  }
}

describe("pnpm start on a busy port", () => {
  it("says which port is in use and what to do, exit code 2, no stack trace: the gateway's port", async () => {
    const { server, port } = await listeningAfterFreePort();
    try {
      const { exited, output } = startCommand(["--port", String(port), "--persons", "0"], {
        DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
      });
      const [code] = await exited;
      expect(output()).toContain(
        `Port ${port} is in use (by another program or an earlier start): stop it or pass --port.`,
      );
      expect(output()).not.toMatch(/\n\s+at |EADDRINUSE/);
      expect(code).toBe(2);
    } finally {
      server.close();
    }
  });

  it("the same for a subgraph's port (the gateway's port + 1)", async () => {
    const { server, port } = await listeningAfterFreePort();
    try {
      const { exited, output } = startCommand(["--port", String(port - 1), "--persons", "0"], {
        DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
      });
      const [code] = await exited;
      expect(output()).toContain(
        `Port ${port} (the person subgraph's: --port + 1) is in use (by another program or an earlier start): stop it or pass --port.`,
      );
      expect(output()).not.toMatch(/\n\s+at |EADDRINUSE/);
      expect(code).toBe(2);
    } finally {
      server.close();
    }
  });
});
