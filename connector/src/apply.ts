import type { ColumnConfig, ConnectorConfig } from "./schema";
import { DEAD_LETTER_TABLE, type TargetTx, writeState } from "./target";

/** A person as the composite set answers it (response keys as selected). */
export type PersonAnswer = Record<string, unknown>;

/** What one batch does to the target: persons to write, codes to remove, and the position reached. */
export interface Batch {
  persons: PersonAnswer[];
  removed: string[];
  /** State values written with the rows, e.g. `cursor` or `members_after`. */
  state: Record<string, string>;
}

export const hyphenless = (code: string) => code.replace("-", "");

function at(value: unknown, dotted: string): unknown {
  let current = value;
  for (const key of dotted.split(".")) {
    if (current === null || typeof current !== "object") return null;
    current = (current as Record<string, unknown>)[key];
  }
  return current ?? null;
}

/** The value written for one column; throws with a sentence when it cannot be converted. */
export function columnValue(config: ConnectorConfig, column: ColumnConfig, source: unknown): unknown {
  let value = at(source, column.field);
  if (value === null) return null;
  if (typeof value === "string") {
    if (column.transform === "hyphenless") value = hyphenless(value);
    else if (column.transform === "upper") value = value.toUpperCase();
    else if (column.transform === "lower") value = value.toLowerCase();
  }
  switch (column.type) {
    case "integer": {
      const n = Number(value);
      if (!Number.isInteger(n))
        throw new Error(`${column.field} is not an integer for column ${column.column}`);
      return n;
    }
    case "boolean":
      if (typeof value !== "boolean")
        throw new Error(`${column.field} is not a boolean for column ${column.column}`);
      return config.target.dialect === "sqlite" ? Number(value) : value;
    case "date":
      if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(value))
        throw new Error(`${column.field} is not a date for column ${column.column}`);
      return value.slice(0, 10);
    default:
      if (typeof value === "object")
        throw new Error(`${column.field} is an object, not text, for column ${column.column}`);
      return String(value);
  }
}

/** The rows of one person: its row of the main table and its child tables' rows. */
export function rowsOf(config: ConnectorConfig, person: PersonAnswer, now: string) {
  const key = hyphenless(String(person.personCode));
  const main: Record<string, unknown> = { [config.table.key]: key, removed_at: null, synced_at: now };
  for (const c of config.table.columns) main[c.column] = columnValue(config, c, person);
  const children = config.children.map((child) => {
    const list = at(person, child.list);
    const items = Array.isArray(list) ? list : [];
    return items.map((item, position) => {
      const row: Record<string, unknown> = { [config.table.key]: key, position };
      for (const c of child.columns) row[c.column] = columnValue(config, c, item);
      return row;
    });
  });
  return { key, main, children };
}

const CHUNK = 200;
function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Writes a batch in the caller's transaction: each person's rows replaced (delete then insert,
 * one form for every dialect, so a replay of the batch leaves the same rows), the removed
 * persons deleted or marked, persons whose answer cannot be converted sent to the dead-letter
 * table, and the state (the cursor) written last, so rows and cursor commit together.
 * Returns how many persons went to the dead-letter table.
 */
export async function applyBatch(tx: TargetTx, config: ConnectorConfig, batch: Batch): Promise<number> {
  const now = new Date().toISOString();
  const keyColumn = config.table.key;
  const written: ReturnType<typeof rowsOf>[] = [];
  const dead: { person_code: string; reason: string; failed_at: string }[] = [];
  for (const person of batch.persons) {
    try {
      written.push(rowsOf(config, person, now));
    } catch (error) {
      dead.push({
        person_code: hyphenless(String(person.personCode)),
        reason: (error as Error).message,
        failed_at: now,
      });
    }
  }
  const replaced = [...written.map((w) => w.key), ...dead.map((d) => d.person_code)];
  const gone = batch.removed.map(hyphenless);
  for (const keys of chunks([...replaced, ...gone])) {
    for (const child of config.children)
      await tx.deleteFrom(child.name).where(keyColumn, "in", keys).execute();
    await tx.deleteFrom(DEAD_LETTER_TABLE).where("person_code", "in", keys).execute();
  }
  for (const keys of chunks(replaced))
    await tx.deleteFrom(config.table.name).where(keyColumn, "in", keys).execute();
  for (const keys of chunks(gone)) {
    if (config.removal === "delete")
      await tx.deleteFrom(config.table.name).where(keyColumn, "in", keys).execute();
    else
      await tx
        .updateTable(config.table.name)
        .set({ removed_at: now })
        .where(keyColumn, "in", keys)
        .where("removed_at", "is", null)
        .execute();
  }
  for (const rows of chunks(written.map((w) => w.main)))
    await tx.insertInto(config.table.name).values(rows).execute();
  for (const [i, child] of config.children.entries()) {
    for (const rows of chunks(written.flatMap((w) => w.children[i] ?? [])))
      await tx.insertInto(child.name).values(rows).execute();
  }
  for (const rows of chunks(dead)) await tx.insertInto(DEAD_LETTER_TABLE).values(rows).execute();
  for (const [name, value] of Object.entries(batch.state)) await writeState(tx, name, value);
  return dead.length;
}
