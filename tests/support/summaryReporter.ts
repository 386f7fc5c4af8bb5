import type { Reporter, TestModule } from "vitest/node";
import { checkRunLogs } from "./logCheck";

/**
 * Ends the run with a plain "N passed, N failed, N skipped" line, the closing line CI
 * reads to count tests (Vitest's own summary is not in a form it reads). Before it, the
 * run's log lines are checked for person data and secrets (`logCheck.ts`): a finding counts
 * as one failed test and fails the run.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed++;
        else if (state === "failed") counts.failed++;
        else counts.skipped++;
      }
      // A file that failed to load has no tests; count it so the run cannot look green.
      if (module.state() === "failed" && [...module.children.allTests()].length === 0) counts.failed++;
    }
    if (!checkRunLogs(process.env.RNP_TEST_LOG_DIR, (line) => console.log(line))) {
      counts.failed++;
      process.exitCode = 1;
    }
    console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
}
