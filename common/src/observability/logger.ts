import pino, { type Logger } from "pino";

export type { Logger };

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

let root: Logger | undefined;

/**
 * The process's structured logger: one JSON object per line on stdout (pino), at LOG_LEVEL
 * (default `info`; `silent` for none). Each part logs through a child that names it
 * (`partLogger`), and request lines carry the gateway's request id, which the gateway also
 * sends to the subgraphs (`x-request-id`), so one request can be followed across parts.
 */
export function rootLogger(): Logger {
  if (!root) {
    const level = process.env.LOG_LEVEL?.trim() || "info";
    if (!LEVELS.includes(level)) {
      throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(", ")}; got "${level}".`);
    }
    root = pino({ level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });
  }
  return root;
}

/** A child logger whose lines name the part (`gateway`, `person`, …). */
export function partLogger(part: string): Logger {
  return rootLogger().child({ part });
}
