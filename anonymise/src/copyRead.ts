import { StringDecoder } from "node:string_decoder";
import type postgres from "postgres";

/**
 * Reads the rows of a SELECT with `COPY … TO STDOUT` (text format), calling `onRow` with each
 * row's fields still escaped (`decodeField` from ./copyText decodes one). Faster than a
 * cursor for the anonymiser's passes over whole tables.
 */
export async function readCopy(
  sql: postgres.Sql | postgres.TransactionSql,
  select: string,
  onRow: (fields: string[]) => void,
): Promise<number> {
  const readable = await sql.unsafe(`copy (${select}) to stdout`).readable();
  const decoder = new StringDecoder("utf8");
  let rest = "";
  let rows = 0;
  for await (const chunk of readable) {
    const text = rest + (typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer));
    const lines = text.split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) {
      onRow(line.split("\t"));
      rows++;
    }
  }
  rest += decoder.end();
  if (rest !== "") {
    onRow(rest.split("\t"));
    rows++;
  }
  // As in copyTable: resume the socket postgres.js paused on a full buffer, or the
  // connection's next statement waits forever for the rest of the answer.
  readable._read(0);
  return rows;
}
