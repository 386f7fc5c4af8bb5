import type postgres from "postgres";
import { readCopy } from "./copyRead";
import { decodeField } from "./copyText";
import { factsOf, PERSON_FACTS_SELECT } from "./personFacts";
import type { AnonymisationPlan } from "./plan";

/** k measured on one table of the output: the smallest class of rows sharing a box. */
export interface TableMeasure {
  rows: number;
  /** Rows that fall in a box of the plan. */
  placed: number;
  classes: number;
  /** The smallest class (rows of the output in one box); null when no row was placed. */
  k: number | null;
}

export interface RegisterMeasure {
  persons: TableMeasure;
  documents: TableMeasure;
  marriages: TableMeasure;
  declarations: TableMeasure;
  names: TableMeasure;
  changes: TableMeasure;
}

/**
 * Reads the written register back (inside the target transaction, before it commits) and
 * counts its rows per box of the plan: what an outsider holding the source can narrow a
 * test row down to, at best, with every kept quasi-identifier. Rows that follow another
 * row's date (a declaration from birth, a name given up at a wedding) are placed in the
 * bands where their dates fall or counted as unplaced; every other row must be placed.
 */
export async function measureRegister(
  sql: postgres.Sql | postgres.TransactionSql,
  plan: AnonymisationPlan,
): Promise<RegisterMeasure> {
  const table = async (select: string, classify: (fields: string[]) => number): Promise<TableMeasure> => {
    const counts = new Map<number, number>();
    let rows = 0;
    let placed = 0;
    await readCopy(sql, select, (f) => {
      rows++;
      const box = classify(f);
      if (box < 0) return;
      placed++;
      counts.set(box, (counts.get(box) ?? 0) + 1);
    });
    let k: number | null = null;
    for (const count of counts.values()) if (k === null || count < k) k = count;
    return { rows, placed, classes: counts.size, k };
  };
  const year = (iso: string | undefined) => Number((iso ?? "").slice(0, 4));
  return {
    persons: await table(PERSON_FACTS_SELECT, (f) => plan.persons.classify(factsOf(f))),
    documents: await table(
      "select type, number, issuer, issue_date, expiry_date, status, status_reason from person.identity_documents",
      (f) =>
        plan.documents.classify({
          type: f[0] ?? "",
          number: decodeField(f[1] ?? "") ?? "",
          issuer: decodeField(f[2] ?? "") ?? "",
          issueDate: f[3] ?? "",
          expiryDate: f[4] ?? "",
          status: f[5] ?? "",
          statusReason: decodeField(f[6] ?? "\\N"),
        }),
    ),
    marriages: await table("select married_on, place, divorced_on from person.marriages", (f) =>
      plan.marriages.classify({
        marriedOn: f[0] ?? "",
        place: decodeField(f[1] ?? "") ?? "",
        divorcedOn: decodeField(f[2] ?? "\\N"),
      }),
    ),
    declarations: await table("select kind, declared_to is null from person.declared_addresses", (f) =>
      plan.declarations.classify(f[0] ?? "", f[1] === "t"),
    ),
    names: await table("select change_reason, valid_to from person.name_history", (f) =>
      plan.names.classify(f[0] ?? "", year(f[1])),
    ),
    changes: await table("select kind, data_groups, changed_at from person.change_log", (f) =>
      plan.changes.classify({ kindAndGroups: `${f[0]}\t${f[1]}`, changedAt: f[2] ?? "" }),
    ),
  };
}

/** Tables whose every row must fall in a box (the others have rows that follow another's date). */
export const FULLY_BOXED: readonly (keyof RegisterMeasure)[] = [
  "persons",
  "documents",
  "marriages",
  "changes",
];
