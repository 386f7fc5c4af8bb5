import { anonymiseRegister, deriveKeys } from "@rnp/anonymise";
import { createDatabase, migrateDatabase } from "@rnp/db";
import { isRegisterSeeded, seedRegister } from "@rnp/generator";
import postgres from "postgres";

/**
 * Section 6 of `pnpm bench`: `pnpm anonymise` over a register of `persons` persons. The
 * source register is generated once into its own database, `bench_register_1m` for the
 * default million (shared with the search bench: whichever runs first seeds it, the other
 * finds it seeded), and kept between runs; the target is dropped and created each run.
 */
export async function benchAnonymise(serverUrl: string, persons: number): Promise<void> {
  const sourceName = persons === 1_000_000 ? "bench_register_1m" : `bench_register_${persons}`;
  const targetName = `bench_anonymised_${persons}`;
  const urlFor = (name: string) => {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  console.log(`\n6. Anonymising a register of ${persons.toLocaleString("en-US")} persons (pnpm anonymise)`);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${sourceName}"`).catch((error: { code?: string }) => {
      // 42P04: it exists already (kept from an earlier run, or made by the search bench).
      if (error.code !== "42P04") throw error;
    });
    await admin.unsafe(`drop database if exists "${targetName}" with (force)`);
    await admin.unsafe(`create database "${targetName}"`);
  } finally {
    await admin.end();
  }
  const sourceUrl = urlFor(sourceName);
  await migrateDatabase(sourceUrl);
  const source = createDatabase(sourceUrl, { max: 2 });
  try {
    if (!(await isRegisterSeeded(source.sql))) {
      console.log(`   seeding ${sourceName} once (kept for later runs)…`);
      const started = performance.now();
      await seedRegister(source.sql, { persons, seed: 1 }).catch(async (error: unknown) => {
        // Another bench seeded it meanwhile: its advisory lock made this one wait, then refuse.
        if (!(await isRegisterSeeded(source.sql))) throw error;
      });
      console.log(`   seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await source.close();
  }
  let lastTable = "";
  const stepSeconds: Record<string, number> = {};
  let step = "";
  let stepStarted = performance.now();
  const endStep = () => {
    if (step) stepSeconds[step] = (performance.now() - stepStarted) / 1000;
  };
  const summary = await anonymiseRegister({
    from: sourceUrl,
    to: urlFor(targetName),
    keys: deriveKeys(Buffer.from("pnpm bench: a fixed anonymisation key of 32+ bytes")),
    asOf: "2026-12-01",
    onStep: (next) => {
      endStep();
      step = next;
      stepStarted = performance.now();
    },
    onProgress: (table, done, total) => {
      if (done === total && table !== lastTable) {
        lastTable = table;
        console.log(`   ${table.padEnd(28)} ${done.toLocaleString("en-US").padStart(10)} rows`);
      }
    },
  });
  endStep();
  const seconds = summary.milliseconds / 1000;
  console.log(
    `   ${summary.persons.toLocaleString("en-US")} persons in ${seconds.toFixed(1)} s: ${Math.round(summary.persons / seconds).toLocaleString("en-US")} persons/s (plan, COPY out, rewrite, COPY in, reorder, measure k, analyze)`,
  );
  const steps = Object.entries(stepSeconds)
    .map(([step, s]) => `${step} ${s.toFixed(1)} s`)
    .join(", ");
  console.log(`   steps: ${steps}`);
  const measured = Object.entries(summary.k.measured)
    .map(([table, m]) => `${table} ${m.k ?? "-"}`)
    .join(", ");
  console.log(`   k measured (target ${summary.k.target}): ${measured}`);
  const g = summary.generalisation;
  const share = (n: number) => `${((100 * n) / Math.max(1, summary.persons)).toFixed(1)} %`;
  console.log(
    `   birth year kept exactly for ${share(g.birthYearExact)} of persons, within 5 years for ${share(g.birthYearWithinFive)}; parent–child links under 16 years: ${g.generationsTooClose}`,
  );
}
