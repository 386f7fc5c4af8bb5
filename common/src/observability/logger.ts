import pino, { type DestinationStream, type Logger } from "pino";
import { redactFields, redactText, serializeError } from "./redaction";

export type { Logger };

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

let root: Logger | undefined;
let configured: { level?: string; file?: string } = {};

/**
 * Where and at what level the process logs, for a process that must decide before its
 * parts start (the test suite writes each file's lines to a file of its own, so that every
 * line can be checked for person data at the end of the run). Loggers made after this call
 * use it; call it before any part starts.
 */
export function configureLogging(options: { level?: string; file?: string }): void {
  configured = options;
  root = undefined;
}

/**
 * The process's structured logger: one JSON object per line on stdout (pino), at LOG_LEVEL
 * (default `info`; `silent` for none). Each part logs through a child that names it
 * (`partLogger`), and request lines carry the gateway's request id, which the gateway also
 * sends to the subgraphs (`x-request-id`), so one request can be followed across parts.
 * Every line passes one redaction (`redaction.ts`): errors under `err` are serialized
 * without SQL parameters or quoted values, and every string is stripped of personal codes,
 * dates, keys and tokens, whoever logs it.
 */
export function rootLogger(): Logger {
  if (!root) {
    const level = configured.level ?? (process.env.LOG_LEVEL?.trim() || "info");
    if (!LEVELS.includes(level)) {
      throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(", ")}; got "${level}".`);
    }
    const destination: DestinationStream | undefined = configured.file
      ? pino.destination({ dest: configured.file, sync: true, append: true, mkdir: true })
      : undefined;
    const options: pino.LoggerOptions = {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: serializeError, error: serializeError },
      formatters: { log: (fields) => redactFields(fields) },
      hooks: {
        logMethod(args, method) {
          // `logger.error(error)` alone would take the error's own message, unredacted, as `msg`.
          const [first, ...rest] = args as unknown[];
          const given =
            first instanceof Error && typeof rest[0] !== "string"
              ? [{ err: first }, first.message, ...rest]
              : args;
          const redacted = given.map((arg) => (typeof arg === "string" ? redactText(arg) : arg));
          return method.apply(this, redacted as Parameters<typeof method>);
        },
      },
    };
    root = destination ? pino(options, destination) : pino(options);
  }
  return root;
}

/** A child logger whose lines name the part (`gateway`, `person`, …). */
export function partLogger(part: string): Logger {
  return rootLogger().child({ part });
}

/**
 * Apollo Server's (and @apollo/gateway's) logger interface on a part's logger, so what they
 * log is JSON lines through the same redaction, not `console` text.
 */
export function apolloLoggerOf(logger: Logger) {
  const method =
    (level: "debug" | "info" | "warn" | "error") =>
    (...messages: unknown[]) => {
      const error = messages.find((message) => message instanceof Error);
      const text = messages
        .filter((message) => !(message instanceof Error))
        .map((message) => (typeof message === "string" ? message : JSON.stringify(message)))
        .join(" ");
      if (error) logger[level]({ err: error }, text || (error as Error).message);
      else logger[level](text);
    };
  return { debug: method("debug"), info: method("info"), warn: method("warn"), error: method("error") };
}
