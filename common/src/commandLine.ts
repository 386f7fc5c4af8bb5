import { type ParseArgsConfig, parseArgs } from "node:util";

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig["options"]>;

/** The `--help` flag every command takes. */
const HELP = { help: { type: "boolean" } } as const;

export interface CommandLineConfig<O extends ParseArgsOptionsConfig> {
  /** Printed on `--help` (to stdout, exit 0) and after every complaint (to stderr, exit 2). */
  usage: string;
  /** The command's options; `--help` is added. */
  options: O;
  /** Default: the process's arguments. */
  args?: string[];
}

/**
 * Parses a command's options the one way every command of the project does: `--help` prints
 * the usage and exits 0; an unknown option, a missing value or a bad number prints a
 * sentence, a blank line and the usage to stderr and exits 2 (bad arguments).
 */
export function commandLine<const O extends ParseArgsOptionsConfig>(config: CommandLineConfig<O>) {
  const fail = (sentence: string): never => {
    console.error(`${sentence}\n\n${config.usage}`);
    process.exit(2);
  };
  const parse = () =>
    parseArgs({
      options: { ...config.options, ...HELP },
      strict: true,
      allowPositionals: false,
      ...(config.args ? { args: config.args } : {}),
    });
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  // Inside this generic function TypeScript cannot resolve the parsed type; `help` is ours.
  if ((values as { help?: boolean }).help) {
    console.log(config.usage);
    process.exit(0);
  }
  return {
    values,
    fail,
    /** `text` as a whole number from `min` (default 0) to `max`, `fallback` when absent. */
    wholeNumber(
      name: string,
      text: string | undefined,
      fallback: number,
      { min = 0, max = Number.MAX_SAFE_INTEGER }: { min?: number; max?: number } = {},
    ): number {
      if (text === undefined) return fallback;
      const value = Number(text);
      if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min) {
        fail(`--${name} must be a whole number ≥ ${min}; got "${text}".`);
      }
      if (value > max) fail(`--${name} must be at most ${max}; got ${value}.`);
      return value;
    },
  };
}
