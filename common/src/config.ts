import { z } from "zod";

/**
 * Settings are read from the environment once per part, through a schema, by that part's
 * config module; nothing else reads `process.env`. A wrong value stops the start with a
 * sentence naming the variable, the value and what is allowed; library code throws
 * `ConfigError` and never exits the process (the command's entry point decides that).
 */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

/** One environment variable: how to read it and the sentence saying what is allowed. */
export interface Setting<T> {
  /** What a wrong value is told it should be, e.g. "a whole number from 1 to 100000". */
  allowed: string;
  /** Reads the value; `undefined` when the variable is unset or empty. Throws on a wrong one. */
  read(text: string | undefined): T;
  /** For `--help` and docs: the default, as text, or undefined when required or none. */
  defaultText?: string;
}

function setting<T>(schema: z.ZodType<T>, allowed: string, defaultText?: string): Setting<T> {
  return {
    allowed,
    ...(defaultText !== undefined ? { defaultText } : {}),
    read(text) {
      // An empty value is an unset one: `FOO= pnpm start` must not mean "refuse everything".
      const result = schema.safeParse(text === "" ? undefined : text);
      if (!result.success) throw new Error(allowed);
      return result.data;
    },
  };
}

const wholeNumber = z.string().regex(/^\d+$/).transform(Number);

/** A whole number from `min` to `max`; `fallback` when unset (required when `fallback` is undefined). */
export function integerSetting(min: number, max: number, fallback: number): Setting<number>;
export function integerSetting(min: number, max: number): Setting<number | undefined>;
export function integerSetting(min: number, max: number, fallback?: number): Setting<number | undefined> {
  const range = wholeNumber.pipe(z.number().int().min(min).max(max));
  const allowed = `a whole number from ${min} to ${max}${fallback !== undefined ? ` (default ${fallback})` : ""}`;
  return setting(
    fallback === undefined ? range.optional() : range.optional().default(fallback),
    allowed,
    fallback === undefined ? undefined : String(fallback),
  );
}

/** One of `values`; `fallback` when unset. */
export function enumSetting<const V extends string>(values: readonly [V, ...V[]], fallback: V): Setting<V> {
  return setting(
    z.enum(values).optional().default(fallback),
    `one of ${values.join(", ")} (default ${fallback})`,
    fallback,
  );
}

/** `true`/`1`/`yes`/`on` or `false`/`0`/`no`/`off`; `fallback` when unset. */
export function booleanSetting(fallback: boolean): Setting<boolean> {
  const parsed = z
    .string()
    .toLowerCase()
    .pipe(z.enum(["true", "1", "yes", "on", "false", "0", "no", "off"]))
    .transform((text) => ["true", "1", "yes", "on"].includes(text));
  return setting(
    parsed.optional().default(fallback),
    `true or false (default ${fallback})`,
    String(fallback),
  );
}

/** Free text of at least `minLength` characters; undefined when unset, unless `required`. */
export function textSetting(options: { minLength?: number; required: true }): Setting<string>;
export function textSetting(options?: { minLength?: number; required?: false }): Setting<string | undefined>;
export function textSetting({
  minLength = 1,
  required = false,
}: {
  minLength?: number;
  required?: boolean;
} = {}) {
  const text = z.string().min(minLength);
  const allowed = minLength > 1 ? `at least ${minLength} characters` : "a value";
  return setting(required ? text : text.optional(), required ? `${allowed} (required)` : allowed);
}

/** An absolute URL with one of `protocols` (e.g. `["postgres:", "postgresql:"]`); undefined when unset. */
export function urlSetting(protocols: readonly string[]): Setting<string | undefined> {
  const url = z.string().refine((text) => {
    try {
      return protocols.includes(new URL(text).protocol);
    } catch {
      return false;
    }
  });
  return setting(url.optional(), `a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`);
}

type Values<S extends Record<string, Setting<unknown>>> = { [K in keyof S]: ReturnType<S[K]["read"]> };

/**
 * Reads every variable `settings` names from `env`, all at once so that every wrong one is
 * named in the same `ConfigError`. A secret's value is never repeated in the sentence.
 */
export function readConfig<S extends Record<string, Setting<unknown>>>(
  settings: S,
  env: Readonly<Record<string, string | undefined>>,
  { secrets = [] }: { secrets?: readonly (keyof S & string)[] } = {},
): Values<S> {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(settings)) {
    const text = env[name];
    try {
      values[name] = entry.read(text);
    } catch {
      const shown =
        text === undefined || text === "" ? "unset" : secrets.includes(name) ? "set (hidden)" : `"${text}"`;
      problems.push(`${name} is ${shown}; set it to ${entry.allowed}.`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return values as Values<S>;
}
