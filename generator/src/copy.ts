import { once } from "node:events";
import { finished } from "node:stream/promises";
import { getTableColumns } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type postgres from "postgres";

/**
 * Bulk loading with PostgreSQL's COPY … FROM STDIN in its text format: one line per row,
 * columns separated by tabs, `\N` for NULL, backslash escapes for \, tab, CR and newline.
 */

const NEEDS_ESCAPE = /[\\\t\n\r]/;

export function escapeCopyText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

/** A PostgreSQL array literal: {"a","b"}; elements are quoted so commas and braces are safe. */
export function arrayLiteral(items: readonly unknown[]): string {
  const elements = items.map((item) =>
    item === null || item === undefined ? "NULL" : `"${String(item).replace(/[\\"]/g, "\\$&")}"`,
  );
  return `{${elements.join(",")}}`;
}

/** One column value in COPY text format. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "string") return escapeCopyText(value);
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  if (Array.isArray(value)) return escapeCopyText(arrayLiteral(value));
  throw new Error(`cannot write ${typeof value} values with COPY`);
}

export interface CopyTarget {
  /** `"person"."persons"` */
  table: string;
  /** `copy "person"."persons" ("person_code", …) from stdin` */
  statement: string;
  /** Property names of the row objects, in column order. */
  keys: readonly string[];
}

/** The COPY statement for a drizzle table, with its columns in declaration order. */
export function copyTarget(table: PgTable): CopyTarget {
  const { name, schema } = getTableConfig(table);
  const columns = Object.entries(getTableColumns(table));
  const qualified = schema ? `"${schema}"."${name}"` : `"${name}"`;
  return {
    table: qualified,
    statement: `copy ${qualified} (${columns.map(([, column]) => `"${column.name}"`).join(", ")}) from stdin`,
    keys: columns.map(([key]) => key),
  };
}

/** Rows as COPY text, in pieces of about `pieceSize` characters ending on whole lines. */
export function* copyLines(
  target: CopyTarget,
  rows: readonly object[],
  pieceSize = 1 << 20,
): Generator<string> {
  let piece: string[] = [];
  let length = 0;
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    let line = "";
    for (let i = 0; i < target.keys.length; i++) {
      if (i > 0) line += "\t";
      line += copyValue(record[target.keys[i] as string]);
    }
    line += "\n";
    piece.push(line);
    length += line.length;
    if (length >= pieceSize) {
      yield piece.join("");
      piece = [];
      length = 0;
    }
  }
  if (piece.length > 0) yield piece.join("");
}

/**
 * COPYs `rows` into `table`. Must run inside a transaction (`sql.begin`).
 *
 * postgres.js never settles a COPY stream whose statement fails after the data was sent
 * (e.g. a foreign-key violation, checked at the end of the statement; porsager/postgres
 * #1173), which would hang the load. So, as soon as the end of the data is sent, a `select 1`
 * is queued behind the COPY: when the COPY failed, the transaction is aborted and that
 * statement fails, which ends the wait with an error instead.
 */
export async function copyRows(
  sql: postgres.TransactionSql,
  table: PgTable,
  rows: readonly object[],
): Promise<void> {
  if (rows.length === 0) return;
  const target = copyTarget(table);
  const stream = await sql.unsafe(target.statement).writable();
  let startProbe: (probe: Promise<unknown>) => void = () => {};
  const probe = new Promise<unknown>((resolve, reject) => {
    startProbe = (started) => started.then(resolve, reject);
  });
  const sendCopyDone = stream._final.bind(stream);
  stream._final = (callback) => {
    sendCopyDone(callback);
    startProbe(sql`select 1`.execute());
  };
  try {
    for (const piece of copyLines(target, rows)) {
      if (stream.destroyed) break;
      if (!stream.write(piece)) await once(stream, "drain");
    }
    stream.end();
    await Promise.all([finished(stream), probe]);
  } catch (error) {
    const aborted = String(error).includes("current transaction is aborted");
    throw new Error(
      `COPY into ${target.table} failed: ${String(error)}` +
        (aborted ? " (the COPY itself failed; the PostgreSQL server log names the reason)" : ""),
      { cause: error },
    );
  }
}
