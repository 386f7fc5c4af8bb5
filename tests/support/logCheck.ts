import { existsSync, rmSync } from "node:fs";
import { TEMPLATE_PERSONS, TEMPLATE_SEED } from "./globalSetup";
import { forbiddenInLogs } from "./logForbidden";
import { scanLogFolder } from "./logScan";

/**
 * Checks the run's log lines (every part's, in-process or as a process, and what the test
 * processes printed; see logCapture.ts) for any personal code, name or birth date of the
 * registers the suite serves (the seeded template and the default register), and for any key,
 * token or secret. Returns false and keeps the folder when something is found (the findings
 * are printed, first 20); a clean run's folder is removed unless KEEP_TEST_LOGS=1.
 */
export function checkRunLogs(folder: string | undefined, print: (line: string) => void): boolean {
  if (!folder || !existsSync(folder)) return true;
  const forbidden = forbiddenInLogs([
    { persons: TEMPLATE_PERSONS, seed: TEMPLATE_SEED },
    { persons: 10_000, seed: 1 },
  ]);
  const { lines, findings } = scanLogFolder(folder, forbidden);
  if (findings.length > 0) {
    print(
      `\nlog check FAILED: ${findings.length} findings of person data or secrets in ${lines} log lines (kept in ${folder}):`,
    );
    for (const finding of findings.slice(0, 20)) {
      print(`  ${finding.file}:${finding.line} ${finding.what}\n    ${finding.text}`);
    }
    return false;
  }
  const keep = process.env.KEEP_TEST_LOGS === "1";
  print(
    `\nlog check: ${lines} log lines of this run hold no person data, key or secret${keep ? ` (kept in ${folder})` : ""}`,
  );
  if (!keep) rmSync(folder, { recursive: true, force: true });
  return true;
}
