import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** What no log line of a run may hold: the test register's persons and the run's secrets. */
export interface Forbidden {
  /** Personal codes (current and former), 11 digits without the hyphen. */
  personCodes: ReadonlySet<string>;
  /** Given names and surnames of the register, each one word or several. */
  names: ReadonlySet<string>;
  /** Birth dates, YYYY-MM-DD. */
  birthDates: ReadonlySet<string>;
  /** Secrets the test platforms are configured with (signing secrets, chain key, OAuth keys). */
  secrets: readonly string[];
}

export interface Finding {
  file: string;
  line: number;
  /** What was found, e.g. "personal code 010190-12345": the value, so the line can be fixed. */
  what: string;
  /** The line, cut to 300 characters. */
  text: string;
}

// The platform's credentials by their form: API keys (`rnp_…`, `rnp_op_…`), application
// tokens (`rnp_app_…`), client secrets (`rnp_secret_…`): 24 random bytes in base64url.
const KEY = /\brnp_(?:op_|app_|secret_)?[A-Za-z0-9_-]{32}(?![A-Za-z0-9_-])/g;
// OAuth access tokens and forwarded identities: JWTs.
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const CODE = /(?<!\d)(\d{6})-?(\d{5})(?!\d)/g;
const DATE = /(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/g;
const WORD = /[\p{L}][\p{L}'-]*/gu;

/** The line without the fields pino adds itself (`time` is a date every line has). */
function contentOf(line: string): string {
  if (!line.startsWith("{")) return line;
  try {
    const { time: _time, ...fields } = JSON.parse(line) as Record<string, unknown>;
    return JSON.stringify(fields);
  } catch {
    return line;
  }
}

/**
 * Every forbidden value in one line. A key is found by its form, whoever issued it; a
 * `rnp_…` word of lower-case letters and underscores only is a metric name, not a key.
 */
export function scanLine(line: string, forbidden: Forbidden): string[] {
  const content = contentOf(line);
  const found: string[] = [];
  for (const match of content.matchAll(CODE)) {
    if (forbidden.personCodes.has(`${match[1]}${match[2]}`)) found.push(`personal code ${match[0]}`);
  }
  for (const match of content.matchAll(DATE)) {
    if (forbidden.birthDates.has(match[0])) found.push(`birth date ${match[0]}`);
  }
  for (const match of content.matchAll(WORD)) {
    if (forbidden.names.has(match[0])) found.push(`name ${match[0]}`);
  }
  for (const match of content.matchAll(KEY)) {
    if (!/^rnp_[a-z_]+$/.test(match[0])) found.push(`key ${match[0].slice(0, 12)}…`);
  }
  for (const match of content.matchAll(JWT)) found.push(`token ${match[0].slice(0, 16)}…`);
  for (const secret of forbidden.secrets) {
    if (secret && content.includes(secret)) found.push(`secret ${secret.slice(0, 6)}…`);
  }
  return found;
}

/** Every forbidden value in every line of every file in `folder`. */
export function scanLogFolder(folder: string, forbidden: Forbidden): { lines: number; findings: Finding[] } {
  const findings: Finding[] = [];
  let lines = 0;
  for (const name of readdirSync(folder).sort()) {
    const file = path.join(folder, name);
    const text = readFileSync(file, "utf8");
    text.split("\n").forEach((line, index) => {
      if (line.trim() === "") return;
      lines++;
      for (const what of scanLine(line, forbidden)) {
        findings.push({ file: name, line: index + 1, what, text: line.slice(0, 300) });
      }
    });
  }
  return { lines, findings };
}

/** Words of a register's names: a name of several words ("Anna Marija") is each of them. */
export function nameWords(names: Iterable<string>, minLength = 3): Set<string> {
  const words = new Set<string>();
  for (const name of names) {
    for (const word of name.match(WORD) ?? []) if (word.length >= minLength) words.add(word);
  }
  return words;
}
