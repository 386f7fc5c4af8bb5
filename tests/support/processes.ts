import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { appendFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

export interface PartProcess {
  child: ChildProcess;
  /** The GraphQL URL the process printed ("… ready at <url>"). */
  url: string;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts a TypeScript entry point (path from the repository root) as its own process and
 * resolves once it prints "ready at <url>"; rejects with its output if it exits first.
 */
export async function startPartProcess(entry: string, env: Record<string, string>): Promise<PartProcess> {
  // Under the test suite (vitest.config.ts sets the folder) the part logs at `info` and its
  // lines join the run's log folder, which the global teardown checks for person data.
  const logFolder = process.env.RNP_TEST_LOG_DIR;
  const level = env.LOG_LEVEL ?? (logFolder ? "info" : (process.env.LOG_LEVEL ?? "warn"));
  // `node --import tsx` rather than the tsx CLI: one process, so SIGTERM reaches our handler once.
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: root,
    // One JSON line per request at `info`: benchmarks' parts log warnings only unless asked.
    env: { ...process.env, ...env, LOG_LEVEL: level },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logFile = logFolder
    ? path.join(logFolder, `process-${path.basename(path.dirname(path.dirname(entry)))}-${child.pid}.log`)
    : undefined;
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (logFile) appendFileSync(logFile, chunk);
      const match = /ready at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) =>
      reject(new Error(`${entry} exited with ${code} before it was ready:\n${output}`)),
    );
  });
  return {
    child,
    url,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      const [code] = await exited;
      return code as number | null;
    },
  };
}
