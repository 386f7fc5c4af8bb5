/** Command-line options of `pnpm simulate`: parsed, checked, explained on a mistake. */
import { commandLine } from "@rnp/common";

export const usage = `Usage: pnpm simulate [--rate N] [--duration S] [--seed S] [--mass CODE [--mass-name NAME]]

Produces a realistic random stream of register changes through the person subgraph's own
change functions (not GraphQL), each one transaction with its rows in the change log:
address declared 50 %, document issued or invalidated 25 %, birth 7 %, name change 5 %,
marriage 5 %, death 5 %, divorce 3 %. Eligible persons are picked with SQL. Prints the
changes per second and the change log's last seq every second.

Changes run one after another, so the same seed on the same register gives the same
changes (dated today). Above the rate the database sustains, it runs as fast as it can.

Database: DATABASE_URL when set, else the embedded PostgreSQL in .data/postgres (as
\`pnpm start\` and \`pnpm seed\` use it). The register must be seeded.

Options:
  --rate N          changes per second (default 20)
  --duration S      seconds to run (default 60)
  --seed S          random seed, 0–4294967295 (default 1)
  --mass CODE       also rename municipality CODE (a 9-digit address code) in one mass
                    change, halfway through the stream (at once with --duration 0), and
                    print how many persons it logged and how long it took
  --mass-name NAME  the new name (default: "X novads" ↔ "X apvienotais novads",
                    "Rīga" ↔ "Rīgas valstspilsēta")
  --help            show this text`;

export interface SimulateOptions {
  /** Changes per second. */
  rate: number;
  /** Seconds to run; 0 runs only the mass change. */
  duration: number;
  seed: number;
  /** A municipality's 9-digit address code to rename halfway through. */
  mass?: string;
  /** The new name; a default derived from the current one when absent. */
  massName?: string;
}

/**
 * The options in `args` (default: the process's). Prints the usage and exits 0 for
 * `--help`; prints what is wrong and exits 2 for an unknown option or a bad value.
 */
export function parseSimulateOptions(args?: string[]): SimulateOptions {
  const cli = commandLine({
    usage,
    options: {
      rate: { type: "string" },
      duration: { type: "string" },
      seed: { type: "string" },
      mass: { type: "string" },
      "mass-name": { type: "string" },
    },
    ...(args ? { args } : {}),
  });
  const { values } = cli;
  // Rates and durations may be fractional, so this is not the helper's whole number.
  const number = (name: string, text: string | undefined, fallback: number, max: number) => {
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(value) || value > max) {
      cli.fail(`--${name} must be a number from 0 to ${max}; got "${text}".`);
    }
    return value;
  };
  const rate = number("rate", values.rate, 20, 10_000);
  const duration = number("duration", values.duration, 60, 86_400);
  const seed = number("seed", values.seed, 1, 0xffffffff);
  if (rate <= 0 && duration > 0) cli.fail("--rate must be above 0.");
  if (values.mass !== undefined && !/^\d{9}$/.test(values.mass)) {
    cli.fail(`--mass must be a municipality's 9-digit address code; got "${values.mass}".`);
  }
  return {
    rate,
    duration,
    seed,
    ...(values.mass !== undefined ? { mass: values.mass } : {}),
    ...(values["mass-name"] !== undefined ? { massName: values["mass-name"] } : {}),
  };
}
