/**
 * `pnpm simulate`: a realistic random stream of register changes (see `simulate/options.ts`
 * for what it does and its options). A development tool: it needs a seeded register.
 */
import { createDatabase, migrateDatabase } from "@rnp/db";
import { databaseFromEnv } from "@rnp/db/embedded";
import { isRegisterSeeded } from "@rnp/generator";
import { ChangeRefused, todayIso } from "../repositories/changes/index";
import { pickKind, simulateOne } from "./simulate/changeStream";
import { runMassChange } from "./simulate/massChange";
import { parseSimulateOptions } from "./simulate/options";
import { createRandom } from "./simulate/random";
import { Tally } from "./simulate/report";
import { loadVocabulary } from "./simulate/vocabulary";

const { rate, duration, seed, mass: massCode, massName } = parseSimulateOptions();

const stops: (() => Promise<void>)[] = [];
let exitCode = 0;
let stopping = false;
process.once("SIGINT", () => {
  stopping = true;
});
process.once("SIGTERM", () => {
  stopping = true;
});

try {
  const database = await databaseFromEnv({ log: (line) => console.log(`• ${line}`) });
  stops.push(database.stop);
  const url = database.url;
  await migrateDatabase(url);
  const client = createDatabase(url, { max: 4, applicationName: "rnp-simulate" });
  stops.unshift(client.close);
  if (!(await isRegisterSeeded(client.sql))) {
    throw new Error("the register is empty: run `pnpm seed` (or `pnpm start`) first");
  }
  const db = client.db;
  const random = createRandom(seed);
  const words = await loadVocabulary(db);

  let mass: Promise<void> | null = null;
  const runMass = async (code: string) => {
    if (!(await runMassChange(db, code, massName))) exitCode = 1;
  };

  if (massCode && duration === 0) await runMass(massCode);

  const tally = new Tally(db);
  const total = Math.round(rate * duration);
  if (duration > 0) {
    console.log(
      `• ${total} changes at ${rate}/s for ${duration} s (seed ${seed}), dated ${todayIso()}; Ctrl-C stops`,
    );
  }
  for (let i = 0; i < total && !stopping; i++) {
    const due = tally.started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (massCode && !mass && i >= total / 2) mass = runMass(massCode);
    const kind = pickKind(random);
    const began = performance.now();
    try {
      tally.made(kind, await simulateOne(db, random, words, kind));
    } catch (error) {
      if (error instanceof ChangeRefused) tally.refusedOne(kind, error);
      else tally.failedOne(kind, error);
    }
    tally.took(kind, began);
    await tally.report();
  }
  if (mass) await mass;
  if (duration > 0) await tally.summary();
  if (tally.failed > 0) exitCode = 1;
} catch (error) {
  console.error(`Simulation failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  for (const stop of stops) await stop().catch(() => {});
}
process.exit(exitCode);
