import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { configureLogging } from "@rnp/common";
import { expect } from "vitest";

/**
 * A setup file (vitest.config.ts `setupFiles`): every test file's in-process parts log at
 * `info` (request lines, warnings, errors) to a file of their own in the run's log folder,
 * and parts started as processes copy their JSON lines there too (`processes.ts`). The global
 * teardown scans all of them for the test register's persons and for keys and secrets
 * (`logScan.ts`), so every line the suite makes a part log is checked.
 */
const folder = process.env.RNP_TEST_LOG_DIR;
const testFile = path.basename(expect.getState().testPath ?? "unknown");
const file = folder
  ? path.join(folder, `${testFile}-${process.pid}-${randomBytes(3).toString("hex")}.log`)
  : undefined;
if (file) configureLogging({ level: "info", file });

/** The file this test file's in-process parts log to, or undefined when the run keeps no logs. */
export const capturedLogFile = file;

/** The JSON lines this test file's in-process parts logged so far. */
export function capturedLogLines(): Record<string, unknown>[] {
  if (!file)
    throw new Error("The run keeps no logs: RNP_TEST_LOG_DIR is not set (vitest.config.ts sets it).");
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
