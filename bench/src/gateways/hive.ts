import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "@rnp/db/embedded";
import { supergraphPath } from "@rnp/schema";
import type { PartProcess } from "../../../tests/support/processes";

/**
 * A module every started process imports (`--import`, or NODE_OPTIONS for the parts): when
 * its parent is gone it sends itself SIGTERM, so a benchmark killed outright (SIGKILL), or
 * stopped while a part was still starting, leaves no process behind. Percent-encoded, as
 * NODE_OPTIONS splits at spaces.
 */
export const PARENT_WATCH = `data:text/javascript,${encodeURIComponent(
  'const p=process.ppid;setInterval(()=>{if(process.ppid!==p)process.kill(process.pid,"SIGTERM")},1000).unref();',
)}`;

/**
 * The committed supergraph with each `@join__graph` URL replaced by where that subgraph
 * runs in this benchmark: the same file our gateway is built from, pointed elsewhere.
 */
export function supergraphFor(urls: Record<string, string>): string {
  let sdl = readFileSync(supergraphPath, "utf8");
  for (const [name, url] of Object.entries(urls)) {
    const pattern = new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*(")`);
    if (!pattern.test(sdl)) throw new Error(`The supergraph has no @join__graph for the ${name} subgraph.`);
    sdl = sdl.replace(pattern, `$1${url}$2`);
  }
  return sdl;
}

/**
 * Starts Hive Gateway as its users run it: its own CLI (`hive-gateway supergraph <file>`),
 * one process (`--fork 1`), default plugins, in an empty folder so that no
 * `gateway.config.*` is picked up. Resolves once it listens.
 */
export async function startHiveGateway(urls: Record<string, string>): Promise<PartProcess> {
  const folder = mkdtempSync(path.join(tmpdir(), "rnp-hive-"));
  const file = path.join(folder, "supergraph.graphql");
  writeFileSync(file, supergraphFor(urls));
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("@graphql-hive/gateway/package.json");
  const { bin } = JSON.parse(readFileSync(manifest, "utf8")) as { bin: Record<string, string> };
  const binary = path.resolve(path.dirname(manifest), bin["hive-gateway"]!);
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      "--import",
      PARENT_WATCH,
      binary,
      "supergraph",
      file,
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--fork",
      "1",
    ],
    // NODE_ENV unset: Hive's production mode forks one worker per core, which is not what is compared.
    {
      cwd: folder,
      // Hive reads LOG_LEVEL too, with other names (ours is `silent` under vitest), and its
      // "Listening on" line, waited for below, is at info.
      env: { ...process.env, NODE_ENV: "", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const removeFolder = () => rmSync(folder, { recursive: true, force: true });
  try {
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(`Listening on http://127.0.0.1:${port}`)) resolve();
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", onData);
      child.once("exit", (code) =>
        reject(new Error(`Hive Gateway exited with ${code} before it listened:\n${output}`)),
      );
    });
  } catch (error) {
    removeFolder();
    throw error;
  }
  return {
    child,
    url: `http://127.0.0.1:${port}/graphql`,
    output: () => output,
    async stop() {
      try {
        if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
        const exited = once(child, "exit");
        child.kill("SIGTERM");
        const [code] = await exited;
        return code as number | null;
      } finally {
        removeFolder();
      }
    },
  };
}
