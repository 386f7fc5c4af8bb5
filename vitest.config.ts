import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**", ".data/**"],
    globalSetup: ["tests/support/globalSetup.ts"],
    reporters: ["default", "./tests/support/summaryReporter.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each whole-stack file starts its own servers; two cores run two files at once.
    maxWorkers: 2,
  },
});
