/**
 * JSON text of a GraphQL answer, written in chunks with the event loop free between them.
 * `JSON.stringify` of 30 000 persons (3 MB) holds the process for tens of milliseconds, as
 * long under load as the rest of a small request takes; in chunks of `CHUNK` list items,
 * other requests are served between two chunks. The text is exactly `JSON.stringify`'s.
 */

/** List items written between two yields. */
const CHUNK = 500;
/** Lists are looked for this deep (answer → data → root field → list, and one level more). */
const MAX_DEPTH = 5;

const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Whether a value holds a list longer than CHUNK within MAX_DEPTH, i.e. is worth chunking. */
function holdsLargeList(value: unknown, depth: number): boolean {
  if (Array.isArray(value))
    return (
      value.length > CHUNK || (depth < MAX_DEPTH && value.some((item) => holdsLargeList(item, depth + 1)))
    );
  if (!isPlainObject(value) || depth >= MAX_DEPTH) return false;
  return Object.values(value).some((item) => holdsLargeList(item, depth + 1));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

async function write(value: unknown, depth: number, parts: string[]): Promise<void> {
  if (Array.isArray(value) && depth < MAX_DEPTH) {
    parts.push("[");
    for (let start = 0; start < value.length; start += CHUNK) {
      if (start > 0) await yieldTurn();
      const end = Math.min(start + CHUNK, value.length);
      for (let i = start; i < end; i++) {
        if (i > 0) parts.push(",");
        const item = value[i];
        if (holdsLargeList(item, depth + 1)) await write(item, depth + 1, parts);
        // As JSON.stringify writes them in a list: undefined, functions and symbols are null.
        else parts.push(JSON.stringify(item) ?? "null");
      }
    }
    parts.push("]");
    return;
  }
  if (isPlainObject(value) && depth < MAX_DEPTH && holdsLargeList(value, depth)) {
    parts.push("{");
    let first = true;
    for (const [key, item] of Object.entries(value)) {
      const text = holdsLargeList(item, depth + 1) ? null : JSON.stringify(item);
      // As JSON.stringify: a property whose value has no JSON form is left out.
      if (text === undefined) continue;
      parts.push(`${first ? "" : ","}${JSON.stringify(key)}:`);
      first = false;
      if (text === null) await write(item, depth + 1, parts);
      else parts.push(text);
    }
    parts.push("}");
    return;
  }
  parts.push(JSON.stringify(value) ?? "null");
}

/** Apollo Server's `stringifyResult`: its own form (JSON and a newline), in chunks when large. */
export async function stringifyInChunks(value: unknown): Promise<string> {
  if (!holdsLargeList(value, 0)) return `${JSON.stringify(value)}\n`;
  const parts: string[] = [];
  await write(value, 0, parts);
  return `${parts.join("")}\n`;
}
