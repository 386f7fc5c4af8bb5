#!/usr/bin/env -S node --import tsx
import pino from "pino";
import { ConfigError, loadConfig, mappingProblems } from "./config";
import { createMetrics, serveMetrics } from "./metrics";
import { approvedDocument, PlatformClient } from "./platform";
import { replay, runSync } from "./sync";
import { initTarget, openTarget, probeWrite } from "./target";

const USAGE = `usage: connector <check|init|sync|replay> [config.yaml]

  check   validates the file (naming the line and the fix), the composite set on the platform
          and that the target can be written
  init    creates or migrates the target's tables
  sync    backfills the set's members, then follows its changes until stopped
  replay  reads and writes again the persons in the dead-letter table`;

/** Runs one command; the exit code. */
async function main(argv: string[]): Promise<number> {
  const [command, file = "connector.yaml"] = argv;
  const log = pino({ base: { service: "connector" } });
  if (!command || !["check", "init", "sync", "replay"].includes(command)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(file);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const client = new PlatformClient(config.platform);
  const db = openTarget(config.target);
  try {
    if (command === "check") {
      const problems = mappingProblems(config, await approvedDocument(client, config));
      try {
        await probeWrite(db);
      } catch (error) {
        problems.push(
          `the target cannot be written (${(error as Error).message}): run \`connector init\`, or give the user the right to write.`,
        );
      }
      for (const problem of problems) process.stderr.write(`${file}: ${problem}\n`);
      if (problems.length === 0)
        process.stdout.write(`${file}: the configuration, the composite set and the target are fine.\n`);
      return problems.length === 0 ? 0 : 1;
    }
    if (command === "init") {
      const problems = mappingProblems(config, await approvedDocument(client, config));
      if (problems.length > 0) {
        for (const problem of problems) process.stderr.write(`${file}: ${problem}\n`);
        return 1;
      }
      const done = await initTarget(db, config);
      process.stdout.write(`${done.length === 0 ? "the tables are up to date" : done.join("\n")}\n`);
      return 0;
    }
    const metrics = createMetrics();
    const ctx = { config, client, db, log, metrics };
    if (command === "replay") {
      const left = await replay(ctx);
      process.stdout.write(`${left} person(s) left in the dead-letter table\n`);
      return left === 0 ? 0 : 1;
    }
    const problems = mappingProblems(config, await approvedDocument(client, config));
    if (problems.length > 0) {
      for (const problem of problems) log.error(problem);
      return 1;
    }
    await initTarget(db, config);
    const server =
      config.sync.metricsPort === undefined
        ? undefined
        : await serveMetrics(metrics, config.sync.metricsPort);
    if (server)
      log.info(
        { metrics: `http://127.0.0.1:${(server.address() as { port: number }).port}/metrics` },
        "metrics served",
      );
    const stop = new AbortController();
    process.once("SIGINT", () => stop.abort());
    process.once("SIGTERM", () => stop.abort());
    await runSync(ctx, stop.signal);
    server?.close();
    return 0;
  } catch (error) {
    log.error(`${command} failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await db.destroy();
  }
}

process.exitCode = await main(process.argv.slice(2));
