import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

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
    reporters: ["default", "./tests/support/summaryReporter.ts"],
    // The in-process platforms' request lines would bury the test output; a test that reads
    // log lines starts its parts with LOG_LEVEL=info.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "silent" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each whole-stack file starts its own servers; two cores run two files at once.
    maxWorkers: 2,
  },
});
