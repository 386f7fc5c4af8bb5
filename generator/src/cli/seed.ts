import { commandLine } from "@rnp/common";
import { createDatabase, migrateDatabase } from "@rnp/db";
import { databaseFromEnv } from "@rnp/db/embedded";
import cliProgress from "cli-progress";
import { isRegisterSeeded, type SeedSummary, seedRegister } from "../index";

const usage = `Usage: pnpm seed [--persons N] [--seed S] [--force]

Fills the population register with synthetic, deterministic data: the same seed and number
of persons always give the same register. Migrations are applied first.

Database: DATABASE_URL when set, else an embedded PostgreSQL in .data/postgres.

Options:
  --persons N   persons to generate (default 10000)
  --seed S      generator seed, 0–4294967295 (default 1)
  --force       replace an existing register (TRUNCATE … CASCADE of the person tables,
                in the same transaction as the new load)
  --help        show this text`;

const cli = commandLine({
  usage,
  options: { persons: { type: "string" }, seed: { type: "string" }, force: { type: "boolean" } },
});
const { values } = cli;
const persons = cli.wholeNumber("persons", values.persons, 10_000);
const seed = cli.wholeNumber("seed", values.seed, 1, { max: 0xffffffff });

/** A bar on a terminal; elsewhere (CI logs, pipes) a line every few seconds. */
function progressReporter(): { update(done: number, total: number): void; stop(): void } {
  if (process.stdout.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: "  persons {bar} {percentage}% | {value}/{total} | {duration_formatted}", hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(persons, 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  }
  let lastReport = 0;
  return {
    update: (done, total) => {
      if (Date.now() - lastReport < 5_000 && done < total) return;
      lastReport = Date.now();
      console.log(`  ${done}/${total} persons (${Math.round((100 * done) / Math.max(1, total))}%)`);
    },
    stop: () => {},
  };
}

function printSummary(summary: SeedSummary, seconds: number): void {
  console.log(`Seeded ${summary.persons} persons with seed ${summary.seed} in ${seconds.toFixed(1)} s:`);
  const width = Math.max(...Object.keys(summary.rows).map((table) => table.length));
  for (const [table, count] of Object.entries(summary.rows)) {
    console.log(`  ${table.padEnd(width)}  ${count.toLocaleString("en-US").padStart(11)}`);
  }
}

const stops: (() => Promise<void>)[] = [];
let exitCode = 0;
try {
  const database = await databaseFromEnv({ log: (line) => console.log(`• ${line}`) });
  stops.push(database.stop);
  const url = database.url;
  await migrateDatabase(url);
  console.log("• migrations applied");
  const client = createDatabase(url, { max: 2, applicationName: "rnp-seed" });
  stops.unshift(client.close);
  if (!values.force && (await isRegisterSeeded(client.sql))) {
    console.error("The register is already seeded. Run with --force to replace it.");
    exitCode = 1;
  } else {
    console.log(`• generating and loading ${persons} persons (seed ${seed})`);
    const started = performance.now();
    const progress = progressReporter();
    try {
      const summary = await seedRegister(client.sql, {
        persons,
        seed,
        replace: values.force === true,
        onProgress: progress.update,
      });
      progress.stop();
      printSummary(summary, (performance.now() - started) / 1000);
    } catch (error) {
      progress.stop();
      throw error;
    }
  }
} catch (error) {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  for (const stop of stops) await stop().catch(() => {});
}
process.exit(exitCode);
