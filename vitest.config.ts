import { appendFileSync, mkdtempSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

// The run's log folder: each test file's parts log here (tests/support/logCapture.ts) and the
// global teardown checks every line for person data and secrets (tests/support/logScan.ts).
process.env.RNP_TEST_LOG_DIR ??= mkdtempSync(path.join(tmpdir(), "rnp-test-logs-"));
const logFolder = process.env.RNP_TEST_LOG_DIR;

export default defineConfig({
  resolve: {
    // Node resolves `graphql` to its CommonJS entry for ESM and CJS alike; Vite would pick
    // index.mjs for our code while Apollo's CommonJS code loads index.js, and the two
    // copies reject each other's schema objects. Tests load what production loads.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql", { paths: ["common"] }) }],
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**", ".data/**"],
    globalSetup: ["tests/support/globalSetup.ts"],
    setupFiles: ["tests/support/logCapture.ts"],
    // What code in the test processes prints (a library's console.error, a part's startup
    // line) is checked with the log lines; it is printed as before too.
    onConsoleLog(log, type) {
      appendFileSync(path.join(logFolder, "console.log"), `[${type}] ${log.trimEnd()}\n`);
    },
    reporters: ["default", "./tests/support/summaryReporter.ts"],
    // The in-process platforms' request lines would bury the test output; a test that reads
    // log lines starts its parts with LOG_LEVEL=info.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "silent", RNP_TEST_LOG_DIR: logFolder },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each whole-stack file starts its own servers; two cores run two files at once.
    maxWorkers: 2,
  },
});
