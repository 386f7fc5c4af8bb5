/**
 * `pnpm start` and the project's other commands as a user runs them in a terminal: child
 * processes of `node --import tsx …`, exactly as the root package.json's scripts say.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const scripts = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    scripts: Record<string, string>;
  }
).scripts;

/** A started command: its output so far, `up` once the banner's last line is out (or it exited). */
export interface StartedCommand {
  child: ChildProcess;
  up: Promise<string>;
  exited: Promise<[number | null, NodeJS.Signals | null]>;
  output(): string;
}

/** The node arguments of `pnpm <name>` (a script of the form `node --import tsx <file>`). */
function scriptArgs(name: string): string[] {
  const script = scripts[name];
  const match = /^node (--import tsx \S+)$/.exec(script ?? "");
  if (!match) throw new Error(`the script ${name} is not "node --import tsx <file>": ${script}`);
  return match[1]!.split(" ");
}

/**
 * Runs `pnpm <name> ...args` in a process group of its own (as a shell gives it), with
 * development settings and `env` over the test's environment; `until` ends `up`.
 */
export function runScript(
  name: string,
  args: string[],
  env: Record<string, string>,
  until = "Stop with Ctrl+C",
): StartedCommand {
  const child = spawn(process.execPath, [...scriptArgs(name), ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: "", NODE_ENV: "development", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  const up = new Promise<string>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(until)) resolve(output);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then(() => resolve(output));
  });
  return { child, up, exited, output: () => output };
}

/** Runs `pnpm <name>` to its end: exit code and output. */
export async function runToEnd(
  name: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const run = runScript(name, args, env, "\0never");
  const [code] = await run.exited;
  return { code, output: run.output() };
}

/** Ctrl+C in the terminal: SIGINT to the group; resolves with the exit code. */
export async function interrupt(command: StartedCommand): Promise<number | null> {
  if (command.child.exitCode !== null || command.child.signalCode !== null) return command.child.exitCode;
  process.kill(-command.child.pid!, "SIGINT");
  const [code] = await command.exited;
  return code;
}

/** A value of the start banner by its label, e.g. `banner(printed, "operator API key")`. */
export function banner(printed: string, label: string): string | undefined {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`${escaped}\\s+(\\S+)`).exec(printed)?.[1];
}

/** The banner's gateway URL, on 127.0.0.1 (localhost may resolve to ::1 first). */
export function gatewayOf(printed: string): string {
  const url = banner(printed, "gateway (Apollo Sandbox in a browser)");
  if (!url) throw new Error(`no gateway in the banner:\n${printed}`);
  return url.replace("//localhost:", "//127.0.0.1:");
}
