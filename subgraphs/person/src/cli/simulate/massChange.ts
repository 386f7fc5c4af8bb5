/** The optional mass change of a simulation: renaming one municipality. */
import type { Database } from "@rnp/db";
import { sql } from "drizzle-orm";
import { renameMunicipality } from "../../repositories/changes/index";
import { rows } from "./rows";

/** Default new name of a municipality: a reversible, realistic-looking rename. */
export function defaultNewName(name: string): string {
  if (name.endsWith(" apvienotais novads")) return name.replace(" apvienotais novads", " novads");
  if (name.endsWith(" novads")) return name.replace(/ novads$/, " apvienotais novads");
  if (name.endsWith(" valstspilsēta")) {
    const genitive = name.slice(0, -" valstspilsēta".length);
    return genitive.endsWith("pils") ? genitive : genitive.slice(0, -1);
  }
  return `${name.endsWith("s") ? name : `${name}s`} valstspilsēta`;
}

/**
 * Renames municipality `code` to `newName` (default: `defaultNewName` of its name) and
 * prints how many persons were logged and how long it took. Returns false when the
 * register refused the change (the reason is printed).
 */
export async function runMassChange(db: Database, code: string, newNameOption?: string): Promise<boolean> {
  const [row] = await rows<{ name: string }>(
    db,
    sql`select name from person.addresses where address_code = ${code}`,
  );
  const newName = newNameOption ?? (row ? defaultNewName(row.name) : "");
  console.log(`• mass change: renaming municipality ${code} (${row?.name ?? "unknown"}) to ${newName}`);
  const started = performance.now();
  try {
    const result = await renameMunicipality(db, { municipalityCode: code, newName });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `• mass change done: ${result.previousName} → ${newName}: ${result.personsAffected.toLocaleString("en-US")} persons logged, ${result.addressesUpdated.toLocaleString("en-US")} addresses rewritten in ${seconds.toFixed(2)} s (last seq ${result.lastSeq ?? "-"})`,
    );
    return true;
  } catch (error) {
    console.error(`• mass change refused: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
