import { StringDecoder } from "node:string_decoder";

/**
 * PostgreSQL's COPY text format, both ways: one row per line, columns separated by tabs,
 * `\N` for NULL, backslash escapes. Columns the anonymiser does not change pass through in
 * their escaped form; only the ones it rewrites are decoded and encoded again.
 */

const DECODE: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\" };

/** A COPY text field as its value (null for `\N`). */
export function decodeField(field: string): string | null {
  if (field === "\\N") return null;
  if (!field.includes("\\")) return field;
  return field.replace(/\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|(.))/g, (_, octal, hex, other) =>
    octal
      ? String.fromCharCode(Number.parseInt(octal, 8))
      : hex
        ? String.fromCharCode(Number.parseInt(hex, 16))
        : (DECODE[other] ?? other),
  );
}

/** A value as a COPY text field. */
export function encodeField(value: string | null): string {
  if (value === null) return "\\N";
  if (!/[\\\t\n\r]/.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

/** Elements of a one-dimensional array of plain tokens (digits), as COPY writes `{a,b}`. */
export function decodeSimpleArray(field: string): string[] {
  const inner = field.slice(1, -1);
  return inner === "" ? [] : inner.split(",").map((item) => item.replace(/^"|"$/g, ""));
}

export function encodeSimpleArray(items: readonly string[]): string {
  return `{${items.join(",")}}`;
}

/**
 * Rewrites a COPY text stream line by line: `rewrite` gets a line's fields (still escaped)
 * and returns the fields to write. Bytes are decoded as UTF-8 across chunk boundaries.
 */
export async function* rewriteCopyLines(
  source: AsyncIterable<Buffer | string>,
  rewrite: (fields: string[]) => string[],
  onLines?: (count: number) => void,
): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of source) {
    const text = rest + (typeof chunk === "string" ? chunk : decoder.write(chunk));
    const lines = text.split("\n");
    rest = lines.pop() ?? "";
    if (lines.length === 0) continue;
    let out = "";
    for (const line of lines) out += `${rewrite(line.split("\t")).join("\t")}\n`;
    onLines?.(lines.length);
    yield out;
  }
  rest += decoder.end();
  if (rest !== "") {
    onLines?.(1);
    yield `${rewrite(rest.split("\t")).join("\t")}\n`;
  }
}
