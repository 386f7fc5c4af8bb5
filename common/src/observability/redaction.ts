/**
 * What a log line may say about an error or a piece of text: one serializer for every part
 * and every path that logs (pino's `err`, the request lines, the masked internal errors,
 * the planner's and the WebSocket server's failures). A log is read by more people than the
 * register's data and kept longer, so it holds no person data, SQL parameters or secrets:
 * - drizzle's `DrizzleQueryError` writes the statement and its parameters into its message
 *   ("Failed query: … params: <surname>,<given name>,<birth date>"): the parameters are never
 *   kept, the statement only as its first words with literals masked;
 * - PostgreSQL's errors quote values (`date/time field value out of range: "…"`) and carry
 *   them in `detail`, `where`, `parameters`: values are masked, those fields dropped; the
 *   SQLSTATE, routine and the table, column and constraint names stay, they say what broke;
 * - any text: personal codes, dates, API keys, OAuth tokens and `Bearer` values are masked.
 */

/** The longest text kept of one message; a longer one is cut (an error is not an echo). */
const MAX_TEXT = 1_000;
/** Statement text kept to say which statement failed (its parameters never are). */
const MAX_STATEMENT = 160;
const MAX_FRAMES = 12;
const MAX_DEPTH = 4;

/** Ordered: the first ones remove whole spans, the later ones mask tokens inside what is left. */
const TEXT_RULES: [RegExp, string][] = [
  // drizzle's message: the statement, then `params: a,b,c` to the end of the message.
  [/Failed query:[\s\S]*/g, "Failed query (statement and parameters withheld)"],
  [/\bparams?: [^\n]*/gi, "params: [withheld]"],
  [/\bparameters?: \[[^\]]*\]/gi, "parameters: [withheld]"],
  [/\bBearer\s+\S+/gi, "Bearer [credential]"],
  [/\beyJ[\w-]*\.[\w-]+\.[\w-]*/g, "[token]"],
  [/\brnp_(?:op_|app_|secret_)?[A-Za-z0-9_-]{20,}/g, "[key]"],
  // A personal code, with or without the hyphen, and any longer run of digits that holds one.
  [/\b\d{6}-\d{5}\b/g, "[personal code]"],
  [/\d{11,}/g, "[number]"],
  [/\b\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}(?::?\d{2})?)?)?/g, "[date]"],
  // A value quoted by PostgreSQL or graphql-js (`…: "x"`, `value "x"`, `got "x"`), an identifier
  // quoted after its kind (`relation "x"`, `column "x"`) is kept.
  [/(:|\bvalue|\bgot|\bfor|=)\s*"(?:[^"\\]|\\.)*"/gi, '$1 "…"'],
  [/(=|\bvalue|\bgot)\s*'(?:[^'\\]|\\.)*'/gi, "$1 '…'"],
  [/\(([^()]{0,200})\)=\(([^()]*)\)/g, "($1)=(…)"],
];

/** `text` with person data, parameters and credentials masked, cut to MAX_TEXT characters. */
export function redactText(text: string): string {
  let redacted = text.length > 4 * MAX_TEXT ? text.slice(0, 4 * MAX_TEXT) : text;
  for (const [pattern, replacement] of TEXT_RULES) redacted = redacted.replace(pattern, replacement);
  return redacted.length > MAX_TEXT ? `${redacted.slice(0, MAX_TEXT)}…` : redacted;
}

/**
 * A statement's first words, which say what failed (`select … from "person"."persons"`), with
 * string and number literals masked: parameters travel apart (`$1`), but a statement could
 * still carry an inlined value.
 */
export function statementShape(statement: string): string {
  const shape = statement
    .replace(/'(?:[^']|'')*'/g, "'…'")
    .replace(/(?<![$\w])\d+(?:\.\d+)?/g, "0")
    .replace(/\s+/g, " ")
    .trim();
  return shape.length > MAX_STATEMENT ? `${shape.slice(0, MAX_STATEMENT)}…` : shape;
}

export interface SerializedError {
  type: string;
  message: string;
  /** `extensions.code` of a GraphQL error, or an error's own string `code` (not PostgreSQL's). */
  code?: string;
  /** PostgreSQL's error: SQLSTATE, the routine that raised it, and the names it is about. */
  sqlState?: string;
  routine?: string;
  schema?: string;
  table?: string;
  column?: string;
  constraint?: string;
  /** The failed statement's first words, literals masked (`statementShape`). */
  statement?: string;
  /** The stack's frames only: its first line repeats the message, which is redacted above. */
  stack?: string;
  cause?: SerializedError;
}

type ErrorLike = Error & Record<string, unknown>;

const isPostgresError = (error: ErrorLike) =>
  error.name === "PostgresError" || (typeof error.severity === "string" && typeof error.routine === "string");

/** drizzle's DrizzleQueryError (its `name` is plain "Error"): a statement and its parameters. */
const isQueryError = (error: ErrorLike) =>
  error.constructor?.name === "DrizzleQueryError" || (typeof error.query === "string" && "params" in error);

function framesOf(stack: unknown): string | undefined {
  if (typeof stack !== "string") return undefined;
  const frames = stack
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => redactText(line.trim()));
  return frames.length > 0 ? frames.join("\n") : undefined;
}

const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

/**
 * An error as a log line may show it (see the module comment), with its cause chain
 * (`cause`, a GraphQL error's `originalError`) to MAX_DEPTH. Anything that is not an Error
 * is shown as redacted text.
 */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (isSerialized(error)) return redactFields(error as unknown as Record<string, unknown>) as never;
  if (!(error instanceof Error)) {
    const message =
      error && typeof error === "object" && typeof (error as { message?: unknown }).message === "string"
        ? (error as { message: string }).message
        : typeof error === "string"
          ? error
          : safeJson(error);
    return { type: error === null ? "null" : typeof error, message: redactText(message) };
  }
  const candidate = error as ErrorLike;
  const type =
    candidate.constructor?.name && candidate.constructor.name !== "Error"
      ? candidate.constructor.name
      : candidate.name;
  const serialized: SerializedError = { type: type || "Error", message: redactText(candidate.message) };
  if (isQueryError(candidate)) {
    serialized.message = "Failed query (statement and parameters withheld)";
    if (typeof candidate.query === "string") serialized.statement = statementShape(candidate.query);
  }
  if (isPostgresError(candidate)) {
    serialized.type = "PostgresError";
    Object.assign(
      serialized,
      Object.fromEntries(
        Object.entries({
          sqlState: text(candidate.code),
          routine: text(candidate.routine),
          schema: text(candidate.schema_name),
          table: text(candidate.table_name),
          column: text(candidate.column_name),
          constraint: text(candidate.constraint_name),
          statement: typeof candidate.query === "string" ? statementShape(candidate.query) : undefined,
        }).filter(([, value]) => value !== undefined),
      ),
    );
  } else {
    const extensions = candidate.extensions as { code?: unknown } | undefined;
    const code = extensions?.code ?? candidate.code;
    if (typeof code === "string" && /^[A-Za-z0-9_.-]{1,64}$/.test(code)) serialized.code = code;
  }
  const stack = framesOf(candidate.stack);
  if (stack) serialized.stack = stack;
  const cause = candidate.originalError ?? candidate.cause;
  if (cause !== undefined && cause !== null && cause !== error && depth < MAX_DEPTH) {
    serialized.cause = serializeError(cause, depth + 1);
  }
  return serialized;
}

/** An error this module serialized already (a log line's fields are redacted before pino's serializers run). */
function isSerialized(value: unknown): boolean {
  if (!value || typeof value !== "object" || value instanceof Error) return false;
  const { type, message } = value as { type?: unknown; message?: unknown };
  return typeof type === "string" && typeof message === "string";
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * The fields of a log line with every string redacted and every Error serialized, to a small
 * depth (a log line is flat; anything deeper is cut rather than walked).
 */
export function redactFields(fields: Record<string, unknown>, depth = 0): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    result[key] =
      depth === 0 && OWN_FIELDS.has(key) && typeof value === "string" ? value : redactValue(value, depth);
  }
  return result;
}

/**
 * Fields the platform makes itself, never from client input or data: kept as they are (a
 * request id is a UUID, whose last group can be twelve digits, which the text rules would mask).
 */
const OWN_FIELDS = new Set(["requestId", "part"]);

function redactValue(value: unknown, depth: number): unknown {
  if (typeof value === "string") return redactText(value);
  if (value instanceof Error) return serializeError(value);
  if (value === null || typeof value !== "object") return value;
  if (depth >= MAX_DEPTH) return "[cut]";
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redactValue(item, depth + 1));
  return redactFields(value as Record<string, unknown>, depth + 1);
}
